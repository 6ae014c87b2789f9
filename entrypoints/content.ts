import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import toolbarCss from '../src/toolbar/toolbar.css?inline';
import { startContentScript } from '../src/content/start';
import { mountToolbarHost } from '../src/toolbar/mount';

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
  main(ctx) {
    startContentScript({
      browser,
      // WXT's context can be invalidated by an event a page could forge: kanjian only takes it as a
      // reason to check whether the extension is really gone.
      onMaybeInvalidated: (cb) => ctx.onInvalidated(cb),
      mountUi: async () => mountToolbarHost(document, toolbarCss).container,
    });
  },
});
