/**
 * User phrase tables: overrides such as 发布→發佈 that win over the built-in dictionaries.
 *
 * Text form, one phrase a line: `原文<separator>译文`, where the separator is a tab, `=`, `→`,
 * or a run of spaces (ASCII or U+3000 ideographic). Blank lines and lines starting with `#` are
 * ignored. Messages are Simplified Chinese first, then Traditional Chinese and English.
 */
import { baseBitsFor } from './trie';

export type UserPhrase = [string, string];

export interface PhraseError {
  /** 1-based line number (or index + 1 when pairs were given). */
  line: number;
  /** zh-CN */
  message: string;
  /** zh-TW */
  messageTw: string;
  messageEn: string;
}

export interface PhraseValidation {
  ok: UserPhrase[];
  errors: PhraseError[];
}

/** Longest key and value accepted, in code points; most phrases are 2–6 characters. */
export const MAX_PHRASE_KEY = 32;
export const MAX_PHRASE_VALUE = 64;
/** Largest table accepted (a bigger one is almost certainly the wrong file). */
export const MAX_PHRASES = 10000;

type Problem =
  | 'noSeparator'
  | 'emptyKey'
  | 'emptyValue'
  | 'keyWhitespace'
  | 'valueWhitespace'
  | 'keyTooLong'
  | 'valueTooLong'
  | 'duplicate'
  | 'control'
  | 'surrogate'
  | 'tooMany'
  | 'tooLarge'
  | 'notPair';

function describe(p: Problem, detail: string): Omit<PhraseError, 'line'> {
  switch (p) {
    case 'noSeparator':
      return {
        message: '缺少分隔符：每行应为“原文 译文”，用制表符、空格、= 或 → 分开',
        messageTw: '缺少分隔符：每行應為「原文 譯文」，用定位字元、空格、= 或 → 分開',
        messageEn: 'Missing separator: each line must be "source target", separated by a tab, spaces, = or →',
      };
    case 'emptyKey':
      return { message: '原文为空', messageTw: '原文為空', messageEn: 'The source phrase is empty' };
    case 'emptyValue':
      return { message: '译文为空', messageTw: '譯文為空', messageEn: 'The replacement is empty' };
    case 'keyWhitespace':
      return {
        message: '原文不能包含空白字符',
        messageTw: '原文不能包含空白字元',
        messageEn: 'The source phrase must not contain whitespace',
      };
    case 'valueWhitespace':
      return {
        message: '译文不能包含空白字符',
        messageTw: '譯文不能包含空白字元',
        messageEn: 'The replacement must not contain whitespace',
      };
    case 'keyTooLong':
      return {
        message: `原文过长（最多 ${MAX_PHRASE_KEY} 个字符）`,
        messageTw: `原文過長（最多 ${MAX_PHRASE_KEY} 個字元）`,
        messageEn: `The source phrase is too long (at most ${MAX_PHRASE_KEY} characters)`,
      };
    case 'valueTooLong':
      return {
        message: `译文过长（最多 ${MAX_PHRASE_VALUE} 个字符）`,
        messageTw: `譯文過長（最多 ${MAX_PHRASE_VALUE} 個字元）`,
        messageEn: `The replacement is too long (at most ${MAX_PHRASE_VALUE} characters)`,
      };
    case 'duplicate':
      return {
        message: `原文“${detail}”重复（前面已经出现过）`,
        messageTw: `原文「${detail}」重複（前面已經出現過）`,
        messageEn: `Duplicate source phrase "${detail}" (already defined above)`,
      };
    case 'control':
      return {
        message: '包含控制字符',
        messageTw: '包含控制字元',
        messageEn: 'Contains a control character',
      };
    case 'surrogate':
      return {
        message: '包含无效的 Unicode 字符（孤立代理项）',
        messageTw: '包含無效的 Unicode 字元（孤立代理項）',
        messageEn: 'Contains an invalid Unicode character (lone surrogate)',
      };
    case 'tooMany':
      return {
        message: `词条过多（最多 ${MAX_PHRASES} 条），其余已忽略`,
        messageTw: `詞條過多（最多 ${MAX_PHRASES} 條），其餘已忽略`,
        messageEn: `Too many phrases (at most ${MAX_PHRASES}); the rest were ignored`,
      };
    case 'tooLarge':
      return {
        message: '词表过大（用到的不同字符太多），其余已忽略',
        messageTw: '詞表過大（用到的不同字元太多），其餘已忽略',
        messageEn: 'The phrase table is too large (too many different characters); the rest were ignored',
      };
    case 'notPair':
      return {
        message: '词条必须是两个字符串 [原文, 译文]',
        messageTw: '詞條必須是兩個字串 [原文, 譯文]',
        messageEn: 'Each entry must be two strings [source, target]',
      };
  }
}

