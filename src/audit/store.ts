/**
 * Finished audits, kept until the report page has shown them. They live in the extension's own
 * IndexedDB, apart from the settings: an audit of a big page is megabytes, and when audits shared
 * storage.local with the settings, reaching its quota made every later audit — and then every
 * settings change — fail. Old audits are pruned before a new one is written, and one audit has a size
 * cap; both failures come back as a clear message, never as a wedged store.
 */
import { createStore, delMany, get, keys, set, type UseStore } from 'idb-keyval';
import type { AxeResults, PartialResult } from 'axe-core';
import type { AuditOptions } from './options';
import type { WalkResult } from './keyboard/types';

/** One finished audit run: the frames' partial results, put together by the report page (axe.finishRun). */
import type { LinkedPdf } from './pdf/links';

export interface StoredAudit {
  id: string;
  tabId: number;
  url: string;
  title: string;
  startedAt: string;
  durationMs: number;
  options: AuditOptions;
  /** Top frame first, then depth-first; null for a frame that could not be audited. Empty when `results` is set. */
  partials: Array<PartialResult | null>;
  /** A page without frames: axe's finished results (finishRun ran in the page's isolated world). */
  results?: AxeResults;
  /** Frames audited and frames that gave no result. */
  frames: { audited: number; missing: number };
  /** The page's same-origin PDF links, checked by the report page (absent in older audits). */
  pdfLinks?: LinkedPdf[];
  /**
   * The keyboard walk of the top frame (absent when no keyboard rule was chosen or it failed), and
   * whether the page had focus during it (without it, focus styles never show and are not judged).
   */
  keyboard?: { walk: WalkResult; focused: boolean };
}

/** How many audits are kept (the newest). */
export const KEEP_AUDITS = 3;
/** The largest audit kept, in characters of its JSON: well above a big portal page, well below the quota. */
export const MAX_AUDIT_CHARS = 48 * 1024 * 1024;

export type AuditStoreErrorCode = 'too-large' | 'quota' | 'unavailable';

/** A storage failure with a message for people (zh-CN message key in the UI catalogue). */
export class AuditStoreError extends Error {
  constructor(
    readonly code: AuditStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuditStoreError';
  }
}

let store: UseStore | null = null;
function auditStore(): UseStore {
  store ??= createStore('kanjian-audits', 'audits');
  return store;
}

function isQuotaError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'QuotaExceededError' || /quota/i.test(err.message));
}

/**
 * An audit's id: its start time (base 36, fixed width), so ids sort by age without reading the
 * audits themselves, plus a random part.
 */
export function newAuditId(startedMs: number): string {
  return `${startedMs.toString(36).padStart(9, '0')}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Drops all but the newest `keep` audits (by id, see newAuditId). */
export async function pruneAudits(keep: number): Promise<void> {
  const ids = (await keys(auditStore())).map(String).sort().reverse();
  const old = ids.slice(Math.max(0, keep));
  if (old.length) await delMany(old, auditStore());
}

/** Stores an audit: old ones go first, so a full store never blocks the new one. */
export async function saveAudit(audit: StoredAudit): Promise<void> {
  const size = JSON.stringify(audit).length;
  if (size > MAX_AUDIT_CHARS) {
    throw new AuditStoreError('too-large', `audit of ${(size / 1048576).toFixed(1)} MB is over the ${MAX_AUDIT_CHARS / 1048576} MB limit`);
  }
  try {
    await pruneAudits(KEEP_AUDITS - 1);
    await set(audit.id, audit, auditStore());
  } catch (err) {
    if (isQuotaError(err)) {
      // Make room once more (nothing but this one), then give up with a clear message.
      try {
        await pruneAudits(0);
        await set(audit.id, audit, auditStore());
        return;
      } catch (again) {
        if (isQuotaError(again)) throw new AuditStoreError('quota', 'no room left to keep the audit report');
        throw new AuditStoreError('unavailable', again instanceof Error ? again.message : String(again));
      }
    }
    throw new AuditStoreError('unavailable', err instanceof Error ? err.message : String(err));
  }
}

export async function loadAudit(id: string): Promise<StoredAudit | undefined> {
  if (!id) return undefined;
  const audit = await get<StoredAudit>(id, auditStore());
  return audit && Array.isArray(audit.partials) ? audit : undefined;
}

/** Audits of builds before this one were kept in storage.local under this prefix. */
export const LEGACY_AUDIT_PREFIX = 'audit:';
