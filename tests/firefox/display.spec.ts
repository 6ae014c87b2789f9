import type { Page } from 'puppeteer-core';
import { clickToolbarButton, expect, extensionPage, minContrast, test, toolbarVisible, clickInToolbar } from './fixtures';

/** Firefox smoke for the display aids: page zoom, a colour scheme, the caption band. */
const DEMO = '/zhonglou-2006.html';

/** Opens the toolbar from a clean state (the profile keeps settings between tests: 退出 clears them). */
async function openToolbar(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot)).toBe(true);
  if (await toolbarVisible(page)) {
    await clickInToolbar(page, '[data-control=exit]');
    await expect.poll(() => toolbarVisible(page)).toBe(false);
  }
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher:not([hidden])'))).toBe(true);
  await clickInToolbar(page, '.kj-launcher');
  await expect.poll(() => toolbarVisible(page)).toBe(true);
}

async function chooseMenu(page: Page, menuButton: string, item: string): Promise<void> {
  await clickToolbarButton(page, menuButton);
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('[role=menu]'))).toBe(true);
  const ok = await clickInToolbar(page, '[role^=menuitem]', item);
  expect(ok, `menu item ${item}`).toBe(true);
}


const styles = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body, body *')].map((e) => {
      const cs = getComputedStyle(e);
      return [cs.color, cs.backgroundColor, cs.backgroundImage, cs.fontSize, cs.lineHeight, cs.textDecorationLine, cs.zoom].join('|');
    }),
  );

test('Firefox: page zoom 200% reflows without a horizontal scrollbar and leaves the toolbar alone', async ({ ffPage: page, ffServer }) => {
  // Firefox runs in zh-CN (its language pack, checked in smoke.spec.ts): the toolbar is Chinese on English pages too.
  const names = { zoomIn: '页面放大', reset: '页面还原', close: '关闭工具栏' };
  for (const p of [DEMO, '/corpus/bad/before/home.html', '/corpus/bad/after/news.html']) {
    await page.goto(ffServer.url + p, { waitUntil: 'load' });
    await openToolbar(page);
    const barFont = await page.evaluate(() => getComputedStyle(document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('.kj-btn')!).fontSize);
    for (let i = 0; i < 5; i++) await clickToolbarButton(page, names.zoomIn);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('2');
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), { timeout: 5000 }).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('.kj-btn')!).fontSize)).toBe(barFont);
    await clickToolbarButton(page, names.reset);
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
    await clickToolbarButton(page, names.close);
  }
});

test('Firefox: 黑底黄字 brings every text to 7:1, survives a reload, and 原始配色 restores the computed styles', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  await openToolbar(page);
  const before = await styles(page);
  expect(await minContrast(page)).toBeLessThan(7);
  await chooseMenu(page, '配色', '黑底黄字');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(0, 0, 0)');
  expect(await minContrast(page)).toBeGreaterThanOrEqual(7);
  await page.reload({ waitUntil: 'load' });
  await expect.poll(() => toolbarVisible(page)).toBe(true);
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(255, 255, 0)');
  expect(await minContrast(page)).toBeGreaterThanOrEqual(7);
  await chooseMenu(page, '配色', '原始配色');
  await expect.poll(async () => JSON.stringify(await styles(page)) === JSON.stringify(before)).toBe(true);
});

