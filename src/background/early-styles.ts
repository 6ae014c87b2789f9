import type { WxtBrowser as Browser } from 'wxt/browser';
import { earlyMatchPatterns } from '../settings/early';

const ID = 'kanjian-early';

interface FirefoxRegistered {
  unregister(): Promise<void>;
}
interface FirefoxContentScripts {
  register(options: { matches: string[]; css: Array<{ file: string }>; runAt: string; allFrames: boolean }): Promise<FirefoxRegistered>;
}

let firefoxHandle: FirefoxRegistered | null = null;
let lastPatterns = '';

/**
 * Keeps one registered stylesheet (public/early.css) on exactly the sites with stored aids, so the
 * browser hides those pages from the very first paint until the content script has applied them.
 */
export async function syncEarlyStyles(browser: Browser): Promise<void> {
  const patterns = earlyMatchPatterns(await browser.storage.local.get(null));
  const key = patterns.join(' ');
  if (key === lastPatterns) return;
  lastPatterns = key;
  const firefox = (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
  if (firefox) {
    await firefoxHandle?.unregister();
    firefoxHandle = patterns.length ? await firefox.register({ matches: patterns, css: [{ file: '/early.css' }], runAt: 'document_start', allFrames: false }) : null;
    return;
  }
  const scripting = browser.scripting;
  const existing = await scripting.getRegisteredContentScripts({ ids: [ID] });
  if (!patterns.length) {
    if (existing.length) await scripting.unregisterContentScripts({ ids: [ID] });
    return;
  }
  const script = { id: ID, matches: patterns, css: ['early.css'], runAt: 'document_start' as const, allFrames: false, persistAcrossSessions: true };
  if (existing.length) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([script]);
}
