import { expect, test } from './fixtures';
import { captionBand, guideLines } from './overlay-helpers';
import { button, choose, contrastScan, diffSnapshots, hasHorizontalScroll, openToolbar, snapshot } from './display-helpers';

// BAD pages are in English: the toolbar follows the page's language there (the browser is zh-CN,
// so it stays Chinese); every aid in turn on the W3C before/after pages, then 退出 restores exactly.
for (const p of ['before/home.html', 'after/home.html', 'before/news.html', 'after/tickets.html']) {
  test(`BAD ${p}: every aid in turn, then 退出 leaves the page exactly as it was`, async ({ page, server, serviceWorker, pageErrors }) => {
    await page.goto(`${server.url}/corpus/bad/${p}`);
    const beforeToolbar = await snapshot(page);
    await openToolbar(page);
    // Large cursor: on text, on links.
    await choose(page, '大鼠标', '黑色大鼠标');
    const cursors = await page.evaluate(() => [getComputedStyle(document.querySelector('p')!).cursor, getComputedStyle(document.querySelector('a[href]')!).cursor]);
    expect(cursors[0]).toMatch(/^url\("data:image\/svg\+xml.*default$/);
    expect(cursors[1]).toMatch(/^url\("data:image\/svg\+xml.*pointer$/);
    // Crosshair follows the pointer.
    await button(page, '十字线').click();
    await page.mouse.move(300, 400);
    await page.mouse.move(310, 410);
    await expect.poll(async () => (await guideLines(serviceWorker, page)).v?.x).toBe(308);
    // Caption band: the hovered paragraph's text.
    await choose(page, '显示屏', '简体');
    const { x, y, text } = await page.evaluate(() => {
      const e = [...document.querySelectorAll('p')].find((p) => {
        const r = p.getBoundingClientRect();
        return r.width > 200 && r.height > 10 && /\w{3,}/.test(p.textContent!) && p.checkVisibility();
      })!;
      e.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(e);
      const r = range.getClientRects()[0]!;
      return { x: r.x + 10, y: r.y + r.height / 2, text: e.textContent!.replace(/\s+/g, ' ').trim() };
    });
    await page.mouse.move(x, y);
    await page.mouse.move(x + 2, y);
    await expect.poll(async () => (await captionBand(serviceWorker, page))?.text.text ?? '').toBe(text);
    // Zoom 200% with spacing and a scheme on top: still no horizontal scrollbar, still 7:1.
    for (let i = 0; i < 5; i++) await button(page, '页面放大').click();
    await choose(page, '行距', '1.5 倍行距');
    await choose(page, '配色', '黑底白字');
    await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
    expect((await contrastScan(page)).offenders).toEqual([]);
    // Text mode shows the page's main text.
    await button(page, '纯文本').click();
    await expect.poll(() => page.evaluate(() => document.querySelector('kanjian-reader')?.shadowRoot?.querySelector('.scroller')?.textContent?.length ?? 0)).toBeGreaterThan(200);
    await button(page, '退出').click();
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeFocused();
    await page.mouse.move(10, 10);
    await expect.poll(async () => diffSnapshots(beforeToolbar, await snapshot(page))).toEqual([]);
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
}
