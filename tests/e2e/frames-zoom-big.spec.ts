import type { Frame, FrameLocator, Locator } from '@playwright/test';
import { expect, test, toolbar } from './fixtures';
import { frameByElement, frameMarkup } from './frames-helpers';
import { watchZoomFrames as watch, zoomSettled as settled } from './display-helpers';

// 页面放大 with parts set aside (src/display/zoom-parts.ts) where the big page is a frame: an <iframe>
// in a small page (the toolbar in the top frame) and the content frame of a <frameset> (the toolbar
// there). The frame's own window decides what is off screen.
const zoomOf = (big: Frame): Promise<string> => big.evaluate(() => getComputedStyle(document.body).zoom);

async function zoomInAndBack(big: Frame, bar: Locator): Promise<void> {
  await expect.poll(() => big.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(12000);
  const before = await frameMarkup(big);
  const height = await big.evaluate(() => document.documentElement.scrollHeight);
  await watch(big);
  await bar.getByRole('button', { name: '页面放大' }).click();
  // The zoom reaches the frame by message: its zoom is written in the same task as the tags.
  await expect.poll(() => zoomOf(big)).toBe('1.1');
  await expect.poll(() => settled(big), { timeout: 30_000 }).toBe(true);
  const frames = await big.evaluate(() => (window as unknown as { __frames: Array<[string, number]> }).__frames);
  // Inside the frame: a frame showed the zoom with parts still aside, none showed parts aside before it.
  expect(frames.some(([zoom, aside]) => zoom === '1.1' && aside > 0)).toBe(true);
  expect(frames.some(([zoom, aside]) => zoom !== '1.1' && aside > 0)).toBe(false);
  expect(await big.evaluate(() => getComputedStyle(document.getElementById('last')!.closest('footer')!).contentVisibility)).toBe('visible');
  expect(await big.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(height);
  await bar.getByRole('button', { name: '页面缩小' }).click();
  await expect.poll(() => zoomOf(big)).toBe('1');
  await expect.poll(() => settled(big), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => frameMarkup(big), { timeout: 30_000 }).toBe(before);
  expect(await big.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
}

test('页面放大 sets parts aside inside a big <iframe>, zoomed from the top page’s toolbar, and 页面缩小 gives the frame back exactly', async ({ page, server, pageErrors }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/frames/big-iframe.html`);
  const big = await frameByElement(page, 'big');
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
  await zoomInAndBack(big, toolbar(page));
  expect(pageErrors).toEqual([]);
});

test('页面放大 sets parts aside in a <frameset>’s big content frame, and 页面缩小 gives it back exactly', async ({ page, server, pageErrors }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/frames/big-frameset.html`);
  const main: FrameLocator = page.frameLocator('frame[name="main"]');
  await main.getByRole('button', { name: '无障碍浏览' }).click();
  const bar = main.getByRole('toolbar', { name: '无障碍工具栏' });
  await expect(bar).toBeVisible();
  await zoomInAndBack(await frameByElement(page, 'main'), bar);
  expect(pageErrors).toEqual([]);
});
