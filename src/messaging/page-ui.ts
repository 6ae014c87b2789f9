import type { WxtBrowser as Browser } from 'wxt/browser';
import { PAGE_UI_FILE } from '../loader/handoff';

type TabsExecute = { executeScript(tabId: number, d: { file: string; frameId: number }): Promise<unknown> };

/**
 * Injects the page bundle (toolbar, aids, 繁简, read-aloud, audit button) into a tab's top frame, in
 * the extension's isolated world. The file is not web-accessible: only the extension can load it.
 * Injecting twice is harmless (the bundle starts once per frame).
 */
export async function injectPageUi(browser: Browser, tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PAGE_UI_FILE as '/page-ui.js'] });
    return;
  }
  // Firefox MV2.
  await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { file: PAGE_UI_FILE, frameId: 0 });
}

/**
 * Nobody in the tab answers the typed protocol: no script at all ("Receiving end does not exist", as
 * Chrome and Firefox both word it), or only the loader, whose world answers nothing (the messaging
 * library's "No response").
 */
export function isNoReceiver(err: unknown): boolean {
  return /Receiving end does not exist|^No response$/i.test(err instanceof Error ? err.message : String(err));
}

/**
 * Sends a message to a tab's page bundle, loading the bundle first if only the loader is there. For
 * the extension's own callers only (background, popup, report page): what they send follows the
 * user's own action (a command, a popup switch, an audit).
 */
export async function sendToPageUi<T>(browser: Browser, tabId: number, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (err) {
    if (!isNoReceiver(err)) throw err;
    await injectPageUi(browser, tabId);
    return send();
  }
}

