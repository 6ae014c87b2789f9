import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { button, choose, contrastScan, diffSnapshots, openToolbar, snapshot } from './display-helpers';
import { contentFrames, frameByElement } from './frames-helpers';

/**
 * The display aids reach every frame of the tab (srcdoc, same-origin, another origin and the frame
 * nested in it, about:blank written by script): colour schemes measured at 7:1 or more inside each
 * frame, text that grows, page zoom, the large cursor; 退出 leaves every frame exactly as it was.
 */
const PAGE = '/frames/all-kinds.html';

async function load(page: Page, server: { url: string }, server2: { url: string }): Promise<Frame[]> {
  await page.goto(`${server.url}${PAGE}?other=${encodeURIComponent(server2.url)}`);
  await expect.poll(async () => (await contentFrames(page)).length).toBe(6);
  const nested = await frameByElement(page, 'nested');
  await expect(nested.locator('#text')).toBeVisible();
  return contentFrames(page);
}

const fontSize = (f: Frame, sel: string) => f.locator(sel).first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

test.describe('frames: display aids in every frame', () => {
  test('each 配色 is at least 7:1 inside every frame, measured', async ({ page, server, server2 }) => {
    const frames = await load(page, server, server2);
    await openToolbar(page);
    for (const scheme of ['黑底白字', '白底黑字', '黑底黄字', '黄底黑字', '蓝底黄字']) {
      await choose(page, '配色', scheme);
      for (const f of frames) {
        await expect.poll(async () => (await contrastScan(f)).offenders, { message: `${scheme} in ${f.url()}` }).toEqual([]);
        const scan = await contrastScan(f);
        expect(scan.count, `text measured in ${f.url()}`).toBeGreaterThan(0);
        expect(scan.min).toBeGreaterThanOrEqual(7);
      }
    }
  });

  test('text size, page zoom and the large cursor apply in every frame; 退出 restores every frame exactly', async ({ page, server, server2, pageErrors }) => {
    const frames = await load(page, server, server2);
    const before = await Promise.all(frames.map((f) => snapshot(f)));
    const sizes = await Promise.all(frames.map((f) => fontSize(f, '#text, #top-text')));
    await openToolbar(page);
    await button(page, '文字放大').click();
    await button(page, '文字放大').click();
    for (const [i, f] of frames.entries()) await expect.poll(() => fontSize(f, '#text, #top-text'), { message: f.url() }).toBeCloseTo(sizes[i]! * 1.5, 0);
    await button(page, '页面放大').click();
    for (const f of frames) await expect.poll(() => f.evaluate(() => getComputedStyle(document.body).zoom), { message: f.url() }).not.toBe('1');
    await choose(page, '大鼠标', '黑色大鼠标');
    for (const f of frames) await expect.poll(() => f.locator('#text, #top-text').first().evaluate((e) => getComputedStyle(e).cursor), { message: f.url() }).toMatch(/^url\("data:image\/svg\+xml/);
    await choose(page, '配色', '黑底黄字');
    await choose(page, '行距', '2 倍行距');
    await button(page, '退出').click();
    for (const [i, f] of frames.entries()) await expect.poll(async () => diffSnapshots(before[i]!, await snapshot(f)), { message: f.url() }).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
