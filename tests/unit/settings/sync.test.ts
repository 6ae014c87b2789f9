import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../../src/settings/fields';
import { globalFields, siteFields } from '../../../src/settings/schema';
import { loadSettings, siteStorageKey, updateSite, type KeyValueArea } from '../../../src/settings/store';
import { sameSettings, SettingsSync } from '../../../src/settings/sync';

const SITE_KEY = 'https://www.zhonglou.gov.cn';

/** A storage area whose reads and writes take a few milliseconds each, like the browser's. */
function slowArea(): KeyValueArea & { data: Record<string, unknown>; writes: number } {
  const pause = () => new Promise((r) => setTimeout(r, 3));
  const area = {
    data: {} as Record<string, unknown>,
    writes: 0,
    async get(keys: string[] | null) {
      await pause();
      const out: Record<string, unknown> = {};
      for (const k of keys ?? Object.keys(area.data)) if (k in area.data) out[k] = structuredClone(area.data[k]);
      return out;
    },
    async set(items: Record<string, unknown>) {
      await pause();
      area.writes++;
      Object.assign(area.data, structuredClone(items));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) delete area.data[k];
    },
  };
  return area;
}

describe('SettingsSync', () => {
  it('two quick changes of different settings both reach storage (no lost read-modify-write)', async () => {
    const area = slowArea();
    const sync = new SettingsSync({ area, siteKey: SITE_KEY, settled: () => undefined, log: () => undefined });
    // Without the queue, both writes read the empty record and the second one drops pageZoom.
    await Promise.all([sync.save({ pageZoom: 150 }), sync.save({ textScale: 125 })]);
    const stored = await loadSettings(area, SITE_KEY);
    expect(stored.site).toMatchObject({ pageZoom: 150, textScale: 125 });
  });

  it('is busy while its writes go out, then reads back once with the final values', async () => {
    const area = slowArea();
    const settled: number[] = [];
    const sync = new SettingsSync({ area, siteKey: SITE_KEY, settled: (site) => settled.push(site.pageZoom), log: () => undefined });
    expect(sync.busy).toBe(false);
    void sync.save({ pageZoom: 110 });
    void sync.save({ pageZoom: 125 });
    const last = sync.save({ pageZoom: 150 });
    expect(sync.busy).toBe(true);
    await last;
    await sync.idle();
    expect(sync.busy).toBe(false);
    expect(settled).toEqual([150]);
    expect(area.writes).toBe(3);
  });

  it('a change made elsewhere while writes were going out is handed back after them', async () => {
    const area = slowArea();
    const settled: Array<{ zoom: number; colors: string }> = [];
    const sync = new SettingsSync({
      area,
      siteKey: SITE_KEY,
      settled: (site) => settled.push({ zoom: site.pageZoom, colors: site.colorScheme }),
      log: () => undefined,
    });
    // Another tab of the same site switches the colour scheme just after our write lands; its
    // storage echo reaches this page while our writes are still going out (and is skipped there).
    const set = area.set.bind(area);
    area.set = async (items) => {
      await set(items);
      area.set = set;
      await updateSite(area, SITE_KEY, { colorScheme: 'yellow-on-black' });
    };
    await sync.save({ pageZoom: 200 });
    await sync.idle();
    expect(settled.at(-1)).toEqual({ zoom: 200, colors: 'yellow-on-black' });
  });

  it('a failing storage is logged, never thrown into the page', async () => {
    const area = slowArea();
    area.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const logged: unknown[][] = [];
    const sync = new SettingsSync({ area, siteKey: SITE_KEY, settled: () => undefined, log: (...a) => logged.push(a) });
    await expect(sync.save({ pageZoom: 150 })).resolves.toBeUndefined();
    await sync.idle();
    expect(sync.busy).toBe(false);
    expect(String(logged[0]?.[1])).toContain('quota');
  });

  it('nothing to write for a page without a site (file:, about:) and no global change', async () => {
    const area = slowArea();
    const sync = new SettingsSync({ area, siteKey: null, settled: () => undefined, log: () => undefined });
    await sync.save({ pageZoom: 150 });
    expect(sync.busy).toBe(false);
    expect(area.writes).toBe(0);
    expect(area.data[siteStorageKey(SITE_KEY)]).toBeUndefined();
  });
});

describe('sameSettings', () => {
  it('compares values, not key order', () => {
    const site = defaultsOf(siteFields);
    const reordered = Object.fromEntries(Object.entries(site).reverse());
    expect(sameSettings(site, reordered)).toBe(true);
    expect(sameSettings(site, { ...site, pageZoom: 150 })).toBe(false);
    const global = defaultsOf(globalFields);
    expect(sameSettings(global, { ...global, convertExcludedSites: ['https://a.example'] })).toBe(false);
  });
});
