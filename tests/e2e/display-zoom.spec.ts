import { expect, test, toolbar } from './fixtures';
import { announced, BAD_PAGES, button, clippedText, DEMO, diffSnapshots, hasHorizontalScroll, openToolbar, snapshot, toolbarMetrics, framesShownWrong, watchFramesFromStart } from './display-helpers';

/** Clicks 页面放大 until the page is at `percent`. */
async function zoomTo(page: import('@playwright/test').Page, percent: number): Promise<void> {
  const steps = [100, 110, 125, 150, 175, 200, 225, 250, 275, 300];
  const now = Math.round(Number(await page.evaluate(() => getComputedStyle(document.body).zoom)) * 100);
  for (let i = steps.indexOf(now) + 1; i <= steps.indexOf(percent); i++) await button(page, '页面放大').click();
  await expect.poll(() => page.evaluate(() => Number(getComputedStyle(document.body).zoom))).toBe(percent / 100);
}

test.describe('page zoom (页面放大 / 页面缩小)', () => {
  for (const p of [DEMO, ...BAD_PAGES.map((b) => `/corpus/bad/${b}`), '/corpus/bad/before/template.html', '/corpus/bad/after/template.html']) {
    test(`${p}: 200% reflows at 1280 px with no horizontal scrollbar and no newly clipped text; the toolbar does not zoom`, async ({ page, server }) => {
      await page.goto(server.url + p);
      await openToolbar(page);
      const clippedBefore = await clippedText(page);
      const bar = await toolbarMetrics(page);
      const width = await page.locator('body').evaluate((b) => b.getBoundingClientRect().width);
      await zoomTo(page, 200);
      await expect.poll(() => hasHorizontalScroll(page)).toBe(false);
      const clippedAfter = await clippedText(page);
      expect(clippedAfter.filter((c) => !clippedBefore.some((b) => b.split(' ')[0] === c.split(' ')[0]))).toEqual([]);
      // Text really is twice as big on screen (layout px), the toolbar is not.
      const scale = await page.evaluate(() => {
        const p = [...document.querySelectorAll('p, td, li, a')].find((e) => e.getBoundingClientRect().height > 0 && e.textContent!.trim())!;
        const range = document.createRange();
        range.selectNodeContents(p);
        return { fs: parseFloat(getComputedStyle(p).fontSize), lineBox: range.getClientRects()[0]!.height };
      });
      expect(scale.lineBox).toBeGreaterThanOrEqual(scale.fs * 2 * 0.95);
      expect(await toolbarMetrics(page)).toEqual(bar);
      expect(await page.locator('body').evaluate((b) => b.getBoundingClientRect().width)).toBeLessThanOrEqual(width + 1);
    });
  }

  test('demo page: steps, announcements, limits, 300% keeps the toolbar usable, 页面还原 restores exactly', async ({ page, server }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const original = await snapshot(page);
    await expect(button(page, '页面缩小')).toHaveAttribute('aria-disabled', 'true');
    // aria-disabled buttons stay focusable and answer.
    await button(page, '页面缩小').focus();
    await page.keyboard.press('Enter');
    await announced(page, '页面已是原始大小');
    await button(page, '页面放大').click();
    await announced(page, '页面已放大到110%');
    await zoomTo(page, 150);
    await announced(page, '页面已放大到150%');
    await button(page, '页面放大').focus();
    for (const z of ['1.75', '2', '2.25', '2.5', '2.75', '3']) {
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe(z);
    }
    await page.keyboard.press('Enter');
    await announced(page, '页面已是最大');
    await expect(button(page, '页面放大')).toHaveAttribute('aria-disabled', 'true');
    // At 300% the toolbar keeps 44 px targets, stays inside the window and works by keyboard.
    const m = await toolbarMetrics(page);
    expect(m.minTarget).toBeGreaterThanOrEqual(44);
    expect(m.fontSize).toBe('15px');
    expect(m.height).toBeLessThan(400);
    await button(page, '页面缩小').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('2.75');
    await announced(page, '页面已缩小到275%');
    await button(page, '页面还原').click();
    await announced(page, '页面缩放已恢复为100%');
    await expect.poll(async () => diffSnapshots(original, await snapshot(page))).toEqual([]);
  });

  test('zoom is remembered per origin and applied before first paint', async ({ page, server, server2 }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    await zoomTo(page, 150);
    await watchFramesFromStart(page, (doc) => getComputedStyle(doc.body).zoom === '1.5');
    await page.reload();
    await expect(toolbar(page)).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1.5');
    const frames = await framesShownWrong(page);
    expect(frames.all).toBeGreaterThan(0);
    expect(frames.wrong).toBe(0);
    await page.goto(server2.url + DEMO);
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
  });

  test('quick presses are never lost, and another tab of the same site follows to the same zoom', async ({ page, server, extContext }) => {
    await page.goto(server.url + DEMO);
    await openToolbar(page);
    const other = await extContext.newPage();
    try {
      await other.goto(server.url + DEMO);
      await expect(toolbar(other)).toBeVisible();
      // Five presses as fast as a held-down Enter: 100 → 110 → 125 → 150 → 175 → 200 %, while the storage
      // echoes of the earlier presses are still arriving.
      await button(page, '页面放大').focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('Enter', { delay: 0 });
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('2');
      await expect.poll(() => other.evaluate(() => getComputedStyle(document.body).zoom)).toBe('2');
      // And back from the other tab: the first tab follows.
      await button(other, '页面还原').click();
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
      // Settled: the first tab does not step back to an older value afterwards.
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
      expect(await other.evaluate(() => getComputedStyle(document.body).zoom)).toBe('1');
    } finally {
      await other.close();
    }
  });
});
