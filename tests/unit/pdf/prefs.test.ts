import { describe, expect, it } from 'vitest';
import { loadPdfPrefs, parsePdfPrefs, pdfPrefsKey, savePdfPrefs } from '../../../src/pdf/prefs';
import type { KeyValueArea } from '../../../src/settings/store';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(keys) {
      return Object.fromEntries((keys ?? Object.keys(data)).filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items) {
      Object.assign(data, items);
    },
    async remove(keys) {
      for (const k of [keys].flat()) delete data[k];
    },
  };
}

describe('reader per-site memory', () => {
  it('remembers per site, never across sites', async () => {
    const area = memoryArea();
    await savePdfPrefs(area, 'https://a.gov.cn', { openInReader: true });
    await savePdfPrefs(area, 'https://a.gov.cn', { view: 'reflow' });
    expect(await loadPdfPrefs(area, 'https://a.gov.cn')).toEqual({ openInReader: true, view: 'reflow' });
    expect(await loadPdfPrefs(area, 'https://b.gov.cn')).toEqual({ openInReader: false, view: null });
    expect(Object.keys(area.data)).toEqual([pdfPrefsKey('https://a.gov.cn')]);
  });

  it('reads malformed stored values as the defaults', () => {
    expect(parsePdfPrefs({ openInReader: 'yes', view: 'huge' })).toEqual({ openInReader: false, view: null });
    expect(parsePdfPrefs(null)).toEqual({ openInReader: false, view: null });
  });
});
