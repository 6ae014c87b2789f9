import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { AuditStoreError, KEEP_AUDITS, loadAudit, MAX_AUDIT_CHARS, newAuditId, saveAudit, type StoredAudit } from '../../../src/audit/store';
import { normalizeOptions } from '../../../src/audit/options';
import { auditFailure } from '../../../src/audit/failure';

function audit(id: string, startedAt: string, extra = ''): StoredAudit {
  return {
    id,
    tabId: 1,
    url: 'http://127.0.0.1/',
    title: extra,
    startedAt,
    durationMs: 10,
    options: normalizeOptions(),
    partials: [{ results: [], frames: [] } as never],
    frames: { audited: 1, missing: 0 },
  };
}

describe('audit store (IndexedDB, apart from the settings)', () => {
  it('keeps the newest audits, pruning before it writes', async () => {
    const ids = [0, 1, 2, 3, 4, 5].map((i) => newAuditId(Date.UTC(2026, 11, 6, 0, 0, i)));
    for (const [i, id] of ids.entries()) await saveAudit(audit(id, `2026-12-06T00:00:0${i}Z`));
    const kept = await Promise.all(ids.map((id) => loadAudit(id)));
    expect(kept.map((a) => a?.id ?? null)).toEqual([null, null, null, ids[3], ids[4], ids[5]]);
    expect(kept.filter(Boolean)).toHaveLength(KEEP_AUDITS);
  });

  it('refuses an audit over the size cap with a clear code, keeping the others', async () => {
    const small = newAuditId(Date.UTC(2026, 11, 6, 1));
    await saveAudit(audit(small, '2026-12-06T01:00:00Z'));
    const big = audit(newAuditId(Date.UTC(2026, 11, 6, 2)), '2026-12-06T01:00:01Z', 'x'.repeat(MAX_AUDIT_CHARS + 1));
    await expect(saveAudit(big)).rejects.toMatchObject({ code: 'too-large' });
    expect(await loadAudit(small)).toBeDefined();
    expect(await loadAudit(big.id)).toBeUndefined();
  });

  it('a full store: old audits make room; still full → "quota", worded for people', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const err = await saveAudit(audit('q', '2026-12-06T02:00:00Z')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AuditStoreError);
      expect((err as AuditStoreError).code).toBe('quota');
      expect(auditFailure(new Error(`audit-store:${(err as AuditStoreError).code}`))).toEqual({ key: 'auditStoreFull' });
    } finally {
      put.mockRestore();
    }
  });

  it('unknown or malformed ids read as missing', async () => {
    expect(await loadAudit('')).toBeUndefined();
    expect(await loadAudit('nope')).toBeUndefined();
  });
});
