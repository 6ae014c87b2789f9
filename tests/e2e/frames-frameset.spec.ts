import * as OpenCC from 'opencc-js';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { frameByElement, frameMarkup, frameText, toolbarHosts } from './frames-helpers';

/**
 * A classic <frameset> portal (banner, navigation column, content frame = the demo page): the
 * launcher and the toolbar appear once, in the content frame; everything the toolbar does reaches
 * every frame; the keyboard command reaches the toolbar there.
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

function mainToolbar(page: Page, name = '无障碍工具栏') {
  return page.frameLocator('frame[name="main"]').getByRole('toolbar', { name });
}

test.describe('frames: a <frameset> portal', () => {
  test('the launcher and toolbar appear once, in the largest (content) frame, and 繁简转换 converts and restores every frame', async ({ page, server, pageErrors }) => {
    await page.goto(`${server.url}/frames/frameset.html`);
    const main = page.frameLocator('frame[name="main"]');
    await expect(main.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    await expect.poll(() => toolbarHosts(page)).toBe(1);
    const frames = await Promise.all(['banner', 'nav', 'main'].map((n) => frameByElement(page, n)));
    const before = await Promise.all(frames.map((f) => frameMarkup(f)));
    const textBefore = await Promise.all(frames.map((f) => frameText(f)));

    await main.getByRole('button', { name: '无障碍浏览' }).click();
    await mainToolbar(page).getByRole('button', { name: '繁简转换' }).click();
    for (const [i, f] of frames.entries()) {
      await expect.poll(() => frameText(f), { message: f.url() }).toEqual(textBefore[i]!.map((t) => toTw(t)));
      await expect.poll(() => f.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
    }
    expect(await toolbarHosts(page)).toBe(1);
    await mainToolbar(page, '無障礙工具列').getByRole('button', { name: '繁簡轉換' }).click();
    for (const [i, f] of frames.entries()) await expect.poll(() => frameMarkup(f), { message: f.url() }).toBe(before[i]);
    expect(pageErrors).toEqual([]);
  });

  test('the keyboard command opens the toolbar in the content frame', async ({ page, server, serviceWorker }) => {
    await page.goto(`${server.url}/frames/frameset.html`);
    await expect(page.frameLocator('frame[name="main"]').getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    await serviceWorker.evaluate(() => (globalThis as unknown as { kanjianHandleCommand(c: string): Promise<boolean> }).kanjianHandleCommand('toggle-toolbar'));
    await expect(mainToolbar(page)).toBeVisible();
    expect(await toolbarHosts(page)).toBe(1);
  });

  test('纯文本 shows the content frame’s main text; the navigation and banner frames get no reading view of their own', async ({ page, server }) => {
    await page.goto(`${server.url}/frames/frameset.html`);
    const main = page.frameLocator('frame[name="main"]');
    await main.getByRole('button', { name: '无障碍浏览' }).click();
    await mainToolbar(page).getByRole('button', { name: '纯文本', exact: true }).click();
    const mainFrame = await frameByElement(page, 'main');
    await expect
      .poll(() => mainFrame.evaluate(() => document.querySelector('kanjian-reader')?.shadowRoot?.querySelector('.scroller')?.textContent ?? ''))
      .toContain('转变增长方式');
    for (const name of ['nav', 'banner']) {
      const f = await frameByElement(page, name);
      expect(await f.evaluate(() => document.querySelectorAll('kanjian-reader').length), name).toBe(0);
      await expect(f.locator('body')).toBeVisible();
    }
  });

  test('the page’s script is told from all its frames: a Traditional frameset is shown in 简体 in every frame', async ({ page, server }) => {
    await page.goto(`${server.url}/frames/traditional-frameset.html`);
    const main = page.frameLocator('frame[name="main"]');
    // kanjian speaks Traditional on a Traditional page.
    await main.getByRole('button', { name: '無障礙瀏覽' }).click();
    await main.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await expect(main.locator('#p1')).toHaveText(OpenCC.Converter({ from: 'tw', to: 'cn' })('這是一個以繁體中文撰寫的頁面，用來測試繁體轉簡體的功能是否正確。網路與軟體的用語也應該轉換。'));
    // The banner's own text cannot tell; it follows the page: shown as 简体 (zh-CN), not turned into 繁體.
    const banner = await frameByElement(page, 'banner');
    await expect.poll(() => banner.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });
});
