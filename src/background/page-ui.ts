import type { WxtBrowser as Browser } from 'wxt/browser';
import { isPageUiRequest } from '../loader/handoff';
import { injectPageUi } from '../messaging/page-ui';

export { sendToPageUi } from '../messaging/page-ui';

/**
 * The loader's request: inject the bundle into the sender's own tab, top frame only. Nothing in it
 * names a tab or a frame, so a content script can only ever load kanjian into its own page; a page
 * itself cannot send runtime messages at all, and the loader asks only at the user's press or for
 * the user's stored settings.
 */
export function startPageUiBackground(browser: Browser): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
    if (!isPageUiRequest(message)) return undefined; // someone else's message
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId !== 0) return Promise.resolve(false);
    return injectPageUi(browser, tabId).then(() => true);
  });
}