test('Firefox: 显示屏 shows the hovered text in 繁體 and 拼音 (钟楼 → zhōng lóu)', async ({ ffPage: page, ffServer, firefox }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  await openToolbar(page);
  // The band's shadow root is closed to the page: read it as kanjian does, from a content script in
  // the top frame (Firefox gives content scripts `openOrClosedShadowRoot`), asked by an extension page.
  const ext = await extensionPage(firefox);
  const band = () =>
    ext.evaluate(async (want: string) => {
      type Api = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>>; executeScript(id: number, d: object): Promise<unknown[]> } };
      const api = (globalThis as unknown as { browser: Api }).browser;
      const tab = (await api.tabs.query({})).find((x) => x.url === want && x.id !== undefined);
      if (!tab) return null;
      const code = `(() => {
        const host = document.querySelector('kanjian-caption');
        const root = host && host.openOrClosedShadowRoot;
        const t = root && root.querySelector('.text');
        const b = root && root.querySelector('.band');
        return t && b ? { text: t.textContent, bottom: b.getBoundingClientRect().bottom, ruby: [...t.querySelectorAll('ruby')].map((r) => r.textContent), fs: parseFloat(getComputedStyle(t).fontSize) } : null;
      })()`;
      const [res] = await api.tabs.executeScript(tab.id!, { code, frameId: 0 });
      return (res ?? null) as { text: string; bottom: number; ruby: string[]; fs: number } | null;
    }, page.url());
  const hoverLogo = async () => {
    const box = await page.evaluate(() => {
      const r = document.querySelector('.logo')!.getBoundingClientRect();
      return { x: r.x + 60, y: r.y + r.height / 2 };
    });
    await page.mouse.move(box.x - 5, box.y);
    await page.mouse.move(box.x, box.y);
  };
  await chooseMenu(page, '显示屏', '繁體');
  await hoverLogo();
  await expect.poll(async () => (await band())?.text ?? '').toContain('鐘樓區');
  const b = (await band())!;
  expect(b.bottom).toBe(800);
  expect(b.fs).toBeGreaterThanOrEqual(30);
  // …while the page's own script cannot get into the band (it may show another site's frame).
  expect(await page.evaluate(() => document.querySelector('kanjian-caption')?.shadowRoot === null)).toBe(true);
  await chooseMenu(page, '显示屏', '拼音');
  await hoverLogo();
  await expect.poll(async () => (await band())?.ruby ?? []).toContain('钟zhōng');
  expect((await band())!.ruby).toContain('楼lóu');
  await chooseMenu(page, '显示屏', '关闭显示屏');
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-caption'))).toBe(false);
  await ext.close();
});

test('Firefox: on a 12,000-element page 黑底黄字 spreads part by part to every text at 7:1, and 原始配色 restores the exact page', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + '/generated/big-12000.html', { waitUntil: 'load' });
  await openToolbar(page);
  const before = await styles(page);
  const html = await page.evaluate(() => document.body.outerHTML);
  await chooseMenu(page, '配色', '黑底黄字');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.getElementById('last')!).color), { timeout: 30_000 }).toBe('rgb(255, 255, 0)');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(255, 255, 0)');
  // Part by part: the parts carry kanjian's tag, and every text is at 7:1.
  expect(await page.evaluate(() => document.querySelectorAll('[data-kj-scheme="yellow-on-black"]').length)).toBeGreaterThan(10);
  expect(await minContrast(page)).toBeGreaterThanOrEqual(7);
  await chooseMenu(page, '配色', '原始配色');
  await expect.poll(() => page.evaluate(() => document.body.outerHTML), { timeout: 30_000 }).toBe(html);
  await expect.poll(async () => JSON.stringify(await styles(page)) === JSON.stringify(before)).toBe(true);
});

test('Firefox: on a 12,000-element page 页面放大 sets the parts off screen aside, gives every one back, and 页面还原 restores the exact page', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + '/generated/big-12000.html', { waitUntil: 'load' });
  await openToolbar(page);
  const before = await styles(page);
  const html = await page.evaluate(() => document.body.outerHTML);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // Count, at every frame, the parts set aside while the zoom is on.
  await page.evaluate(() => {
    const w = window as unknown as { __aside: number };
    w.__aside = 0;
    const tick = (): void => {
      if (getComputedStyle(document.body).zoom === '1.1') w.__aside = Math.max(w.__aside, document.querySelectorAll('[data-kj-zoom-part]').length);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await clickToolbarButton(page, '页面放大');
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1.1');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('[data-kj-zoom-part]').length), { timeout: 30_000 }).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __aside: number }).__aside)).toBeGreaterThan(10);
  expect(await page.evaluate(() => [...document.querySelectorAll('main > section')].filter((s) => getComputedStyle(s).contentVisibility !== 'visible').length)).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(height);
  await clickToolbarButton(page, '页面还原');
  await expect.poll(() => page.evaluate(() => document.body.outerHTML), { timeout: 30_000 }).toBe(html);
  await expect.poll(async () => JSON.stringify(await styles(page)) === JSON.stringify(before)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
});
