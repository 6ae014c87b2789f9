import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startLoader, type LoaderBrowser } from '../src/loader/loader';

/**
 * The only script on every page: small (the launcher and a settings read). The toolbar, the aids,
 * 繁简, read-aloud and the audit button come in entrypoints/page-ui.ts, injected on demand.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_start',
  // WXT would post a message naming the extension to every page; kanjian does not need it.
  noScriptStartedPostMessage: true,
  main() {
    try {
      startLoader(browser as unknown as LoaderBrowser, document, window);
    } catch (err) {
      // Never throw into the page.
      console.debug('[kanjian]', err);
    }
  },
});
