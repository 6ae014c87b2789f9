import type { WxtBrowser as Browser } from 'wxt/browser';
import type { AxeResults } from 'axe-core';
import { sendMessage } from '../messaging/protocol';
import { loadSettings, type KeyValueArea } from '../settings/store';
import { auditOptionsFrom } from '../audit/settings';

/** One finished audit run, kept in storage until the report page reads it. */
export interface StoredAudit {
  id: string;
  tabId: number;
  url: string;
  title: string;
  startedAt: string;
  durationMs: number;
  options: ReturnType<typeof auditOptionsFrom>;
  results: AxeResults;
}

export const AUDIT_PREFIX = 'audit:';
const KEEP = 3;

/** Files injected into every frame, in order, only when an audit runs. */
const FRAME_FILES = ['/vendor/axe.min.js', '/audit-frame.js'] as const;

async function injectIntoAllFrames(browser: Browser, tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    // vendor/axe.min.js is added by a build hook, so it is not in WXT's generated path types.
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [...FRAME_FILES] as unknown as ['/audit-frame.js'] });
    return;
  }
  // Firefox MV2: tabs.executeScript, one file after the other.
  const tabs = browser.tabs as unknown as { executeScript(tabId: number, d: { file: string; allFrames: boolean }): Promise<unknown> };
  for (const file of FRAME_FILES) await tabs.executeScript(tabId, { file, allFrames: true });
}

/** Drops all but the newest audits so storage stays small. */
async function prune(area: KeyValueArea): Promise<void> {
  const all = await area.get(null);
  const ids = Object.keys(all)
    .filter((k) => k.startsWith(AUDIT_PREFIX))
    .sort((a, b) => String((all[b] as StoredAudit).startedAt).localeCompare(String((all[a] as StoredAudit).startedAt)));
  if (ids.length > KEEP) await area.remove(ids.slice(KEEP));
}

export interface AuditTabOptions {
  /** Open the report in a new tab when done (default true). */
  openReport?: boolean;
  /** Run only these axe rule ids (conformance suites); the stored audit settings otherwise. */
  onlyRules?: readonly string[];
}

/**
 * Audits a tab: axe into every frame, run from the top frame (the content script turns kanjian's
 * aids off for the run and excludes the toolbar), store the results, open the report.
 */
export async function auditTab(browser: Browser, tabId: number, how: AuditTabOptions = {}): Promise<StoredAudit> {
  const area = browser.storage.local;
  const { global } = await loadSettings(area, null);
  const stored = auditOptionsFrom(global);
  const options = how.onlyRules?.length ? { ...stored, rules: { ...stored.rules, only: [...how.onlyRules] } } : stored;
  const started = Date.now();
  await injectIntoAllFrames(browser, tabId);
  const run = await sendMessage('runAudit', { options }, { tabId, frameId: 0 });
  const audit: StoredAudit = {
    id: `${started.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    tabId,
    url: run.url,
    title: run.title,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    options,
    results: run.results,
  };
  await area.set({ [AUDIT_PREFIX + audit.id]: audit });
  await prune(area);
  if (how.openReport !== false) await browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?id=${audit.id}` });
  return audit;
}
