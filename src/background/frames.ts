import type { WxtBrowser as Browser } from 'wxt/browser';
import { onMessage, sendMessage, type FrameHello, type FrameMessage, type FrameRoute } from '../messaging/protocol';
import { siteKeyFor } from '../settings/origin';
import { sendToPageUi } from '../messaging/page-ui';
import { isSupportedPair, type Variant } from '../convert/engine';
import { MAX_BATCH_CHARS } from '../convert/tab-converters';

/** More user phrase lines than anyone keeps (the options page stores a few hundred at most). */
const MAX_PHRASE_LINES = 10_000;

/** The most text taken from one frame to tell the page's script (a sample is enough). */
export const MAX_SAMPLE = 4000;

/** Injected into every frame (self-contained): the start of its text. */
function frameSample(max: number): string {
  return (document.body?.textContent ?? '').slice(0, max);
}

type TabsExecute = { executeScript(tabId: number, d: { code: string; allFrames?: boolean; frameId?: number }): Promise<unknown[]> };

/**
 * Injected into the top frame (self-contained: it is serialised): is the child at `index` of
 * `window.frames` the frameset's main frame, its largest `<frame>` (or `<iframe>`) by area? The
 * navigation frame of a portal is the narrow one. Asked of the document itself, so it is answered
 * whether kanjian's loader or its page bundle runs there.
 */
async function isFramesetMainFrame(index: number): Promise<boolean> {
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  if (document.body?.localName !== 'frameset') return false;
  let best: { area: number; el: HTMLIFrameElement | HTMLFrameElement } | null = null;
  for (const el of document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('frame, iframe')) {
    const r = el.getBoundingClientRect();
    const area = r.width * r.height;
    if (area > 0 && (!best || area > best.area)) best = { area, el };
  }
  return !!best && window.frames[index] === best.el.contentWindow;
}

/** Whether the frame at `index` of the tab's top window carries the toolbar (a frameset's main frame). */
export async function frameCarriesToolbar(browser: Browser, tabId: number, index: number): Promise<boolean> {
  try {
    if (browser.scripting?.executeScript) {
      const [r] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: isFramesetMainFrame, args: [index] });
      return r?.result === true;
    }
    const [r] = await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${isFramesetMainFrame.toString()})(${index})`, frameId: 0 });
    return r === true;
  } catch {
    // A top document we may not enter (a browser page): no toolbar here.
    return false;
  }
}

/**
 * Checks a frame message at the boundary: only content scripts send them, but an older build or a
 * bug must not pass anything else along.
 */
export function parseFrameMessage(raw: unknown): FrameMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (m.kind === 'pageScript') return { kind: 'pageScript' };
  if (m.kind === 'convertTexts') return parseConvertTexts(m);
  if (m.kind === 'guidePoint' || m.kind === 'guideLeave') {
    const path = framePath(m.path);
    if (!path) return null;
    if (m.kind === 'guideLeave') return { kind: 'guideLeave', path };
    const [x, y, vw, vh] = [m.x, m.y, m.vw, m.vh].map(coordinate);
    if (x === null || y === null || !vw || !vh || vw < 0 || vh < 0) return null;
    return { kind: 'guidePoint', path, x: x!, y: y!, vw: vw!, vh: vh! };
  }
  if (m.kind === 'locate') {
    const target = axeTarget(m.target);
    return target ? { kind: 'locate', target } : null;
  }
  if (m.kind === 'readingSentences') return { kind: 'readingSentences', skipNav: m.skipNav === true };
  if (m.kind === 'readingShow') {
    if (m.index === null) return { kind: 'readingShow', index: null };
    return typeof m.index === 'number' && Number.isInteger(m.index) && m.index >= 0 && m.index < 100_000 ? { kind: 'readingShow', index: m.index } : null;
  }
  if (m.kind === 'captionText') {
    if (typeof m.text !== 'string' || !m.text || m.text.length > MAX_CAPTION) return null;
    const offset = typeof m.offset === 'number' && Number.isInteger(m.offset) && m.offset >= 0 ? Math.min(m.offset, m.text.length) : 0;
    return { kind: 'captionText', text: m.text, offset };
  }
  return null;
}

/** The most text one frame sends for the caption band (a long block is cut to this before it is sent). */
export const MAX_CAPTION = 8000;
/** Frames nest rarely more than a few deep; a longer path is not one of ours. */
const MAX_DEPTH = 16;
const MAX_COORD = 1_000_000;

function framePath(raw: unknown): number[] | null {
  if (!Array.isArray(raw) || raw.length < 1 || raw.length > MAX_DEPTH) return null;
  return raw.every((i) => typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < 10_000) ? (raw as number[]).slice() : null;
}

const MAX_SELECTOR = 4000;
function axeTarget(raw: unknown): Array<string | string[]> | null {
  if (!Array.isArray(raw) || !raw.length || raw.length > MAX_DEPTH) return null;
  const sel = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_SELECTOR;
  const out: Array<string | string[]> = [];
  for (const part of raw) {
    if (sel(part)) out.push(part);
    else if (Array.isArray(part) && part.length && part.length <= MAX_DEPTH && part.every(sel)) out.push((part as string[]).slice());
    else return null;
  }
  return out;
}

/** Where a relay goes, checked: top, all, or one frame by its path. */
export function parseRoute(raw: unknown): FrameRoute | null {
  if (raw === 'top' || raw === 'all') return raw;
  if (raw && typeof raw === 'object') {
    const path = framePath((raw as { path?: unknown }).path);
    return path ? { path } : null;
  }
  return null;
}

/** Injected into every frame (self-contained): its path from the top (see framePath in src/content/frames.ts) and, in Firefox, its frame id. */
function frameIdentity(): { path: number[] | null; frameId: number } {
  const path: number[] = [];
  try {
    for (let w: Window = window; w !== w.parent; w = w.parent) {
      const siblings = w.parent.frames;
      let index = -1;
      for (let i = 0; i < siblings.length; i++) if (siblings[i] === w) index = i;
      if (index < 0) return { path: null, frameId: -1 };
      path.unshift(index);
    }
  } catch {
    return { path: null, frameId: -1 };
  }
  let frameId = -1;
  try {
    const rt = (globalThis as { browser?: { runtime?: { getFrameId?(w: Window): number } } }).browser?.runtime;
    frameId = typeof rt?.getFrameId === 'function' ? rt.getFrameId(window) : -1;
  } catch {
    frameId = -1;
  }
  return { path, frameId };
}

/** The frame id of the tab's frame at `path`, or null (asked of the frames themselves, through the extension). */
async function frameIdAt(browser: Browser, tabId: number, path: number[]): Promise<number | null> {
  const key = path.join('.');
  if (browser.scripting?.executeScript) {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: frameIdentity });
    for (const r of results) {
      const id = r.result as ReturnType<typeof frameIdentity> | null | undefined;
      if (id?.path && id.path.join('.') === key) return r.frameId;
    }
    return null;
  }
  // Firefox gives no frame ids with allFrames results: each frame names its own (runtime.getFrameId).
  const results = await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${frameIdentity.toString()})()`, allFrames: true });
  for (const r of results as Array<ReturnType<typeof frameIdentity> | null>) if (r?.path && r.path.join('.') === key && r.frameId >= 0) return r.frameId;
  return null;
}

