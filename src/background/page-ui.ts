import type { WxtBrowser as Browser } from 'wxt/browser';
import { isLoaderHello, isPageUiRequest, type LoaderHelloAnswer } from '../loader/handoff';
import { injectForLoader, injectPageUi } from '../messaging/page-ui';
import { changesFirstPaint } from '../settings/early';
import { siteKeyFor } from '../settings/origin';
import { GLOBAL_KEY, loadSettings, SITE_PREFIX } from '../settings/store';
import { frameCarriesToolbar } from './frames';

export { sendToPageUi } from '../messaging/page-ui';

interface Sender {
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** Whether anything is on for a site (what also keeps its pages hidden until applied): its frames need the bundle. */
export async function somethingOn(browser: Browser, siteKey: string | null): Promise<boolean> {
  if (!siteKey) return false;
  const { site, global } = await loadSettings(browser.storage.local, siteKey);
  return changesFirstPaint(site, global, siteKey);
}

/** A frame's hello from its loader: the tab's site, its role, and (when something is on) the bundle injected into it. */
async function answerHello(browser: Browser, s: Sender, indexInTop: number | null): Promise<LoaderHelloAnswer> {
  const tabId = s.tab?.id;
  const siteKey = s.tab?.url ? siteKeyFor(s.tab.url) : null;
  if (tabId === undefined || typeof s.frameId !== 'number' || s.frameId === 0) return { siteKey, ui: false, on: false };
  const frameId = s.frameId;
  const [on, ui] = await Promise.all([somethingOn(browser, siteKey), indexInTop === null ? false : frameCarriesToolbar(browser, tabId, indexInTop)]);
  if (on) void injectPageUi(browser, tabId, { frameId }).catch((err: unknown) => console.warn('[kanjian] page bundle into a frame', err));
  return { siteKey, ui, on };
}

/** Every frame of every tab showing one of `sites` (null: every site) gets the bundle where something is on there now. */
async function spreadToFrames(browser: Browser, sites: Set<string> | null): Promise<void> {
  const on = new Map<string, Promise<boolean>>();
  for (const tab of await browser.tabs.query({})) {
    const siteKey = tab.url ? siteKeyFor(tab.url) : null;
    if (tab.id === undefined || !siteKey || (sites && !sites.has(siteKey))) continue;
    if (!on.has(siteKey)) on.set(siteKey, somethingOn(browser, siteKey));
    if (!(await on.get(siteKey))) continue;
    // A browser page, a tab still loading, a frame we may not enter: the loaders there ask again themselves.
    await injectPageUi(browser, tab.id, 'all').catch(() => undefined);
  }
}

/**
 * The loaders' requests. Nothing in them names a tab or a frame: the answer and the injection are for
 * the sender's own tab and frame, so a content script can only ever load kanjian into its own page; a
 * page itself cannot send runtime messages at all, and the loader asks only at the user's press or
 * for the user's stored settings. And when the user switches something on (the toolbar, the popup,
 * another tab of the site), every frame of the site's tabs gets the bundle: frames idle until then.
 */
export function startPageUiBackground(browser: Browser): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Sender, sendResponse: (r: unknown) => void) => {
    if (isLoaderHello(message)) {
      answerHello(browser, sender, message.indexInTop).then(sendResponse, () => sendResponse(null));
      return true;
    }
    if (!isPageUiRequest(message)) return undefined; // someone else's message
    const tabId = sender.tab?.id;
    if (tabId === undefined || typeof sender.frameId !== 'number') {
      sendResponse(false);
      return undefined;
    }
    injectForLoader(browser, tabId, sender.frameId).then(
      () => sendResponse(true),
      () => sendResponse(false),
    );
    return true;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const keys = Object.keys(changes);
    const sites = new Set(keys.filter((k) => k.startsWith(SITE_PREFIX)).map((k) => k.slice(SITE_PREFIX.length)));
    if (!sites.size && !keys.includes(GLOBAL_KEY)) return;
    void spreadToFrames(browser, keys.includes(GLOBAL_KEY) ? null : sites).catch((err: unknown) => console.warn('[kanjian] page bundle into frames', err));
  });
}
