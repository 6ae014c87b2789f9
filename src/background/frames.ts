import type { WxtBrowser as Browser } from 'wxt/browser';
import { onMessage, sendMessage, type FrameHello, type FrameMessage } from '../messaging/protocol';
import { siteKeyFor } from '../settings/origin';

/** The most text taken from one frame to tell the page's script (a sample is enough). */
export const MAX_SAMPLE = 4000;

/** Injected into every frame (self-contained): the start of its text. */
function frameSample(max: number): string {
  return (document.body?.textContent ?? '').slice(0, max);
}

type TabsExecute = { executeScript(tabId: number, d: { code: string; allFrames: boolean }): Promise<unknown[]> };

/**
 * Checks a frame message at the boundary: only content scripts send them, but an older build or a
 * bug must not pass anything else along.
 */
export function parseFrameMessage(raw: unknown): FrameMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (m.kind === 'pageScript') return { kind: 'pageScript' };
  return null;
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
    let ui = false;
    if (s.tab?.id !== undefined && s.frameId !== 0 && typeof index === 'number' && Number.isInteger(index) && index >= 0) {
      try {
        ui = (await sendMessage('frameRole', { index }, { tabId: s.tab.id, frameId: 0 })).ui === true;
      } catch {
        // No kanjian in the top frame (a browser page, or it has not started): no toolbar here.
      }
    }
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
