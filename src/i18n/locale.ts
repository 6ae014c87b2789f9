/**
 * Which language kanjian speaks, without the catalogues (the document_start loader needs only this
 * and its launcher's own three strings).
 */
export type UiLocale = 'zh-CN' | 'zh-TW' | 'en';
export const UI_LOCALES: readonly UiLocale[] = ['zh-CN', 'zh-TW', 'en'];

/** Picks the UI locale for a browser language tag: zh-TW/zh-HK/zh-Hant → Traditional, other zh → Simplified. */
export function localeForLanguage(tag: string | undefined): UiLocale {
  const t = (tag ?? '').toLowerCase();
  if (t.startsWith('zh')) {
    return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  return t ? 'en' : 'zh-CN';
}

/**
 * 'auto' UI language: the browser's UI language when it is Chinese; otherwise the page's own
 * language when the page is Chinese (a Chinese page gets a Chinese toolbar even in an English
 * browser); otherwise English.
 */
export function autoLocale(browserLanguage: string | undefined, pageLanguage: string | undefined): UiLocale {
  if ((browserLanguage ?? '').toLowerCase().startsWith('zh')) return localeForLanguage(browserLanguage);
  if ((pageLanguage ?? '').toLowerCase().startsWith('zh')) return localeForLanguage(pageLanguage);
  return browserLanguage ? 'en' : 'zh-CN';
}
