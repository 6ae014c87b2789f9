import type { WxtBrowser as Browser } from 'wxt/browser';
import { isCommandName, onMessage, sendMessage, type CommandName } from '../messaging/protocol';
import { GLOBAL_KEY, SITE_PREFIX, migrateStored } from '../settings/store';
import { auditTab } from './audit';
import { isExtensionPage } from '../shared/sender';
import { startSpeechBackground } from '../speech/background';
import { syncEarlyStyles } from './early-styles';
import { injectLib } from './libs';
import { sendToPageUi, startPageUiBackground } from './page-ui';
import { AuditStoreError, LEGACY_AUDIT_PREFIX } from '../audit/store';
import { startPdfBackground } from '../pdf/background';
import { startFrameHub } from './frames';

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
    const tabId = tab.id;
    await sendToPageUi(browser, tabId, () => sendMessage('runCommand', { command: command as CommandName }, tabId));
    return true;
  } catch {
    // No content script there (browser pages, stores): nothing to toggle.
    return false;
  }
}

/**
 * The tab an audit request may name. A content script's message audits its own tab (sender.tab) and
 * nothing else: a page's frame must not be able to point the audit at another tab. Only extension
 * pages (the popup, the report page) name a tab.
 */
export function auditTargetTab(extensionBase: string, sender: { url?: string; tab?: { id?: number } }, data: unknown): number | undefined {
  const fromExtensionPage = isExtensionPage(extensionBase, sender);
  const asked = data && typeof data === 'object' ? (data as { tabId?: unknown }).tabId : undefined;
  if (fromExtensionPage && typeof asked === 'number' && Number.isInteger(asked) && asked >= 0) return asked;
  return sender.tab?.id;
}

/** Builds before audits moved to IndexedDB kept them in storage.local, next to the settings. */
async function removeLegacyAudits(area: Browser['storage']['local']): Promise<void> {
  const all = await area.get(null);
  const old = Object.keys(all).filter((k) => k.startsWith(LEGACY_AUDIT_PREFIX));
  if (old.length) await area.remove(old);
}

export function startBackground(browser: Browser): void {
  startPageUiBackground(browser); // the loader's on-demand page bundle
  browser.runtime.onInstalled.addListener(() => {
    void migrateStored(browser.storage.local).catch((err: unknown) => console.warn('[kanjian] migration failed', err));
    void removeLegacyAudits(browser.storage.local).catch((err: unknown) => console.warn('[kanjian] cleaning old audits failed', err));
    browser.contextMenus.create({ id: 'kanjian-audit', title: browser.i18n.getMessage('menuAudit'), contexts: ['page', 'frame'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === 'kanjian-audit' && tab?.id !== undefined) void auditTab(browser, tab.id).catch((err: unknown) => console.warn('[kanjian] audit failed', err));
  });
  onMessage('startAudit', async ({ data, sender }) => {
    const tabId = auditTargetTab(browser.runtime.getURL('/'), sender, data);
    if (tabId === undefined) throw new Error('startAudit: no tab');
    try {
      const audit = await auditTab(browser, tabId);
      return { auditId: audit.id, durationMs: audit.durationMs };
    } catch (err) {
      // The toolbar words storage failures for people (auditStoreMessage); anything else as it is.
      throw new Error(err instanceof AuditStoreError ? `audit-store:${err.code}` : err instanceof Error ? err.message : String(err));
    }
  });
  const syncEarly = (): void => void syncEarlyStyles(browser).catch((err: unknown) => console.warn('[kanjian] early styles', err));
  syncEarly();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(SITE_PREFIX) || k === GLOBAL_KEY)) syncEarly();
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
  startFrameHub(browser); // frames: the tab's site and toolbar frame, relays between frames
  // Diagnostic hook: lets the end-to-end tests fire a command the way the browser's shortcut does.
  Object.assign(globalThis, {
    kanjianHandleCommand: (command: string) => handleCommand(browser, command),
    kanjianAuditTab: (tabId: number, onlyRules?: string[]) => auditTab(browser, tabId, { openReport: false, onlyRules }),
  });
}
