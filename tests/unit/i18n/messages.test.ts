import { describe, expect, it } from 'vitest';
import { autoLocale, catalogs, localeForLanguage, t, UI_LOCALES } from '../../../src/i18n/messages';

describe('UI strings', () => {
  it('every locale has every key, non-empty, with the same placeholders', () => {
    const keys = Object.keys(catalogs['zh-CN']);
    for (const loc of UI_LOCALES) {
      expect(Object.keys(catalogs[loc]).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        const text = catalogs[loc][k as keyof (typeof catalogs)['zh-CN']];
        expect(text.trim().length, `${loc}.${k}`).toBeGreaterThan(0);
        const ph = (s: string) => (s.match(/\{\d\}/g) ?? []).sort().join();
        expect(ph(text), `${loc}.${k}`).toBe(ph(catalogs['zh-CN'][k as keyof (typeof catalogs)['zh-CN']]));
      }
    }
  });

  it('the Traditional catalogue is not a copy of the Simplified one', () => {
    expect(catalogs['zh-TW'].toolbarName).toBe('無障礙工具列');
    expect(catalogs['zh-CN'].toolbarName).toBe('无障碍工具栏');
  });

  it('fills placeholders', () => {
    expect(t('zh-CN', 'textSizeNow', 150)).toBe('文字大小已调整为150%');
    expect(t('en', 'textSizeNow', 150)).toBe('Text size set to 150%');
  });

  it('maps language tags to a UI locale', () => {
    expect(localeForLanguage('zh-CN')).toBe('zh-CN');
    expect(localeForLanguage('zh')).toBe('zh-CN');
    expect(localeForLanguage('zh-Hant-HK')).toBe('zh-TW');
    expect(localeForLanguage('zh-TW')).toBe('zh-TW');
    expect(localeForLanguage('en-US')).toBe('en');
    expect(autoLocale('en-US', 'zh-CN')).toBe('zh-CN');
    expect(autoLocale('en-US', 'zh-TW')).toBe('zh-TW');
    expect(autoLocale('zh-TW', 'zh-CN')).toBe('zh-TW');
    expect(autoLocale('en-US', 'fr')).toBe('en');
  });
});
