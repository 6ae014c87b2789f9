import type { Page } from '@playwright/test';
import { expect, fontSizePx, test, toolbar } from './fixtures';

async function runCommand(sw: { evaluate: Page['evaluate'] }): Promise<void> {
  await sw.evaluate(() => (globalThis as unknown as { kanjianHandleCommand(c: string): Promise<boolean> }).kanjianHandleCommand('toggle-toolbar'));
}

test.describe('hostile and unusual documents', () => {
  test('`* { all: unset !important }`, a max z-index overlay and body zoom: toolbar still usable and on top, text still grows', async ({ page, server, serviceWorker, pageErrors }) => {
    await page.goto(server.url + '/hostile/all-unset.html');
    await runCommand(serviceWorker);
    const bar = toolbar(page);
    await expect(bar).toBeVisible();
    const larger = bar.getByRole('button', { name: '文字放大' });
    const box = await larger.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    // Our toolbar is the topmost element at its own button's centre (the page's overlay does not cover it).
    const onTop = await page.evaluate(([x, y]) => {
      const el = document.elementFromPoint(x!, y!);
      return el?.localName;
    }, [box!.x + box!.width / 2, box!.y + box!.height / 2]);
    expect(onTop).toBe('kanjian-toolbar');
    // Our own <style> elements stay invisible even though `all: unset` makes <style> display inline.
    const ownStyleShown = await page.evaluate(() =>
      [...document.querySelectorAll('style[id^="kanjian-"]')].some((s) => getComputedStyle(s).display !== 'none'),
    );
    expect(ownStyleShown).toBe(false);
    const before = await fontSizePx(page, '#text2');
    await larger.click();
    await larger.click();
    await expect.poll(() => fontSizePx(page, '#text2')).toBeGreaterThanOrEqual(before * 1.4);
    // The toolbar's own text is not affected by the page's `button { font-size: 40px !important }`.
    const btnFont = await larger.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(btnFont).toBeLessThan(20);
    expect(pageErrors).toEqual([]);
  });

  test('strict CSP (default-src none; style-src self; Trusted Types required): the launcher shows, the toolbar is styled and text size works', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + '/hostile/csp.html');
    // The loader's launcher is made from markup in kanjian's own world, which the page's Trusted Types do not govern.
    const launcher = page.getByRole('button', { name: '无障碍浏览' });
    await expect(launcher).toBeVisible();
    // Styled too (its stylesheet is not refused by the page's style-src): fixed at the corner, 48 px high at least.
    const look = await launcher.evaluate((el) => ({ pos: getComputedStyle(el).position, h: el.getBoundingClientRect().height, bg: getComputedStyle(el).backgroundColor }));
    expect(look).toEqual({ pos: 'fixed', h: expect.any(Number), bg: 'rgb(16, 42, 67)' });
    expect(look.h).toBeGreaterThanOrEqual(48);
    await launcher.click();
    const bar = toolbar(page);
    await expect(bar).toBeVisible();
    // Styled: fixed at the top with a dark background (not an unstyled list of buttons).
    const style = await bar.evaluate((el) => ({ pos: getComputedStyle(el).position, bg: getComputedStyle(el).backgroundColor }));
    expect(style.pos).toBe('fixed');
    expect(style.bg).toBe('rgb(16, 42, 67)');
    const before = await fontSizePx(page, '#text');
    await bar.getByRole('button', { name: '文字放大' }).click();
    await expect.poll(() => fontSizePx(page, '#text')).toBe(before * 1.25);
    expect(pageErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    // No CSP violation caused by kanjian.
    expect(pageErrors.filter((e) => /Content Security Policy/.test(e))).toEqual([]);
  });

  test('frameset page: no toolbar injected into the frameset, nothing throws', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + '/hostile/frameset.html');
    await page.waitForLoadState('load');
    expect(await page.locator('kanjian-toolbar').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('page with iframes: one toolbar, in the top page only; text size works on the top page', async ({ page, server, pageErrors }) => {
    await page.goto(server.url + '/hostile/iframes.html');
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await expect(toolbar(page)).toBeVisible();
    for (const frame of page.frames().slice(1)) expect(await frame.locator('kanjian-toolbar').count()).toBe(0);
    const before = await fontSizePx(page, '#text');
    await toolbar(page).getByRole('button', { name: '文字放大' }).click();
    await expect.poll(() => fontSizePx(page, '#text')).toBe(before * 1.25);
    expect(pageErrors).toEqual([]);
  });

  for (const [file, what] of [
    ['doc.xml', 'an XML document'],
    ['image.svg', 'an SVG document'],
    ['plain.txt', 'a plain-text file'],
  ] as const) {
    test(`${what}: kanjian stays out of the way and nothing throws`, async ({ page, server, pageErrors }) => {
      await page.goto(`${server.url}/hostile/${file}`);
      await page.waitForLoadState('load');
      await page.waitForTimeout(300);
      expect(await page.locator('kanjian-toolbar').count()).toBe(0);
      expect(await page.locator('style[id^="kanjian-"]').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    });
  }
});
