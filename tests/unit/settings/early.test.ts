import { describe, expect, it } from 'vitest';
import { defaultsOf } from '../../../src/settings/fields';
import { globalFields, siteFields } from '../../../src/settings/schema';
import { changesFirstPaint, earlyMatchPatterns } from '../../../src/settings/early';

const SITE = defaultsOf(siteFields);
const GLOBAL = defaultsOf(globalFields);

describe('early stylesheet sites', () => {
  it('only sites whose stored settings change the first paint are hidden early', () => {
    expect(changesFirstPaint(SITE, GLOBAL, 'https://a.cn')).toBe(false);
    expect(changesFirstPaint({ ...SITE, toolbarOpen: true }, GLOBAL, 'https://a.cn')).toBe(false);
    expect(changesFirstPaint({ ...SITE, textScale: 150 }, GLOBAL, 'https://a.cn')).toBe(true);
    expect(changesFirstPaint({ ...SITE, convert: true }, GLOBAL, 'https://a.cn')).toBe(true);
    expect(changesFirstPaint(SITE, { ...GLOBAL, convertEverySite: true }, 'https://a.cn')).toBe(true);
    expect(changesFirstPaint(SITE, { ...GLOBAL, convertEverySite: true, convertExcludedSites: ['https://a.cn'] }, 'https://a.cn')).toBe(false);
  });

  it('builds host match patterns (no ports), ignoring bad or unrelated keys', () => {
    const patterns = earlyMatchPatterns({
      'site:https://www.gov.cn': { textScale: 150 },
      'site:http://127.0.0.1:8080': { convert: true },
      'site:https://quiet.cn': { toolbarOpen: true },
      'site:file://': { textScale: 150 },
      'site:not a url': { textScale: 150 },
      'site:https://broken.cn': 'garbage',
      'audit:x': { textScale: 150 },
    });
    expect(patterns).toEqual(['http://127.0.0.1/*', 'https://www.gov.cn/*']);
    expect(earlyMatchPatterns({ 'settings.global': { convertEverySite: true } })).toEqual(['http://*/*', 'https://*/*']);
    expect(earlyMatchPatterns({})).toEqual([]);
  });
});
