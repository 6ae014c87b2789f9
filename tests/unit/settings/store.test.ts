import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  forgetSite,
  GLOBAL_KEY,
  listSites,
  loadSettings,
  META_KEY,
  migrateStored,
  siteStorageKey,
  updateGlobal,
  updateSite,
} from '../../../src/settings/store';
import { siteKeyFor, siteKeyForDocumentUrl } from '../../../src/settings/origin';
import { defaultsOf, parseWithDefaults } from '../../../src/settings/fields';
import { globalFields, loaderGlobalFields, siteFields } from '../../../src/settings/schema';

const SITE = defaultsOf(siteFields);
const GLOBAL = defaultsOf(globalFields);

const area = () => fakeBrowser.storage.local;
const A = 'https://www.zhonglou.gov.cn';
const B = 'https://www.gov.cn';

describe('settings store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives defaults when nothing is stored', async () => {
    const s = await loadSettings(area(), A);
    expect(s.site).toEqual(SITE);
    expect(s.site).toMatchObject({ toolbarOpen: false, textScale: 100, convert: false });
    expect(s.global).toEqual(GLOBAL);
    expect(s.global).toMatchObject({ showLauncher: true, uiLanguage: 'auto', traditionalTarget: 'tw' });
    expect(s.rejected).toEqual([]);
  });

  it('keeps per-site values apart: one site never sees another site’s choice', async () => {
    await updateSite(area(), A, { textScale: 150, toolbarOpen: true });
    expect((await loadSettings(area(), A)).site).toEqual({ ...SITE, toolbarOpen: true, textScale: 150 });
    expect((await loadSettings(area(), B)).site).toEqual(SITE);
  });

  it('a corrupted value falls back to its default without wiping the other settings', async () => {
    await area().set({
      [siteStorageKey(A)]: { textScale: 'huge', toolbarOpen: true, futureField: { x: 1 } },
      [GLOBAL_KEY]: { showLauncher: false, uiLanguage: 42 },
    });
    const s = await loadSettings(area(), A);
    expect(s.site).toEqual({ ...SITE, toolbarOpen: true });
    expect(s.global).toEqual({ ...GLOBAL, showLauncher: false });
    expect(s.rejected.sort()).toEqual(['global.uiLanguage', 'site.textScale']);
    // Writing one field keeps the fields this version does not know.
    await updateSite(area(), A, { textScale: 125 });
    const raw = (await area().get(siteStorageKey(A)))[siteStorageKey(A)];
    expect(raw).toMatchObject({ textScale: 125, toolbarOpen: true, futureField: { x: 1 } });
  });

  it('survives a stored record that is not an object at all', async () => {
    await area().set({ [siteStorageKey(A)]: 'garbage', [GLOBAL_KEY]: [1, 2, 3] });
    const s = await loadSettings(area(), A);
    expect(s.site.textScale).toBe(100);
    expect(s.global.showLauncher).toBe(true);
    await updateSite(area(), A, { textScale: 175 });
    expect((await loadSettings(area(), A)).site.textScale).toBe(175);
  });

  it('rejects out-of-range or off-step values on write and stores nothing', async () => {
    await expect(updateSite(area(), A, { textScale: 130 })).rejects.toThrow(/textScale/);
    await expect(updateSite(area(), A, { textScale: 400 })).rejects.toThrow(/textScale/);
    await expect(updateGlobal(area(), { uiLanguage: 'fr' as never })).rejects.toThrow(/uiLanguage/);
    expect(await area().get(null)).toEqual({});
  });

  it('lists and forgets sites', async () => {
    await updateSite(area(), B, { textScale: 125 });
    await updateSite(area(), A, { textScale: 150 });
    expect(await listSites(area())).toEqual([B, A].sort());
    await forgetSite(area(), A);
    expect(await listSites(area())).toEqual([B]);
  });
});