function coordinate(raw: unknown): number | null {
  return typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= MAX_COORD ? raw : null;
}

const isStrings = (x: unknown, max: number): x is string[] => Array.isArray(x) && x.length <= max && x.every((t) => typeof t === 'string');

/** A frame's texts for the top frame's converter: a supported direction, the user's phrases, a bounded batch. */
function parseConvertTexts(m: Record<string, unknown>): FrameMessage | null {
  const { from, to, phrases, texts } = m;
  if (typeof from !== 'string' || typeof to !== 'string' || !isSupportedPair(from, to)) return null;
  if (!isStrings(phrases, MAX_PHRASE_LINES) || !isStrings(texts, MAX_BATCH_CHARS)) return null;
  if (texts.reduce((n, t) => n + t.length, 0) > MAX_BATCH_CHARS) return null;
  return { kind: 'convertTexts', from: from as Variant, to: to as Variant, phrases: [...phrases], texts: [...texts] };
}

interface Sender {
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * The tab's frames talk only through here: each request is answered for the sender's own tab (taken
 * from the sender, never from the message), so no frame can reach another tab, and nothing passes
 * through the page, which cannot send or hear extension messages.
 */
export function startFrameHub(browser: Browser): void {
  onMessage('frameHello', async ({ data, sender }): Promise<FrameHello> => {
    const s = sender as Sender;
    const siteKey = s.tab?.url ? siteKeyFor(s.tab.url) : null;
    const index = data?.indexInTop;
    const tabId = s.tab?.id;
    const ui = tabId !== undefined && s.frameId !== 0 && typeof index === 'number' && Number.isInteger(index) && index >= 0 ? await frameCarriesToolbar(browser, tabId, index) : false;
    return { siteKey, ui };
  });
  onMessage('frameRelay', async ({ data, sender }) => {
    const s = sender as Sender;
    const tabId = s.tab?.id;
    if (tabId === undefined || typeof s.frameId !== 'number') throw new Error('frameRelay: not from a frame');
    const msg = parseFrameMessage(data?.msg);
    const route = parseRoute(data?.to);
    if (!msg || !route) throw new TypeError('frameRelay: bad message');
    if (route === 'all') return sendMessage('frameMessage', { from: s.frameId, msg }, { tabId });
    if (route === 'top') return sendMessage('frameMessage', { from: s.frameId, msg }, { tabId, frameId: 0 });
    // One frame by its place in the tab (a user's action, e.g. 在页面中定位: not for a stream of messages).
    const frameId = await frameIdAt(browser, tabId, route.path);
    if (frameId === null) return null;
    const from = s.frameId;
    const send = () => sendMessage('frameMessage', { from, msg }, { tabId, frameId });
    // 在页面中定位 in a frame where nothing is on: only the loader runs there, so the bundle comes first.
    return msg.kind === 'locate' ? sendToPageUi(browser, tabId, send, { frameId }) : send();
  });
  // Only the top frame asks, for its own tab: the samples go back into the extension, never the page.
  onMessage('frameTexts', async ({ sender }) => {
    const s = sender as Sender;
    const tabId = s.tab?.id;
    if (tabId === undefined || s.frameId !== 0) throw new Error('frameTexts: only the top frame asks');
    const results = browser.scripting?.executeScript
      ? (await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: frameSample, args: [MAX_SAMPLE] })).filter((r) => r.frameId !== 0).map((r) => r.result)
      : (await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${frameSample.toString()})(${MAX_SAMPLE})`, allFrames: true })).slice(1);
    return results.filter((t): t is string => typeof t === 'string').map((t) => t.slice(0, MAX_SAMPLE));
  });
}
