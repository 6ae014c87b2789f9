/**
 * Text as PDFs give it is not always the text the author typed. CJK fonts share one glyph between an
 * ideograph and its radical (工 and ⼯ KANGXI RADICAL WORK look the same), and many PDF producers
 * (Chromium/Skia among them, with the Noto CJK fonts) write the radical's code point into the
 * ToUnicode map. The reader shows, converts (繁简), searches and reads aloud that text, so it must be
 * the ideograph: OpenCC does not convert ⻔, a search for 门 misses it, and a voice spells it as a radical.
 */

/**
 * CJK Radicals Supplement (U+2E80–U+2EF3) that stand for whole characters, to the ideograph Unicode
 * names as equivalent (EquivalentUnifiedIdeograph.txt). Radicals that only occur as components
 * (⺅, ⺡, …) are left alone: no text uses them for a character.
 */
const SUPPLEMENT: Readonly<Record<string, string>> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec8': '讠',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ecc': '辶',
  '\u2ed0': '钅',
  '\u2ed1': '長',
  '\u2ed2': '镸',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2edf': '飠',
  '\u2ee0': '饣',
  '\u2ee1': '首',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eeb': '斉',
  '\u2eec': '齐',
  '\u2eed': '歯',
  '\u2eee': '齿',
  '\u2eef': '竜',
  '\u2ef0': '龙',
  '\u2ef1': '龜',
  '\u2ef2': '亀',
  '\u2ef3': '龟',
};

// Kangxi radicals (U+2F00–U+2FD5) and CJK compatibility ideographs decompose to the ideograph under
// NFKC; the rest of the string is left exactly as it is (NFKC would also fold full-width punctuation).
// U+2015 HORIZONTAL BAR: the same ambiguity for the Chinese dash (——): GB2312's mapping tables give
// U+2015, text typed today is U+2014, and CJK fonts share the glyph; the reader shows U+2014.
const RADICAL_OR_COMPAT = /[\u2015\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]/g;

/**
 * The text with radicals standing for characters replaced by those characters. ⼾ (Kangxi 63) is 戶 by
 * Unicode, but a Simplified document means 户: `simplified` says which the document is.
 */
export function normalizeGlyphText(text: string, simplified = false): string {
  return text.replace(RADICAL_OR_COMPAT, (ch) => {
    if (ch === '\u2015') return '\u2014';
    if (ch === '\u2f3e' && simplified) return '户';
    return SUPPLEMENT[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch);
  });
}
