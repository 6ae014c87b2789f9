import type { Frame, Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { button, choose, openToolbar } from './display-helpers';
import { captionBand, guideLines } from './overlay-helpers';
import { contentFrames, frameByElement } from './frames-helpers';

/**
 * 十字线 / 阅读尺 and 显示屏 across frames: the pointer over another site's frame, and over the frame
 * nested inside it, moves the one set of lines drawn in the top frame to the pointer's window
 * coordinates; the text under the pointer or focus in a frame shows in the top frame's one band (also
 * in 繁體). Frames draw no lines and show no band of their own. A hostile page and frame that post
 * kanjian-shaped messages and dispatch synthetic pointer and focus events move nothing.
 */
const PAGE = '/frames/all-kinds.html';

async function load(page: Page, server: { url: string }, server2: { url: string }): Promise<void> {
  await page.goto(`${server.url}${PAGE}?other=${encodeURIComponent(server2.url)}`);
  await expect.poll(async () => (await contentFrames(page)).length).toBe(6);
  await expect((await frameByElement(page, 'nested')).locator('#text')).toBeVisible();
}

/** The top frame's lines (null: not shown), as boxes in the window, read from kanjian's own world (closed root). */
const lines = (page: Page, sw: Worker) => guideLines(sw, page);

/** Where a person would point at the element's first line of text, in the window (frames included). */
async function pointAt(frame: Frame | Page, selector: string): Promise<{ x: number; y: number }> {
  const el = frame.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const box = (await el.boundingBox())!;
  return { x: Math.round(box.x + Math.min(60, box.width / 2)), y: Math.round(box.y + Math.min(10, box.height / 2)) };
}

async function moveTo(page: Page, p: { x: number; y: number }): Promise<void> {
  await page.mouse.move(p.x - 4, p.y - 2);
  await page.mouse.move(p.x, p.y);
}

const guideHosts = async (page: Page): Promise<number> => {
  let n = 0;
  for (const f of page.frames()) if (f !== page.mainFrame()) n += await f.evaluate(() => document.querySelectorAll('kanjian-guide, kanjian-caption').length).catch(() => 0);
  return n;
};

/** The top frame's band text, read from kanjian's own world (closed root). */
const bandText = async (page: Page, sw: Worker) => {
  const c = await captionBand(sw, page);
  return c ? { text: c.text.text, mode: c.text.mode } : null;
};

test.describe('frames: the pointer guides and the caption band across the window', () => {
  test('十字线 and 阅读尺 follow the pointer over a cross-origin frame and the frame nested in it, drawn in the top frame at the window coordinates', async ({ page, server, server2, serviceWorker, pageErrors }) => {
    await load(page, server, server2);
    await openToolbar(page);
    await button(page, '十字线').click();
    const cross = await frameByElement(page, 'cross');
    const nested = await frameByElement(page, 'nested');
    for (const [where, frame] of [
      ['cross-origin frame', cross],
      ['nested frame', nested],
      ['top page', page],
    ] as const) {
      const p = await pointAt(frame, '#text, #after-frames');
      await moveTo(page, p);
      // The line is 4 px thick, centred on the pointer.
      await expect.poll(async () => Math.abs(((await lines(page, serviceWorker)).h?.y ?? -100) - (p.y - 2)), { message: where }).toBeLessThanOrEqual(1);
      const l = await lines(page, serviceWorker);
      expect(Math.abs(l.v!.x - (p.x - 2)), where).toBeLessThanOrEqual(1);
      expect(l.h!.w, where).toBe(page.viewportSize()!.width);
      expect(l.v!.h, where).toBe(page.viewportSize()!.height);
    }
    // Frames draw no lines of their own: the top's cross the whole window.
    expect(await guideHosts(page)).toBe(0);

    await button(page, '阅读尺').click();
    const p = await pointAt(nested, '#text');
    await moveTo(page, p);
    await expect.poll(async () => Math.abs(((await lines(page, serviceWorker)).r?.y ?? -100) - (p.y - 28)), { message: 'ruler over the nested frame' }).toBeLessThanOrEqual(1);
    expect((await lines(page, serviceWorker)).h).toBeNull();
    await button(page, '阅读尺').click();
    await expect(page.locator('kanjian-guide')).toHaveCount(0);
    expect(pageErrors).toEqual([]);
  });

  test('显示屏 shows the text under the pointer or focus inside a cross-origin frame and a nested frame, in the top frame’s one band, also in 繁體', async ({ page, server, server2, serviceWorker, pageErrors }) => {
    await load(page, server, server2);
    await openToolbar(page);
    await choose(page, '显示屏', '简体');
    const cross = await frameByElement(page, 'cross');
    const nested = await frameByElement(page, 'nested');
    const crossText = (await cross.locator('#text').textContent())!.trim();
    await moveTo(page, await pointAt(cross, '#text'));
    await expect.poll(async () => (await bandText(page, serviceWorker))?.text).toBe(crossText);
    const nestedText = (await nested.locator('#text').textContent())!.trim();
    await moveTo(page, await pointAt(nested, '#text'));
    await expect.poll(async () => (await bandText(page, serviceWorker))?.text).toBe(nestedText);
    expect(await guideHosts(page)).toBe(0);

    await choose(page, '显示屏', '繁體');
    await moveTo(page, await pointAt(cross, '#text'));
    // 这里是政务服务的办事指南：请携带身份证和户口簿 … → through the 繁体版 engine.
    await expect.poll(async () => (await bandText(page, serviceWorker))?.text ?? '').toContain('政務服務的辦事指南');
    const b = (await bandText(page, serviceWorker))!;
    expect(b.mode).toBe('traditional');
    expect(b.text).toContain('攜帶身份證和戶口簿');
    expect(b.text).not.toContain('政务');

    // Keyboard focus inside the frame: the field's label and value.
    await cross.locator('#name').focus();
    await page.keyboard.press('Shift+Tab');
    await expect(cross.locator('#link')).toBeFocused();
    await expect.poll(async () => (await bandText(page, serviceWorker))?.text).toBe('查看更多通知');
    expect(await guideHosts(page)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('a hostile page and its frame posting kanjian-shaped messages and dispatching synthetic pointer and focus events move neither the lines nor the caption', async ({ page, server, server2, serviceWorker }) => {
    await page.goto(`${server.url}/security/frame-pointer-forge.html?other=${encodeURIComponent(server2.url)}`);
    const child = await frameByElement(page, 'child');
    await expect(child.locator('#bait')).toBeVisible();
    await openToolbar(page);
    await button(page, '十字线').click();
    await choose(page, '显示屏', '简体');
    // The user's real pointer rests on the page's own text.
    const p = await pointAt(page, '#text');
    await moveTo(page, p);
    await expect.poll(async () => (await lines(page, serviceWorker)).h?.y).toBe(p.y - 2);
    await expect.poll(async () => (await bandText(page, serviceWorker))?.text).toBe('本页的真文字：政务服务大厅在一楼。');
    // Two seconds of forging: 50 rounds of messages and synthetic events from the page and the frame.
    for (let i = 0; i < 10; i++) {
      await page.waitForTimeout(200);
      const l = await lines(page, serviceWorker);
      expect(l.h?.y, 'horizontal line').toBe(p.y - 2);
      expect(l.v?.x, 'vertical line').toBe(p.x - 2);
      expect((await bandText(page, serviceWorker))?.text).toBe('本页的真文字：政务服务大厅在一楼。');
    }
  });
});
