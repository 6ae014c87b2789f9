import type { WxtBrowser as Browser } from 'wxt/browser';
import { earlyMatchPatterns } from '../settings/early';
import { PAGE_UI_FILE } from '../loader/handoff';

const ID = 'kanjian-early';

interface FirefoxRegistered {
  unregister(): Promise<void>;
}
interface FirefoxContentScripts {
  register(options: { matches: string[]; css: Array<{ file: string }>; js: Array<{ file: string }>; runAt: string; allFrames: boolean; matchAboutBlank: boolean }): Promise<FirefoxRegistered>;
}

let firefoxHandle: FirefoxRegistered | null = null;
let lastPatterns = '';

/**
 * Keeps one registered stylesheet (public/early.css) on exactly the sites with stored aids, so the
 * browser hides those pages from the very first paint until kanjian has applied them; and the page
 * bundle (entrypoints/page-ui.ts) registered with it, so those sites get their aids at document_start
 * without waiting for the loader to ask for it. Every other site gets only the small loader.
 */
export async function syncEarlyStyles(browser: Browser): Promise<void> {
  const patterns = earlyMatchPatterns(await browser.storage.local.get(null));
  const key = patterns.join(' ');
  if (key === lastPatterns) return;
  lastPatterns = key;
  const firefox = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  if (firefox) {
    await firefoxHandle?.unregister();
    firefoxHandle = patterns.length ? await firefox.register({ matches: patterns, css: [{ file: '/early.css' }], js: [{ file: PAGE_UI_FILE }], runAt: 'document_start', allFrames: true, matchAboutBlank: true }) : null;
    return;
  }
  const scripting = browser.scripting;
  const existing = await scripting.getRegisteredContentScripts({ ids: [ID] });
  if (!patterns.length) {
    if (existing.length) await scripting.unregisterContentScripts({ ids: [ID] });
    return;
  }
  const script = { id: ID, matches: patterns, css: ['early.css'], js: [PAGE_UI_FILE.slice(1)], runAt: 'document_start' as const, allFrames: true, matchOriginAsFallback: true, persistAcrossSessions: true };
  if (existing.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
