import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';
import { expect, test, toolbar } from './fixtures';
import { frameByElement, frameMarkup } from './frames-helpers';

// 配色 part by part (src/display/scheme-tags.ts) where the big page is a frame: an <iframe> in a
// small page (the toolbar in the top frame) and the content frame of a <frameset> (the toolbar there).
const YELLOW = 'rgb(255, 255, 0)';

const colorIn = (frame: Frame, selector: string): Promise<string> => frame.locator(selector).first().evaluate((el) => getComputedStyle(el).color);

async function choose(bar: Locator, menus: Page | FrameLocator, item: string): Promise<void> {
  await bar.getByRole('button', { name: '配色', exact: true }).click();
  await menus.getByRole('menuitemradio', { name: item, exact: true }).click();
}

async function schemeGoesOnAndOff(big: Frame, bar: Locator, menus: Page | FrameLocator): Promise<void> {
  await expect.poll(() => big.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(12000);
  const before = await frameMarkup(big);
  const ownColour = await colorIn(big, '#last');
  await choose(bar, menus, '黑底黄字');
  await expect.poll(() => colorIn(big, '#last'), { timeout: 30_000 }).toBe(YELLOW);
  await expect.poll(() => big.evaluate(() => getComputedStyle(document.body).color)).toBe(YELLOW);
  // Part by part inside the frame: its parts carry the scheme's tag.
  expect(await big.evaluate(() => document.querySelectorAll('[data-kj-scheme="yellow-on-black"]').length)).toBeGreaterThan(10);
  expect(await colorIn(big, '#s0 li a')).toBe('rgb(0, 255, 255)');
  await choose(bar, menus, '原始配色');
  await expect.poll(() => frameMarkup(big), { timeout: 30_000 }).toBe(before);
  expect(await colorIn(big, '#last')).toBe(ownColour);
}

test('配色 goes part by part inside a big <iframe>, chosen from the top page’s toolbar, and 原始配色 gives the frame back exactly', async ({ page, server, pageErrors }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/frames/big-iframe.html`);
  const big = await frameByElement(page, 'big');
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await expect(toolbar(page)).toBeVisible();
  await schemeGoesOnAndOff(big, toolbar(page), page);
  expect(pageErrors).toEqual([]);
});

test('配色 goes part by part in a <frameset>’s big content frame, and 原始配色 gives it back exactly', async ({ page, server, pageErrors }) => {
  test.setTimeout(120_000);
  await page.goto(`${server.url}/frames/big-frameset.html`);
  const main = page.frameLocator('frame[name="main"]');
  await main.getByRole('button', { name: '无障碍浏览' }).click();
  const bar = main.getByRole('toolbar', { name: '无障碍工具栏' });
  await expect(bar).toBeVisible();
  await schemeGoesOnAndOff(await frameByElement(page, 'main'), bar, main);
  expect(pageErrors).toEqual([]);
});
