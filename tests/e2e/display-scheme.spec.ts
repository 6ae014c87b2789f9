import { expect, test, toolbar } from './fixtures';
import { announced, axeToolbar, BAD_PAGES, button, choose, contrastScan, DEMO, diffSnapshots, HOSTILE, openToolbar, snapshot, framesShownWrong, watchFramesFromStart } from './display-helpers';

const SCHEMES = ['黑底白字', '白底黑字', '黑底黄字', '黄底黑字', '蓝底黄字'];
const LINK = { 黑底白字: 'rgb(255, 255, 0)', 白底黑字: 'rgb(0, 0, 204)', 黑底黄字: 'rgb(0, 255, 255)', 黄底黑字: 'rgb(0, 0, 204)', 蓝底黄字: 'rgb(255, 255, 255)' } as const;

test.describe('colour schemes (配色)', () => {
  test('demo page: every visible text reaches 7:1 under each scheme; links underlined and coloured; focus ring 7:1; toolbar passes axe; 原始配色 restores exactly', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const original = await snapshot(page);
    const mins: Record<string, number> = {};
    for (const name of SCHEMES) {
      await choose(page, '配色', name);
      await announced(page, `配色已切换为${name}`);
      const scan = await contrastScan(page);
      expect(scan.count).toBeGreaterThan(60);
      expect(scan.offenders, name).toEqual([]);
      expect(scan.onImages, name).toEqual([]);
      mins[name] = scan.min;
      // Links: the scheme's link colour and an underline.
      const link = await page.locator('.mainnav a').first().evaluate((a) => {
        const cs = getComputedStyle(a);
        return { color: cs.color, line: cs.textDecorationLine };
      });
      expect(link.color).toBe(LINK[name as keyof typeof LINK]);
      expect(link.line).toContain('underline');
      // Keyboard focus: a thick ring in the scheme's focus colour, 7:1 against the background.
      await page.locator('.mainnav a').first().focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await page.locator('.mainnav a').first().evaluate((a) => {
        const cs = getComputedStyle(a);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg: getComputedStyle(document.body).backgroundColor };
      });
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(3);
      const ratio = await page.evaluate(([a, b]: [string, string]) => {
        const lib = (window as unknown as { kjColor: typeof import('../../src/display/color') }).kjColor;
        return lib.contrastRatio(lib.parseColor(a)!, lib.parseColor(b)!);
      }, [ring.color, ring.bg] as [string, string]);
      expect(ratio).toBeGreaterThanOrEqual(7);
      // The toolbar keeps its own colours and passes axe under every scheme.
      expect(await axeToolbar(page), name).toEqual([]);
    }
    test.info().annotations.push({ type: 'contrast-min', description: JSON.stringify(mins) });
    console.log('contrast minimum per scheme (demo page):', JSON.stringify(mins));
    await choose(page, '配色', '原始配色');
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('hostile page: page !important rules, inline !important, gradient text, text on background images, placeholders and late content all reach 7:1; images stay', async ({ page, server }) => {
    await page.goto(server.url + HOSTILE);
    await openToolbar(page);
    const original = await snapshot(page);
    const before = await contrastScan(page);
    expect(before.min).toBeLessThan(3); // the page really is hostile
    const photo = await page.locator('#photo').evaluate((i) => ({ w: i.getBoundingClientRect().width, vis: getComputedStyle(i).visibility, f: getComputedStyle(i).filter }));
    for (const name of ['黑底黄字', '蓝底黄字', '白底黑字']) {
      await choose(page, '配色', name);
      const scan = await contrastScan(page);
      expect(scan.offenders, name).toEqual([]);
      expect(scan.onImages, name).toEqual([]);
      // Inline !important lost to ours, and text that sat on an image now has none behind it.
      await expect(page.locator('#inline-important')).toHaveAttribute('style', /!important/);
      expect(await page.locator('#bg-text').evaluate((e) => getComputedStyle(e).backgroundImage)).toBe('none');
      // Placeholder text reaches 7:1 too.
      const ph = await page.locator('#name').evaluate((i) => [getComputedStyle(i, '::placeholder').color, getComputedStyle(i).backgroundColor]);
      const phRatio = await page.evaluate(([a, b]: [string, string]) => {
        const lib = (window as unknown as { kjColor: typeof import('../../src/display/color') }).kjColor;
        return lib.contrastRatio(lib.parseColor(a)!, lib.parseColor(b)!);
      }, ph as [string, string]);
      expect(phRatio, `placeholder ${ph.join(' on ')}`).toBeGreaterThanOrEqual(7);
      // Images keep their pixels.
      expect(await page.locator('#photo').evaluate((i) => ({ w: i.getBoundingClientRect().width, vis: getComputedStyle(i).visibility, f: getComputedStyle(i).filter }))).toEqual(photo);
    }
    // Content the page adds later is covered (inline !important included).
    await page.locator('#add').click();
    await expect(page.locator('#late-0')).toBeVisible();
    const late = await contrastScan(page);
    expect(late.offenders).toEqual([]);
    await choose(page, '配色', '原始配色');
    // Back to the page exactly, except the content the page itself added meanwhile: compare a fresh load.
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('switching back restores exactly: inline !important attributes byte for byte', async ({ page, server }) => {
    await page.goto(server.url + HOSTILE);
    await openToolbar(page);
    const original = await snapshot(page);
    const attr = await page.locator('#inline-important').getAttribute('style');
    await choose(page, '配色', '黄底黑字');
    await expect(page.locator('#inline-important')).not.toHaveAttribute('style', attr!);
    await choose(page, '配色', '原始配色');
    await expect(page.locator('#inline-important')).toHaveAttribute('style', attr!);
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  for (const p of BAD_PAGES.slice(0, 4)) {
    test(`BAD ${p}: 黑底黄字 and 蓝底黄字 reach 7:1 on every visible text`, async ({ page, server }) => {
      await page.goto(`${server.url}/corpus/bad/${p}`);
      await openToolbar(page);
      const original = await snapshot(page);
      for (const name of ['黑底黄字', '蓝底黄字']) {
        await choose(page, '配色', name);
        const scan = await contrastScan(page);
        expect(scan.count).toBeGreaterThan(20);
        expect(scan.offenders, `${p} ${name}`).toEqual([]);
        expect(scan.onImages, `${p} ${name}`).toEqual([]);
      }
      await choose(page, '配色', '原始配色');
      await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
    });
  }

  test('a page that edits kanjian’s stylesheet cannot leave its own or old rules in it: the next change puts it right', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await choose(page, '配色', '黑底黄字');
    const text = page.locator('article p').first();
    await expect.poll(() => text.evaluate((p) => getComputedStyle(p).color)).toBe('rgb(255, 255, 0)');
    const ourRules = () =>
      page.evaluate(() => {
        const el = document.getElementById('kanjian-styles') as HTMLStyleElement | null;
        const layer = el?.sheet?.cssRules[0] as CSSGroupingRule | undefined;
        return [...(layer?.cssRules ?? [])].map((r) => r.cssText).join('\n');
      });
    // A rule slipped into our layer (it would beat every rule of the page), and one of ours taken out.
    await page.evaluate(() => {
      const layer = (document.getElementById('kanjian-styles') as HTMLStyleElement).sheet!.cssRules[0] as CSSGroupingRule;
      layer.insertRule('article p{color:rgb(1, 2, 3)!important}', layer.cssRules.length);
      layer.deleteRule(1);
    });
    await choose(page, '配色', '白底黑字');
    await expect.poll(() => text.evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 0, 0)');
    expect(await ourRules()).not.toMatch(/rgb\(1, 2, 3\)|rgb\(255, 255, 0\)/);
    // The element's text rewritten: a new sheet with the page's rule, ours gone.
    await page.evaluate(() => {
      document.getElementById('kanjian-styles')!.textContent = '@layer kanjian{article p{color:rgb(1, 2, 3)!important}}';
    });
    await choose(page, '配色', '黄底黑字');
    await expect.poll(() => text.evaluate((p) => getComputedStyle(p).backgroundColor)).toBe('rgb(255, 255, 0)');
    expect(await text.evaluate((p) => getComputedStyle(p).color)).toBe('rgb(0, 0, 0)');
    expect(await ourRules()).not.toContain('rgb(1, 2, 3)');
    // The element removed: put back with the next change.
    await page.evaluate(() => document.getElementById('kanjian-styles')!.remove());
    await choose(page, '配色', '蓝底黄字');
    await expect.poll(() => text.evaluate((p) => getComputedStyle(p).color)).toBe('rgb(255, 255, 0)');
    await expect(page.locator('#kanjian-styles')).toHaveCount(1);
    expect(pageErrors).toEqual([]);
  });

  test('the scheme is applied before first paint on reload, and the menu is a keyboard menu', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    // Keyboard: ↓ on the menu button opens the menu on the checked item; ↓ moves; Enter picks; focus returns.
    const menuButton = button(page, '配色');
    await menuButton.focus();
    await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowDown');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('menuitemradio', { name: '原始配色' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitemradio', { name: '白底黑字' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menuButton).toBeFocused();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('menuitemradio', { name: '蓝底黄字' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(menuButton).toBeFocused();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 51, 153)');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitemradio', { name: '蓝底黄字' })).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('Escape');
    // Reload: painted in the scheme from the first frame that shows the page (no flash of its own colours).
    await watchFramesFromStart(page, (doc) => getComputedStyle(doc.body).backgroundColor === 'rgb(0, 51, 153)');
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 51, 153)');
    const frames = await framesShownWrong(page);
    expect(frames.all).toBeGreaterThan(0);
    expect(frames.wrong).toBe(0);
  });
});
