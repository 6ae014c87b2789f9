import { clickToolbarButton, expect, extensionPage, fontSize, test, toolbarVisible, clickInToolbar } from './fixtures';

const DEMO = '/zhonglou-2006.html';
const P = 'article.article p';

test('Firefox runs in zh-CN, as kanjian’s users have it (its UI language, and what pages are told)', async ({ firefox, ffPage: page, ffServer }) => {
  // Debian's firefox-esr is English unless its zh-CN language pack is installed (firefox-esr-l10n-zh-cn).
  const ext = await extensionPage(firefox);
  expect(await ext.evaluate(() => (globalThis as unknown as { browser: { i18n: { getUILanguage(): string } } }).browser.i18n.getUILanguage())).toBe('zh-CN');
  await ext.close();
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  expect(await page.evaluate(() => navigator.language)).toBe('zh-CN');
});

test('Firefox: toolbar appears on the demo page, text size works and survives a reload', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  const base = await fontSize(page, P);
  // The launcher is there while the toolbar is closed.
  await expect.poll(() => page.evaluate(() => {
    const b = document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher') as HTMLElement | null;
    return b && !b.hidden ? b.textContent : null;
  })).toContain('无障碍浏览');
  await clickInToolbar(page, '.kj-launcher');
  await expect.poll(() => toolbarVisible(page)).toBe(true);
  const name = await page.evaluate(() => document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('[role=toolbar]')?.getAttribute('aria-label'));
  expect(name).toBe('无障碍工具栏');
  await clickToolbarButton(page, '文字放大');
  await clickToolbarButton(page, '文字放大');
  await expect.poll(() => fontSize(page, P)).toBeGreaterThanOrEqual(base * 1.4);
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => toolbarVisible(page)).toBe(true);
  await expect.poll(() => fontSize(page, P)).toBeGreaterThanOrEqual(base * 1.4);
  await clickToolbarButton(page, '文字还原');
  await expect.poll(() => fontSize(page, P)).toBe(base);
});

test('Firefox: a press held on the launcher while the toolbar’s code arrives opens the toolbar on release, focus in it', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  const launcherBox = (): Promise<{ x: number; y: number } | null> =>
    page.evaluate(() => {
      const b = document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher');
      const r = b?.getBoundingClientRect();
      return r && r.width ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
    });
  await expect.poll(launcherBox).not.toBeNull();
  const at = (await launcherBox())!;
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  // The press itself brings the toolbar's code: the toolbar is built (closed) and its launcher takes the loader's place.
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('[role=toolbar]'))).toBe(true);
  expect(await toolbarVisible(page)).toBe(false);
  await page.mouse.up();
  await expect.poll(() => toolbarVisible(page)).toBe(true);
  await expect
    .poll(() => page.evaluate(() => document.querySelector('kanjian-toolbar')?.shadowRoot?.activeElement?.querySelector('.kj-label')?.textContent ?? null))
    .toBe('文字放大');
});

test('Firefox: on a page with a strict CSP (style-src self, Trusted Types required) the launcher is styled and opens the toolbar', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + '/hostile/csp.html', { waitUntil: 'load' });
  // Our stylesheet is not the page's inline style: its style-src does not refuse it.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const b = document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher');
        if (!b) return null;
        const cs = getComputedStyle(b);
        return { pos: cs.position, bg: cs.backgroundColor, tall: b.getBoundingClientRect().height >= 48 };
      }),
    )
    .toEqual({ pos: 'fixed', bg: 'rgb(16, 42, 67)', tall: true });
  await clickInToolbar(page, '.kj-launcher');
  await expect.poll(() => toolbarVisible(page)).toBe(true);
});
