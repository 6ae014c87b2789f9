import * as OpenCC from 'opencc-js';
import type { Page, Worker } from '@playwright/test';
import { expect, tabIdOf, test, toolbar } from './fixtures';
import { contentFrames, frameText } from './frames-helpers';

/**
 * The loader in frames: every frame gets the small loader at document_start; the page bundle comes
 * into a frame only when something is on for the tab's top-level site (switched on from the toolbar,
 * or stored for the site), into every frame of the tab then, frames added later included. What a
 * person sees is checked (converted text); which frames run the bundle is asked in the extension's
 * isolated world of each frame (the page cannot see it).
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const PAGE = '/frames/all-kinds.html';

interface FrameRun {
  frameId: number;
  url: string;
  /** The page bundle's own globals: its start flag and the frame control it registers for the audit. */
  bundle: boolean;
}

/** Which frames of the tab run the page bundle (every frame the extension may enter, about:blank and srcdoc too). */
async function bundleInFrames(sw: Worker, tabId: number): Promise<FrameRun[]> {
  return sw.evaluate(async (id) => {
    const results = await chrome.scripting.executeScript({
      target: { tabId: id, allFrames: true },
      func: () => {
        const g = globalThis as unknown as Record<string | symbol, unknown>;
        return { url: location.href, bundle: g.__kanjianPageUi === true || !!g[Symbol.for('kanjian.frame.control')] };
      },
    });
    return results.map((r) => ({ frameId: r.frameId, ...(r.result as { url: string; bundle: boolean }) }));
  }, tabId);
}

async function openAllKinds(page: Page, server: { url: string }, server2: { url: string }, late = false): Promise<void> {
  await page.goto(`${server.url}${PAGE}?other=${encodeURIComponent(server2.url)}${late ? '&late=1' : ''}`);
  await expect.poll(async () => (await contentFrames(page)).length).toBe(late ? 7 : 6);
}

test.describe('loader in frames', () => {
  test('nothing on: every frame has only the loader; 繁简转换 from the toolbar brings the bundle into every frame and converts it', async ({ page, server, server2, serviceWorker, pageErrors }) => {
    await openAllKinds(page, server, server2);
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    const tabId = await tabIdOf(serviceWorker, page);
    const idle = await bundleInFrames(serviceWorker, tabId);
    expect(idle.length).toBeGreaterThanOrEqual(6);
    expect(idle.filter((f) => f.bundle)).toEqual([]);

    // The toolbar alone (nothing switched on) loads the bundle in the top frame only.
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await expect(toolbar(page)).toBeVisible();
    const open = await bundleInFrames(serviceWorker, tabId);
    expect(open.filter((f) => f.bundle).map((f) => f.frameId)).toEqual([0]);

    const frames = await contentFrames(page);
    const before = await Promise.all(frames.map((f) => frameText(f)));
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    for (const [i, f] of frames.entries()) await expect.poll(() => frameText(f), { message: `frame ${f.url()}` }).toEqual(before[i]!.map((t) => toTw(t)));
    const on = await bundleInFrames(serviceWorker, tabId);
    expect(on.filter((f) => !f.bundle)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('a site with 繁简 stored: every frame, and a frame added after load, is converted at load with the bundle', async ({ page, server, server2, serviceWorker }) => {
    await openAllKinds(page, server, server2);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
    await expect(page.locator('#top-text')).toHaveText(toTw('本页嵌有各种框架：政务服务表单、信息公开列表和地图。'));

    await openAllKinds(page, server, server2, true);
    const frames = await contentFrames(page);
    for (const f of frames) {
      await expect.poll(async () => (await frameText(f)).join(''), { message: `frame ${f.url()}` }).not.toBe('');
      const text = (await frameText(f)).join('');
      await expect.poll(async () => (await frameText(f)).join(''), { message: `frame ${f.url()}` }).toBe(toTw(text));
    }
    expect((await frameText(frames.find((f) => f.url().includes('srcdoc'))!)).join('')).toContain('框架裡的皇后，內嵌文檔裡的發佈說明。');
    const tabId = await tabIdOf(serviceWorker, page);
    await expect.poll(async () => (await bundleInFrames(serviceWorker, tabId)).filter((f) => !f.bundle)).toEqual([]);
  });
});

test('one dictionary per tab: every frame converts with the top frame’s (its origin’s frames directly, another origin’s through the background)', async ({ page, server, server2 }) => {
  const dictLoads: string[] = [];
  page.context().on('request', (r) => {
    // (Chrome serves the dictionary's dynamic URL through a redirect: one load, two requests.)
    if (!/\/dict\/[^/]+\.bin$/.test(r.url()) || r.redirectedFrom()) return;
    let frame = '(no frame)';
    try {
      frame = r.frame().url();
    } catch {
      // A request of no frame (none expected).
    }
    dictLoads.push(`${frame} ${r.url().replace(/^.*\/dict\//, '')}`);
  });
  await openAllKinds(page, server, server2);
  const frames = await contentFrames(page);
  const before = await Promise.all(frames.map((f) => frameText(f)));
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await toolbar(page).getByRole('button', { name: '繁简转换' }).click();
  for (const [i, f] of frames.entries()) await expect.poll(() => frameText(f), { message: `frame ${f.url()}` }).toEqual(before[i]!.map((t) => toTw(t)));
  // The top, srcdoc, same-origin, about:blank, the frame of another origin and the one nested in it: one load, the top's.
  expect(dictLoads).toEqual([page.url() + ' cn-tw.bin']);
});
