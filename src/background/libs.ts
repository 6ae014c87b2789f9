import type { WxtBrowser as Browser } from 'wxt/browser';
import { isLazyLibName, LAZY_LIB_FILES } from '../shared/libs';

/** Injects one of kanjian's own large libraries into a frame that asked for it. */
export async function injectLib(browser: Browser, name: unknown, tabId: number, frameId: number): Promise<void> {
  if (!isLazyLibName(name)) throw new Error(`unknown library: ${String(name)}`);
  const file = LAZY_LIB_FILES[name];
  if (browser.scripting?.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file as '/lib-pinyin.js'] });
    return;
  }
  const tabs = browser.tabs as unknown as { executeScript(t: number, d: { file: string; frameId: number }): Promise<unknown> };
  await tabs.executeScript(tabId, { file, frameId });
}
