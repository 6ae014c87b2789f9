import type { WxtBrowser as Browser } from 'wxt/browser';
import { PAGE_UI_FILE } from '../loader/handoff';

interface FirefoxTabsExecute {
  executeScript(tabId: number, d: { file?: string; code?: string; frameId?: number; allFrames?: boolean; matchAboutBlank?: boolean; runAt?: string }): Promise<unknown[]>;
}

/** What a frame says about itself when probed (in the extension's isolated world of that frame). */
interface FrameProbe {
  /** The page bundle runs here already. */
  has: boolean;
  /** This document is a frameset: its main frame, not itself, carries the toolbar. */
  frameset: boolean;
}

/** Injected (self-contained: it is serialised). The flag is the bundle's own, set in this isolated world. */
function probePageUi(): FrameProbe {
  return { has: (globalThis as Record<string, unknown>).__kanjianPageUi === true, frameset: document.body?.localName === 'frameset' };
}

/**
 * Where the page bundle goes:
 * - `ui`: the tab's toolbar frame: the top frame, and when the top is a frameset every frame (its main
 *   frame learns from the background that it carries the toolbar);
 * - `all`: every frame of the tab (something is on for the tab's site);
 * - a frame id: that frame, and the top frame (which decides the page's script for its frames).
 */
export type PageUiTarget = 'ui' | 'all' | { frameId: number };

/**
 * Injects the page bundle (toolbar, aids, 繁简, read-aloud, audit button) into a tab's frames, in the
 * extension's isolated world, skipping frames where it runs already (a probe first, so no frame parses
 * it twice). The file is not web-accessible: only the extension can load it.
 */
export async function injectPageUi(browser: Browser, tabId: number, target: PageUiTarget = 'ui'): Promise<void> {
  const scripting = browser.scripting;
  if (scripting?.executeScript) {
    const probeAll = target === 'all' || target === 'ui';
    const frameIds = typeof target === 'object' ? [...new Set([0, target.frameId])] : [0];
    const probes = await scripting.executeScript({ target: probeAll ? { tabId, allFrames: true } : { tabId, frameIds }, func: probePageUi });
    const top = probes.find((p) => p.frameId === 0)?.result as FrameProbe | undefined;
    const everyFrame = target === 'all' || (target === 'ui' && top?.frameset === true);
    const lacking = probes.filter((p) => (everyFrame || frameIds.includes(p.frameId)) && (p.result as FrameProbe | undefined)?.has !== true).map((p) => p.frameId);
    if (lacking.length) await scripting.executeScript({ target: { tabId, frameIds: lacking }, files: [PAGE_UI_FILE as '/page-ui.js'] });
    return;
  }
  // Firefox MV2: its results carry no frame ids, so "every frame" is one injection into all of them
  // (the bundle starts once per frame; a frame that has it already returns at once).
  const tabs = browser.tabs as unknown as FirefoxTabsExecute;
  const probe = async (frameId: number): Promise<FrameProbe | undefined> => (await tabs.executeScript(tabId, { code: `(${probePageUi.toString()})()`, frameId }))[0] as FrameProbe | undefined;
  const inject = (frameId: number): Promise<unknown> => tabs.executeScript(tabId, { file: PAGE_UI_FILE, frameId });
  const top = await probe(0);
  if (target === 'all' || (target === 'ui' && top?.frameset)) {
    const all = (await tabs.executeScript(tabId, { code: `(${probePageUi.toString()})().has`, allFrames: true, matchAboutBlank: true })) as unknown[];
    if (all.some((has) => has !== true)) await tabs.executeScript(tabId, { file: PAGE_UI_FILE, allFrames: true, matchAboutBlank: true });
    return;
  }
  if (!top?.has) await inject(0);
  if (typeof target === 'object' && target.frameId !== 0 && (await probe(target.frameId))?.has !== true) await inject(target.frameId);
}

/**
 * The loader's own request: its frame has no bundle (the loader saw none, and a bundle arriving
 * meanwhile stops it from asking), so no probe there, which keeps the launcher's press quick; the top
 * frame, for a frame below it, is probed as usual.
 */
export async function injectForLoader(browser: Browser, tabId: number, frameId: number): Promise<void> {
  const own = browser.scripting?.executeScript
    ? browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [PAGE_UI_FILE as '/page-ui.js'] })
    : (browser.tabs as unknown as FirefoxTabsExecute).executeScript(tabId, { file: PAGE_UI_FILE, frameId });
  await Promise.all([own, frameId === 0 ? null : injectPageUi(browser, tabId, { frameId: 0 })]);
}

/**
 * Nobody in the tab answers the typed protocol: no script at all ("Receiving end does not exist", as
 * Chrome and Firefox both word it), or only the loader, whose world answers nothing (the messaging
 * library's "No response").
 */
export function isNoReceiver(err: unknown): boolean {
  return /Receiving end does not exist|^No response$/i.test(err instanceof Error ? err.message : String(err));
}

/** How long a freshly injected bundle may take to answer (a frameset's main frame first asks the background its role). */
const ANSWER_TRIES = 20;
const ANSWER_WAIT_MS = 100;

/**
 * Sends a message to a tab's page bundle, loading the bundle first if only the loader is there. For
 * the extension's own callers only (background, popup, report page): what they send follows the
 * user's own action (a command, a popup switch, an audit).
 */
export async function sendToPageUi<T>(browser: Browser, tabId: number, send: () => Promise<T>, target: PageUiTarget = 'ui'): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (!isNoReceiver(err)) throw err;
  }
  await injectPageUi(browser, tabId, target);
  for (let i = 1; ; i++) {
    try {
      return await send();
    } catch (err) {
      if (!isNoReceiver(err) || i >= ANSWER_TRIES) throw err;
      await new Promise((r) => setTimeout(r, ANSWER_WAIT_MS));
    }
  }
}
