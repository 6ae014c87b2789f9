import { HANS, HANT } from './script-chars';

export type Script = 'simplified' | 'traditional' | 'unknown';

export interface ScriptCounts {
  /** Characters written only in Simplified Chinese (这 们 发 …). */
  simplified: number;
  /** Characters written only in Traditional Chinese (這 們 發 …). */
  traditional: number;
}

let table: Uint8Array | null = null;
let astral: Map<number, number> | null = null;

/** 1 = Simplified only, 2 = Traditional only; built on first use from script-chars.ts (~8k chars). */
function lookup(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  const a = new Map<number, number>();
  // An index loop, not for…of: this runs once per page, cold, where the string iterator is slow.
  const mark = (chars: string, kind: number): void => {
    for (let i = 0; i < chars.length; i++) {
      const c = chars.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) a.set(chars.codePointAt(i++)!, kind);
      else t[c] = kind;
    }
  };
  mark(HANS, 1);
  mark(HANT, 2);
  table = t;
  astral = a;
  return t;
}

/** Counts script-specific characters in the first `limit` code units of text. */
export function countScriptChars(text: string, limit = 100_000): ScriptCounts {
  const t = lookup();
  const n = Math.min(text.length, limit);
  let s = 0;
  let h = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let kind = t[c]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      kind = astral!.get(text.codePointAt(i)!) ?? 0;
      i++;
    }
    if (kind === 1) s++;
    else if (kind === 2) h++;
  }
  return { simplified: s, traditional: h };
}

/**
 * The script that counts of script-only characters show: 'simplified' when the Simplified-only
 * characters number at least `minimum` (and at least one) and 3× the Traditional-only ones,
 * 'traditional' likewise, else 'unknown' (none, or mixed text). The one majority rule behind
 * detectScript and scriptOfPage; a check that must not fire on a stray character asks for a
 * higher minimum.
 */
export function scriptOfCounts(counts: ScriptCounts, minimum = 1): Script {
  const { simplified: s, traditional: h } = counts;
  if (s > 0 && s >= minimum && s >= 3 * h) return 'simplified';
  if (h > 0 && h >= minimum && h >= 3 * s) return 'traditional';
  return 'unknown';
}

/**
 * Whether text (e.g. a sample of a page's visible text) is Simplified or Traditional Chinese,
 * from the counts of characters that exist in one script only (scriptOfCounts). Cheap: one table
 * lookup per code unit, at most `limit` units read.
 */
export function detectScript(text: string, limit = 100_000): Script {
  return scriptOfCounts(countScriptChars(text, limit));
}

export type PageScript = 'simplified' | 'traditional';

/**
 * The script a Chinese language tag names, or null (plain zh, or not Chinese):
 * zh-Hant, zh-TW, zh-HK, zh-MO (also cmn-, yue-, lzh-, and _ for -) are Traditional;
 * zh-Hans, zh-CN, zh-SG, zh-MY Simplified.
 */
export function scriptOfLang(tag: string | null | undefined): PageScript | null {
  const parts = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (!['zh', 'cmn', 'yue', 'lzh'].includes(parts[0] ?? '')) return null;
  const rest = parts.slice(1);
  if (rest.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo')) return 'traditional';
  if (rest.some((p) => p === 'hans' || p === 'cn' || p === 'sg' || p === 'my')) return 'simplified';
  return null;
}

/** How much of a page's text scriptOfPage reads (code units): plenty to tell, cheap on huge pages. */
export const PAGE_TEXT_SAMPLE = 20_000;

/**
 * Is this page Traditional or Simplified? The one answer kanjian uses everywhere (the page's
 * 繁体版 direction, the caption band, the CLI audit): the characters of its text when they tell
 * (scriptOfCounts on the first PAGE_TEXT_SAMPLE units), else its lang attribute (scriptOfLang),
 * else Simplified, kanjian's default. `confident` is true only when the text told: a page still
 * loading may tell later.
 */
export function scriptOfPage(text: string, lang?: string | null): { script: PageScript; confident: boolean } {
  const byText = detectScript(text, PAGE_TEXT_SAMPLE);
  if (byText !== 'unknown') return { script: byText, confident: true };
  return { script: scriptOfLang(lang) ?? 'simplified', confident: false };
}
