import type { WxtBrowser as Browser } from 'wxt/browser';
import { isCommandName, onMessage, sendMessage, type CommandName } from '../messaging/protocol';
import { migrateStored } from '../settings/store';

/** Forwards a keyboard command to the active tab's content script. */
export async function handleCommand(browser: Browser, command: string): Promise<boolean> {
  if (!isCommandName(command)) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    await sendMessage('runCommand', { command: command as CommandName }, tab.id);
    return true;
  } catch {
    // No content script there (browser pages, stores): nothing to toggle.
    return false;
  }
}

export function startBackground(browser: Browser): void {
  browser.runtime.onInstalled.addListener(() => {
    void migrateStored(browser.storage.local).catch((err: unknown) => console.warn('[kanjian] migration failed', err));
  });
  browser.commands.onCommand.addListener((command) => {
    void handleCommand(browser, command);
  });
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
  // Diagnostic hook: lets the end-to-end tests fire a command the way the browser's shortcut does.
  Object.assign(globalThis, { kanjianHandleCommand: (command: string) => handleCommand(browser, command) });
}
