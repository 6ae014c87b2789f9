import type { pinyin as PinyinFn } from 'pinyin-pro';

/**
 * What the 显示屏 (caption band) shows and how it is laid out. Pure: text in, text or segments out.
 */
export const CAPTION_MIN_PX = 30;
export const CAPTION_MAX_PX = 80;

export function normalizeText(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Sentence ends: Chinese and Western full stops, question and exclamation marks, semicolons. */
const SENTENCE_END = /[。！？；!?;…]+[”’」』)）]*|\.(?=\s|$)[”’"')]*/g;

/** Splits text into sentences, keeping each sentence's closing punctuation. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The sentence of `text` that contains character `offset` (clamped into the text). */
export function sentenceAt(text: string, offset: number): string {
  let pos = 0;
  const parts = sentences(text);
  for (const s of parts) {
    const at = text.indexOf(s, pos);
    const end = at + s.length;
    if (offset < end) return s;
    pos = end;
  }
  return parts[parts.length - 1] ?? '';
}

/**
 * The largest integer font size in [min, max] for which `fits(px)` holds (fits must be monotonic:
 * true at small sizes, false past some size). Returns min when even min does not fit.
 */
export function fitFontSize(fits: (px: number) => boolean, min = CAPTION_MIN_PX, max = CAPTION_MAX_PX): number {
  if (fits(max)) return max;
  let lo = min;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export interface RubySegment {
  /** The characters. */
  base: string;
  /** Pinyin with tone marks for one Han character; null for other text (kept as one run). */
  ruby: string | null;
}

/**
 * Pinyin with tone marks over each Han character, words read in context (多音字: 重庆 chóng qìng).
 * `pinyin` is pinyin-pro's function, passed in: the content script loads it only when 拼音 is chosen.
 */
export function pinyinSegments(text: string, pinyin: typeof PinyinFn): RubySegment[] {
  const out: RubySegment[] = [];
  for (const item of pinyin(text, { type: 'all', toneType: 'symbol' })) {
    if (item.isZh && item.pinyin) {
      out.push({ base: item.origin, ruby: item.pinyin });
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.ruby === null) last.base += item.origin;
    else out.push({ base: item.origin, ruby: null });
  }
  return out;
}

/** True when the string holds at least one Han character. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
