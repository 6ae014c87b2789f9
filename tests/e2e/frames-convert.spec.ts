import * as OpenCC from 'opencc-js';
import { expect, test, toolbar } from './fixtures';
import { contentFrames, frameByElement, frameMarkup, frameText, toolbarHosts } from './frames-helpers';

/**
 * 繁简转换 reaches every frame of the tab: srcdoc, same-origin, another origin (with a frame of the
 * first origin nested inside it), about:blank written by script, a frame added after load and a
 * frame that navigates. One toolbar per tab; switching back gives every frame back byte for byte.
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const PAGE = '/frames/all-kinds.html';

test.describe('frames: 繁简转换 in every frame', () => {
  test('every frame of every kind is converted, lang follows per frame, and 繁简转换 again restores each byte for byte', async ({ page, server, server2, pageErrors }) => {
    await page.goto(`${server.url}${PAGE}?late=1&other=${encodeURIComponent(server2.url)}`);
    // srcdoc, same, cross, cross>nested, blank, late + the top
    await expect.poll(async () => (await contentFrames(page)).length).toBe(7);
    await expect.poll(async () => (await frameText(await frameByElement(page, 'nested'))).join('')).toContain('框架导航以后');
    const frames = await contentFrames(page);
    const before = await Promise.all(frames.map((f) => frameMarkup(f)));
    const textBefore = await Promise.all(frames.map((f) => frameText(f)));
    expect(textBefore.flat().join('')).toContain('框架里的皇后');

    await expect.poll(() => toolbarHosts(page)).toBe(1);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();

    for (const [i, f] of frames.entries()) {
      const want = textBefore[i]!.map((t) => toTw(t));
      await expect.poll(() => frameText(f), { message: `frame ${f.url()}` }).toEqual(want);
      await expect.poll(() => f.evaluate(() => document.documentElement.lang), { message: `lang of ${f.url()}` }).toBe('zh-TW');
    }
    expect(await frameText(await frameByElement(page, 'srcdoc'))).toContain('框架裡的皇后，內嵌文檔裡的發佈說明。');
    // Still exactly one toolbar in the tab.
    expect(await toolbarHosts(page)).toBe(1);

    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    for (const [i, f] of frames.entries()) await expect.poll(() => frameMarkup(f), { message: `restore of ${f.url()}` }).toBe(before[i]);
    expect(pageErrors).toEqual([]);
  });

  test('a frame that navigates, and one added later, follow the tab’s state', async ({ page, server, server2 }) => {
    await page.goto(`${server.url}${PAGE}?other=${encodeURIComponent(server2.url)}`);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('#top-text')).toHaveText(toTw('本页嵌有各种框架：政务服务表单、信息公开列表和地图。'));
    // The same-origin frame navigates to another page: the new document is converted too.
    await page.locator('#same').evaluate((f: HTMLIFrameElement) => (f.src = 'inner-b.html'));
    const same = await frameByElement(page, 'same');
    await expect.poll(async () => (await frameText(same)).join('')).toBe(toTw('框架导航以后的新页面：办理户口迁移请到派出所。'));
    // A frame added now, of another origin.
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.id = 'added';
      f.src = src;
      document.body.append(f);
    }, `${server2.url}/frames/inner-b.html`);
    const added = await frameByElement(page, 'added');
    await expect.poll(async () => (await frameText(added)).join('')).toBe(toTw('框架导航以后的新页面：办理户口迁移请到派出所。'));
    await expect.poll(() => added.evaluate(() => document.documentElement.lang)).toBe('zh-TW');
  });
});
