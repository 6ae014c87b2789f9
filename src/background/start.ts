import type { WxtBrowser as Browser } from 'wxt/browser';
import { isCommandName, onMessage, sendMessage, type CommandName } from '../messaging/protocol';
import { migrateStored } from '../settings/store';
import { auditTab } from './audit';
import { startSpeechBackground } from '../speech/background';
import { syncEarlyStyles } from './early-styles';
import { injectLib } from './libs';
import { startPdfBackground } from '../pdf/background';

/** Forwards a keyboard command to the active tab's content script (the audit runs from here). */
export async function handleCommand(browser: Browser, command: string): Promise<boolean> {
  if (!isCommandName(command)) return false;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return false;
  try {
    if (command === 'run-audit') {
      await auditTab(browser, tab.id);
      return true;
    }
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
    browser.contextMenus.create({ id: 'kanjian-audit', title: browser.i18n.getMessage('menuAudit'), contexts: ['page', 'frame'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'kanjian-audit' && tab?.id !== undefined) void auditTab(browser, tab.id).catch((err: unknown) => console.warn('[kanjian] audit failed', err));
  });
  onMessage('startAudit', async ({ data, sender }) => {
    const tabId = typeof data?.tabId === 'number' ? data.tabId : sender.tab?.id;
    if (tabId === undefined) throw new Error('startAudit: no tab');
    const audit = await auditTab(browser, tabId);
    return { auditId: audit.id, durationMs: audit.durationMs };
  });
  const syncEarly = (): void => void syncEarlyStyles(browser).catch((err: unknown) => console.warn('[kanjian] early styles', err));
  syncEarly();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('site:') || k === 'settings.global')) syncEarly();
  });
  browser.commands.onCommand.addListener((command) => {
    void handleCommand(browser, command);
  });
  onMessage('loadLib', async ({ data, sender }) => {
    if (sender.tab?.id === undefined) throw new Error('loadLib: not from a tab');
    await injectLib(browser, data?.name, sender.tab.id, sender.frameId ?? 0);
  });
  onMessage('openOptions', () => browser.runtime.openOptionsPage());
  startSpeechBackground(); // read-aloud: the chrome.tts fallback (Chrome only)
  startPdfBackground(browser); // PDF reader: link menu, command, 用看见阅读 requests
  // Diagnostic hook: lets the end-to-end tests fire a command the way the browser's shortcut does.
  Object.assign(globalThis, {
    kanjianHandleCommand: (command: string) => handleCommand(browser, command),
    kanjianAuditTab: (tabId: number, onlyRules?: string[]) => auditTab(browser, tabId, { openReport: false, onlyRules }),
  });
}
