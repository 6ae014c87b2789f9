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
  const mark = (chars: string, kind: number): void => {
    for (const ch of chars) {
      const cp = ch.codePointAt(0)!;
      if (cp > 0xffff) a.set(cp, kind);
      else t[cp] = kind;
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
 * Whether text (e.g. a sample of a page's visible text) is Simplified or Traditional Chinese,
 * from the counts of characters that exist in one script only. 'unknown' when there are none
 * (not Chinese, or only characters common to both) or neither script has 3× the other's count
 * (mixed text). Cheap: one table lookup per code unit, at most `limit` units read.
 */
export function detectScript(text: string, limit = 100_000): Script {
  const { simplified: s, traditional: h } = countScriptChars(text, limit);
  if (s > 0 && s >= 3 * h) return 'simplified';
  if (h > 0 && h >= 3 * s) return 'traditional';
  return 'unknown';
}
