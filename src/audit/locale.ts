// Locales used by the audit library. The report and the UI speak BCP 47 ('zh-CN'); axe-core's locale
// files are named with underscores ('zh_CN'). Both spellings are accepted everywhere.

export type UiLocale = 'zh-CN' | 'zh-TW' | 'en';
export type AxeLocale = 'zh_CN' | 'zh_TW' | 'en';
export type AnyLocale = UiLocale | AxeLocale;

/** A string in each of kanjian's three languages. */
export interface LocalizedText {
  'zh-CN': string;
  'zh-TW': string;
  en: string;
}

export const UI_LOCALES: readonly UiLocale[] = ['zh-CN', 'zh-TW', 'en'];

export function toUiLocale(locale: AnyLocale | string | undefined): UiLocale {
  const l = (locale ?? '').replace('_', '-').toLowerCase();
  if (l === 'zh-tw' || l === 'zh-hk' || l === 'zh-hant' || l.startsWith('zh-hant')) return 'zh-TW';
  if (l.startsWith('zh')) return 'zh-CN';
  if (l.startsWith('en')) return 'en';
  return 'zh-CN'; // kanjian's default language
}

export function toAxeLocale(locale: AnyLocale | string | undefined): AxeLocale {
  return toUiLocale(locale).replace('-', '_') as AxeLocale;
}

export function pickText(text: LocalizedText | undefined, locale: AnyLocale): string {
  if (!text) return '';
  const ui = toUiLocale(locale);
  return text[ui] || text['zh-CN'] || text.en;
}

export function lt(zhCN: string, zhTW: string, en: string): LocalizedText {
  return { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
}
