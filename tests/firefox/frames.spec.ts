import * as OpenCC from 'opencc-js';
import type { Frame, Page } from 'puppeteer-core';
import { startServer } from '../support/server.mjs';
import { clickInToolbar, clickToolbarButton, expect, extensionPage, minContrast, test, toolbarVisible } from './fixtures';

/**
 * Firefox smoke for frames: 繁简转换 and exact restore, 配色 at 7:1 and 指读 inside frames (same
 * origin, another origin with a frame of the first nested in it).
 */
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });

// 指读 below needs the real engine (this file's worker starts it).
test.use({ speech: true });

/**
 * The top page and the frames with a URL of their own (same origin, another origin, nested). Firefox
 * (ESR 153, MV2) does not run content scripts in srcdoc frames nor in about:blank frames a script
 * wrote with document.write, though match_about_blank is set: those stay untouched there (docs/display-aids.md).
 */
function docs(page: Page): Frame[] {
  return page.frames().filter((f) => f === page.mainFrame() || /\/frames\/inner/.test(f.url()));
}

function textOf(f: Frame): Promise<string> {
  return f.evaluate(() => [...document.querySelectorAll('p, h1, h2, a')].map((e) => e.textContent).join('|'));
}

function markupOf(f: Frame): Promise<string> {
  return f.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const e of [...clone.querySelectorAll('*')]) if (e.localName.startsWith('kanjian-') || e.id.startsWith('kanjian-')) e.remove();
    return clone.outerHTML;
  });
}


async function openToolbar(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher'))).toBe(true);
  if (!(await toolbarVisible(page))) await clickInToolbar(page, '.kj-launcher');
  await expect.poll(() => toolbarVisible(page)).toBe(true);
}

test('Firefox: 繁简转换 converts every frame and restores each exactly; 黑底黄字 is at least 7:1 inside every frame', async ({ ffPage: page, ffServer }) => {
  const other = (await startServer()) as { url: string; close(): Promise<void> };
  try {
    await page.goto(`${ffServer.url}/frames/all-kinds.html?other=${encodeURIComponent(other.url)}`, { waitUntil: 'load' });
    // top, same, cross, nested
    await expect.poll(async () => (await Promise.all(docs(page).map((f) => textOf(f).catch(() => '')))).filter((t) => t.length > 0).length, { timeout: 15_000 }).toBe(4);
    const frames = docs(page);
    const before = await Promise.all(frames.map((f) => markupOf(f)));
    const textBefore = await Promise.all(frames.map((f) => textOf(f)));
    await openToolbar(page);
    await clickToolbarButton(page, '繁简转换');
    for (const [i, f] of frames.entries()) await expect.poll(() => textOf(f), { message: f.url() }).toBe(toTw(textBefore[i]!));
    // One toolbar in the tab.
    const hosts = await Promise.all(frames.map((f) => f.evaluate(() => document.querySelectorAll('kanjian-toolbar').length)));
    expect(hosts.reduce((a, b) => a + b, 0)).toBe(1);
    await clickToolbarButton(page, '繁簡轉換');
    for (const [i, f] of frames.entries()) await expect.poll(() => markupOf(f), { message: f.url() }).toBe(before[i]);

    await clickToolbarButton(page, '配色');
    await expect.poll(() => page.evaluate(() => !!document.querySelector('kanjian-toolbar')!.shadowRoot!.querySelector('[role=menu]'))).toBe(true);
    expect(await clickInToolbar(page, '[role^=menuitem]', '黑底黄字')).toBe(true);
    for (const f of frames) await expect.poll(() => minContrast(f), { message: f.url() }).toBeGreaterThanOrEqual(7);
    await clickInToolbar(page, '[data-control=exit]');
    for (const [i, f] of frames.entries()) await expect.poll(() => markupOf(f), { message: f.url() }).toBe(before[i]);
  } finally {
    await other.close();
  }
});

interface LogEntry {
  kind: string;
  text: string;
  lang: string;
  voiceName: string;
}

test('Firefox: 指读 speaks text inside another site’s frame through the real engine', async ({ ffPage: page, ffServer, firefox, speechEngine }) => {
  test.skip(!speechEngine?.available, `no speech engine: ${speechEngine?.reason ?? 'not started'}`);
  const other = (await startServer()) as { url: string; close(): Promise<void> };
  const ext = await extensionPage(firefox);
  try {
    await page.goto(`${ffServer.url}/frames/all-kinds.html?other=${encodeURIComponent(other.url)}`, { waitUntil: 'load' });
    await openToolbar(page);
    await clickToolbarButton(page, '指读');
    const frameUrl = `${other.url}/frames/inner.html`;
    // The speech log of that frame's content script, asked by frame id from the extension page.
    const log = () =>
      ext.evaluate(async (want: string) => {
        type Api = {
          tabs: {
            query(q: object): Promise<Array<{ id?: number; url?: string }>>;
            executeScript(id: number, d: object): Promise<unknown[]>;
            sendMessage(id: number, m: object, o?: object): Promise<{ res?: unknown } | undefined>;
          };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined || !tab.url?.includes('/frames/all-kinds.html')) continue;
          const ids = (await api.tabs.executeScript(tab.id, { code: '[location.href, browser.runtime.getFrameId(window)]', allFrames: true })) as Array<[string, number]>;
          const frameId = ids.find(([href]) => href.startsWith(want))?.[1];
          if (frameId === undefined) return null;
          // The frame gets kanjian's page bundle once 指读 is on (injected by the background): until then nobody answers.
          const reply = await api.tabs.sendMessage(tab.id, { id: 1, type: 'speechDiagnostics', data: {}, timestamp: Date.now() }, { frameId }).catch(() => undefined);
          return (reply?.res ?? null) as { voiceCount: number | null; log: LogEntry[] } | null;
        }
        return null;
      }, frameUrl);
    await expect.poll(async () => (await log())?.voiceCount ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const cross = page.frames().find((f) => f.url().startsWith(frameUrl))!;
    const el = (await cross.$('#text'))!;
    const text = await el.evaluate((e) => e.textContent ?? '');
    await el.scrollIntoView();
    const box = (await el.boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await expect.poll(async () => ((await log())?.log ?? []).some((e) => e.kind === 'start' && e.text === text), { timeout: 30_000 }).toBe(true);
  } finally {
    await ext.close();
    await other.close();
  }
});
