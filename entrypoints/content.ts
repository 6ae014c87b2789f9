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
  // Every frame, the ones without a URL of their own (about:blank, srcdoc, written by script) too:
  // the page is everything the person sees. Frames other than the top stay idle until an aid is on.
  allFrames: true,
  matchAboutBlank: true,
  // Chrome: also frames whose URL has no origin to match (about:srcdoc, blob:, data:), by their creator's.
  matchOriginAsFallback: { chrome: true, firefox: false },
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
