/**
 * UI strings. Simplified Chinese is the source of truth; every key must exist in every locale
 * (a unit test checks). Kept in code rather than browser.i18n because the toolbar switches to
 * Traditional at runtime when the page is shown in Traditional, which getMessage cannot do.
 */
import type { UiLocale } from './locale';

export type { UiLocale } from './locale';
export { UI_LOCALES, localeForLanguage, autoLocale } from './locale';

import * as audit from './catalog/audit';
import * as convert from './catalog/convert';
import * as core from './catalog/core';
import * as display from './catalog/display';
import * as speech from './catalog/speech';
import * as pdf from './catalog/pdf';

/**
 * One catalogue per capability (catalog/*.ts), merged here. Each must define every one of its keys
 * in all three locales: the types and a unit test enforce it.
 */
const parts = [core, convert, audit, display, speech, pdf] as const;

type Merged<T extends readonly { zhCN: object }[]> = T[number]['zhCN'];
/** Distributes over the union, so the result is every key of every catalogue. */
type KeysOf<T> = T extends object ? keyof T : never;
export type MessageKey = KeysOf<Merged<typeof parts>>;
type Catalog = Record<MessageKey, string>;

function merge(pick: (p: (typeof parts)[number]) => object): Catalog {
  return Object.assign({}, ...parts.map(pick)) as Catalog;
}

const zhCN = merge((p) => p.zhCN);
const zhTW = merge((p) => p.zhTW);
const en = merge((p) => p.en);

export const catalogs: Record<UiLocale, Catalog> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

export function t(locale: UiLocale, key: MessageKey, ...params: Array<string | number>): string {
  const text = catalogs[locale][key] ?? catalogs['zh-CN'][key];
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(params[Number(i)] ?? ''));
}

export type Translator = (key: MessageKey, ...params: Array<string | number>) => string;
export function translator(locale: UiLocale): Translator {
  return (key, ...params) => t(locale, key, ...params);
}
