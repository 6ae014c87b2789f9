import type { WxtBrowser as Browser } from 'wxt/browser';
import { onMessage, sendMessage, type FrameHello, type FrameMessage } from '../messaging/protocol';
import { siteKeyFor } from '../settings/origin';
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
  return null;
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
    if (!msg) throw new TypeError('frameRelay: bad message');
    const to = data?.to === 'all' ? { tabId } : { tabId, frameId: 0 };
    return sendMessage('frameMessage', { from: s.frameId, msg }, to);
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
