import type { CompiledDict } from './dict-format';
import { Pipeline } from './pipeline';
import { buildTrie, valueString, type Trie } from './trie';
import { validateUserPhrases, type UserPhrase } from './user-phrases';
import type { Variant } from './variants';

export interface ConverterOptions {
  /**
   * Overrides for this direction, [source, target] pairs (validate them first with
   * validateUserPhrases; invalid pairs make createConverter throw). They win over the built-in
   * dictionaries: the text is first scanned for user phrases (longest match, left to right), each
   * match is replaced by its target as is, and only the text between matches goes through the
   * built-in conversion. With no user phrases the output is exactly opencc-js's.
   */
  userPhrases?: ReadonlyArray<readonly [string, string]>;
}

export interface Converter {
  readonly from: Variant;
  readonly to: Variant;
  /** Converts a string. Synchronous, allocation-light; any string in, a string out. */
  convert(text: string): string;
}

/** A converter for one compiled direction (see parseDict / loadConverterNode). */
export function createConverter(dict: CompiledDict, options: ConverterOptions = {}): Converter {
  const pipeline = new Pipeline(dict);
  const phrases = options.userPhrases ?? [];
  if (phrases.length === 0) {
    return { from: dict.from, to: dict.to, convert: (text) => pipeline.convert(text) };
  }
  const { ok, errors } = validateUserPhrases(phrases);
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new Error(`kanjian: 用户词表第 ${e.line} 条无效：${e.message} / user phrase ${e.line} is invalid: ${e.messageEn}`);
  }
  const user = buildTrie(ok);
  return { from: dict.from, to: dict.to, convert: (text) => convertWithUser(user, pipeline, text) };
}

/** User phrases first (longest match), the built-in pipeline on the text between them. */
function convertWithUser(user: Trie, pipeline: Pipeline, text: string): string {
  const n = text.length;
  const { da, code, baseBits: bb, baseMask: mask } = user;
  const rootBase = da[0]! & mask;
  let out = '';
  let run = 0;
  let i = 0;
  while (i < n) {
    const c0 = code[text.charCodeAt(i)]!;
    let node = rootBase + c0;
    let k = 0;
    let v = -1;
    if (c0 !== 0 && da[2 * node]! >>> bb === c0) {
      v = da[2 * node + 1]!;
      if (v >= 0) k = i + 1;
      for (let j = i + 1; j < n; j++) {
        const cj = code[text.charCodeAt(j)]!;
        if (cj === 0) break;
        const next = (da[2 * node]! & mask) + cj;
        if (da[2 * next]! >>> bb !== cj) break;
        node = next;
        const x = da[2 * node + 1]!;
        if (x >= 0) {
          k = j + 1;
          v = x;
        }
      }
    }
    if (k !== 0) {
      if (run < i) out += pipeline.convert(text.slice(run, i));
      out += valueString(user, v);
      i = k;
      run = k;
      continue;
    }
    // Step one code point (user keys are whole code points, so a match never starts mid-pair).
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  if (run < n) out += pipeline.convert(text.slice(run, n));
  return out;
}

export type { UserPhrase };