// Controls other than tab (tab is a separator in text form, never kept in a phrase).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const WHITESPACE = /\s/;
// A tab, = or → (spaces around it allowed), else a run of spaces.
const SEPARATOR = /[ \u3000]*(?:\t|=|→)[ \u3000\t]*|[ \u3000]+/;

const cpCount = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || s.charCodeAt(i - 1) < 0xd800 || s.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
};

/** Splits one text line into [key, value], or a problem. Surrounding whitespace is trimmed. */
function splitLine(line: string): UserPhrase | Problem {
  const m = SEPARATOR.exec(line);
  if (!m) return 'noSeparator';
  return [line.slice(0, m.index).trim(), line.slice(m.index + m[0].length).trim()];
}

function check(key: string, value: string): Problem | null {
  if (key.length === 0) return 'emptyKey';
  if (value.length === 0) return 'emptyValue';
  if (CONTROL.test(key) || CONTROL.test(value)) return 'control';
  if (LONE_SURROGATE.test(key) || LONE_SURROGATE.test(value)) return 'surrogate';
  if (WHITESPACE.test(key)) return 'keyWhitespace';
  if (WHITESPACE.test(value)) return 'valueWhitespace';
  if (cpCount(key) > MAX_PHRASE_KEY) return 'keyTooLong';
  if (cpCount(value) > MAX_PHRASE_VALUE) return 'valueTooLong';
  return null;
}

/**
 * What a table's trie will hold, so that it always fits its slot records (trie.ts: a slot's base
 * shares 32 bits with a label of the alphabet's size). Counted generously: one slot per key unit,
 * twice over for the layout's gaps. A real table (thousands of phrases, a few thousand different
 * characters) is far from it; only a table of long keys in tens of thousands of characters reaches it.
 */
function trieBudget(): { fits(key: string): boolean } {
  const alphabet = new Set<number>();
  let units = 0;
  return {
    fits(key) {
      const added: number[] = [];
      for (let i = 0; i < key.length; i++) {
        const u = key.charCodeAt(i);
        if (!alphabet.has(u) && !added.includes(u)) added.push(u);
      }
      const k = alphabet.size + added.length;
      if (2 * (units + key.length + k + 1) > 2 ** baseBitsFor(k)) return false;
      for (const u of added) alphabet.add(u);
      units += key.length;
      return true;
    },
  };
}

/**
 * Validates a phrase table given as text, as lines, or as [source, target] pairs.
 * Returns the good pairs (in order) and one error per bad line; a duplicate source phrase keeps its
 * first definition and reports the later ones.
 */
export function validateUserPhrases(input: string | readonly string[] | ReadonlyArray<readonly unknown[]>): PhraseValidation {
  const ok: UserPhrase[] = [];
  const errors: PhraseError[] = [];
  const seen = new Set<string>();
  const size = trieBudget();
  const items: ReadonlyArray<string | readonly unknown[]> =
    typeof input === 'string' ? input.replace(/^\ufeff/, '').split(/\r\n|\n|\r/) : input;
  items.forEach((item, index) => {
    const line = index + 1;
    const report = (p: Problem, detail = ''): void => {
      errors.push({ line, ...describe(p, detail) });
    };
    let pair: UserPhrase | Problem;
    if (typeof item === 'string') {
      const trimmed = item.trim();
      if (trimmed === '' || trimmed.startsWith('#')) return;
      pair = splitLine(trimmed);
    } else if (Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string') {
      pair = [item[0], item[1]];
      if (pair[0].trim() === '') pair = 'emptyKey';
    } else {
      pair = 'notPair';
    }
    if (typeof pair === 'string') {
      report(pair);
      return;
    }
    const problem = check(pair[0], pair[1]);
    if (problem) {
      report(problem);
      return;
    }
    if (seen.has(pair[0])) {
      report('duplicate', pair[0]);
      return;
    }
    if (ok.length >= MAX_PHRASES) {
      if (!errors.some((e) => e.messageEn.startsWith('Too many'))) report('tooMany');
      return;
    }
    if (!size.fits(pair[0])) {
      if (!errors.some((e) => e.messageEn.startsWith('The phrase table is too large'))) report('tooLarge');
      return;
    }
    seen.add(pair[0]);
    ok.push(pair);
  });
  return { ok, errors };
}
