import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startLoader, type LoaderBrowser } from '../src/loader/loader';

/**
 * The only script on every page: small (the launcher and a settings read). The toolbar, the aids,
 * 繁简, read-aloud and the audit button come in entrypoints/page-ui.ts, injected on demand.
 *
 * Declared in the manifest by hand (wxt.config.ts), not as a WXT content script: WXT's wrapper would
 * add its context object, a DOM event named after the extension's id on every page and a listener
 * for it, none of which the loader uses, to every page load.
 */
export default defineUnlistedScript(() => {
  try {
    startLoader(browser as unknown as LoaderBrowser, document, window);
  } catch (err) {
    // Never throw into the page.
    console.debug('[kanjian]', err);
  }
});