describe('migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stamps the current version on a fresh install', async () => {
    const r = await migrateStored(area());
    expect(r.changed).toBe(false);
    expect((await area().get(META_KEY))[META_KEY]).toEqual({ version: 1 });
  });

  it('runs each step in order from the stored version and keeps unrelated data', async () => {
    await area().set({ [META_KEY]: { version: 1 }, 'textSize:https://a.example': 150, [GLOBAL_KEY]: { showLauncher: false } });
    const steps = {
      2: (all: Record<string, unknown>) => {
        // v2 moved a legacy flat key into the site record.
        const out = { ...all };
        for (const k of Object.keys(all)) {
          if (k.startsWith('textSize:')) {
            out[siteStorageKey(k.slice(9))] = { textScale: all[k] };
            delete out[k];
          }
        }
        return out;
      },
      3: (all: Record<string, unknown>) => ({ ...all, [GLOBAL_KEY]: { ...(all[GLOBAL_KEY] as object), uiLanguage: 'zh-CN' } }),
    };
    const r = await migrateStored(area(), steps, 3);
    expect(r).toEqual({ from: 1, to: 3, changed: true });
    const all = await area().get(null);
    expect(all['textSize:https://a.example']).toBeUndefined();
    expect(all[siteStorageKey('https://a.example')]).toEqual({ textScale: 150 });
    expect(all[GLOBAL_KEY]).toEqual({ showLauncher: false, uiLanguage: 'zh-CN' });
    expect(all[META_KEY]).toEqual({ version: 3 });
  });

  it('leaves data from a newer version alone (downgrade)', async () => {
    await area().set({ [META_KEY]: { version: 9 }, [GLOBAL_KEY]: { showLauncher: false } });
    const r = await migrateStored(area());
    expect(r.changed).toBe(false);
    expect((await loadSettings(area(), null)).global.showLauncher).toBe(false);
  });
});

describe('site keys', () => {
  it('keys by origin, including the port, and refuses pages without one', () => {
    expect(siteKeyFor('https://www.gov.cn/a/b.html?x=1#y')).toBe('https://www.gov.cn');
    expect(siteKeyFor('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080');
    expect(siteKeyFor('http://127.0.0.1:8081/x')).not.toBe(siteKeyFor('http://127.0.0.1:8080/x'));
    expect(siteKeyFor('file:///home/u/a.html')).toBe('file://');
    expect(siteKeyFor('about:blank')).toBeNull();
    expect(siteKeyFor('not a url')).toBeNull();
  });

  it('are the same read from a document’s serialized address (the loader’s way, no URL parser) as from its address', () => {
    const hrefs = [
      'https://www.gov.cn/a/b.html?x=1#y', 'http://127.0.0.1:8080/x', 'HTTP://WWW.GOV.CN:80/', 'https://user:p%40ss@www.gov.cn:8443/a@b?c@d#e@f',
      'https://@host/x', 'https://a@b@c.gov.cn/', 'http://[::1]:8080/x', 'https://例子.政务.cn/路径', 'http://host?q', 'http://host#h', 'http://a.b.c', 'file:///home/u/a.html',
      'about:blank', 'about:srcdoc', 'data:text/html,https://x', 'blob:https://www.gov.cn/0f1e', 'javascript:void 0', 'chrome-extension://abc/x.html',
    ];
    for (const href of hrefs) expect(siteKeyForDocumentUrl(new URL(href).href), href).toBe(siteKeyFor(href));
  });
});

describe('the loader’s part of the global settings', () => {
  it('is the full schema’s own fields, read with the same defaults and the same refusals', () => {
    for (const [key, field] of Object.entries(loaderGlobalFields)) expect(globalFields[key as keyof typeof globalFields], key).toBe(field);
    const stored = { showLauncher: false, uiLanguage: 'klingon', convertEverySite: true, convertExcludedSites: ['https://a.gov.cn', 7], speechRate: 2 };
    const full = parseWithDefaults(globalFields, stored);
    const part = parseWithDefaults(loaderGlobalFields, stored);
    expect(part).toEqual({ showLauncher: false, uiLanguage: 'auto', convertEverySite: true, convertExcludedSites: [] });
    for (const key of Object.keys(part)) expect(part[key as keyof typeof part], key).toEqual(full[key as keyof typeof full]);
    expect(parseWithDefaults(loaderGlobalFields, 'corrupt')).toEqual(defaultsOf(loaderGlobalFields));
  });
});
