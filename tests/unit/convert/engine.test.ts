// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../src/convert/engine/create-converter';
import { countScriptChars, detectScript } from '../../../src/convert/engine/detect-script';
import { parseDict, verifyDict } from '../../../src/convert/engine/dict-format';
import { findDictDir, loadConverterNode } from '../../../src/convert/engine/node-loader';
import { buildTrie, trieEntries } from '../../../src/convert/engine/trie';
import { validateUserPhrases, MAX_PHRASE_KEY, MAX_PHRASES } from '../../../src/convert/engine/user-phrases';
import { dictFileName, isSupportedPair, SUPPORTED_PAIRS } from '../../../src/convert/engine/variants';
import { DICT_DIR, dictFor, ensureDicts, loadCompiler, opencc, SEED_PATH } from './helpers';

const seed = readFileSync(SEED_PATH, 'utf8');
const bytesOf = async (name: string): Promise<Uint8Array> => {
  await ensureDicts();
  return new Uint8Array(readFileSync(join(DICT_DIR, name)));
};

describe('parseDict', () => {
  test('reads every shipped direction, and every slot passes the full check', async () => {
    for (const [f, t] of SUPPORTED_PAIRS) {
      const d = parseDict(await bytesOf(dictFileName(f, t)));
      expect([d.from, d.to]).toEqual([f, t]);
      expect(d.source.package).toBe('opencc-js');
      expect(d.chain.length).toBeGreaterThan(0);
      expect(() => verifyDict(d)).not.toThrow();
    }
  });

  test('accepts an ArrayBuffer and unaligned bytes (copies once)', async () => {
    const bytes = await bytesOf('t-tw.bin');
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(createConverter(parseDict(ab)).convert('裡面')).toBe(opencc('t', 'tw')('裡面'));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const unaligned = shifted.subarray(1);
    expect(unaligned.byteOffset % 4).toBe(1);
    expect(createConverter(parseDict(unaligned)).convert('爲什麼')).toBe(opencc('t', 'tw')('爲什麼'));
  });

  test('rejects what is not a kanjian dictionary, with a clear message', async () => {
    const good = await bytesOf('t-tw.bin');
    expect(() => parseDict(new Uint8Array(4))).toThrow(/too short/);
    const magic = good.slice();
    magic[0] = 0x50;
    expect(() => parseDict(magic)).toThrow(/magic/);
    const endian = good.slice();
    new DataView(endian.buffer).setUint32(4, 0x04030201, true);
    expect(() => parseDict(endian)).toThrow(/byte-order/);
    expect(() => parseDict(good.slice(0, 40))).toThrow(/header/);
    expect(() => parseDict(good.slice(0, good.length - 100))).toThrow(/out of range|value table|root/);
    const text = new TextDecoder().decode(good.subarray(12, 12 + new DataView(good.buffer).getUint32(8, true)));
    const reversion = (patch: (h: Record<string, unknown>) => void): Uint8Array => {
      const h = JSON.parse(text) as Record<string, unknown>;
      patch(h);
      let json = JSON.stringify(h);
      while (json.length % 4 !== 0) json += ' ';
      const body = good.subarray(12 + text.length);
      const out = new Uint8Array(12 + json.length + body.length);
      out.set(good.subarray(0, 12));
      new DataView(out.buffer).setUint32(8, json.length, true);
      out.set(new TextEncoder().encode(json), 12);
      out.set(body, 12 + json.length);
      return out;
    };
    expect(() => parseDict(reversion((h) => (h.v = 99)))).toThrow(/format version 99/);
    expect(() => parseDict(reversion((h) => (h.to = 'jp')))).toThrow(/unknown direction/);
    expect(() => parseDict(reversion((h) => (h.chain = [7])))).toThrow(/no trie 7/);
  });

  test('holds exactly the key/value pairs of the tries opencc-js builds', async () => {
    const compiler = await loadCompiler();
    const mod = compiler as unknown as {
      openccTries(f: string, t: string): { normalization: unknown[]; segmentation: unknown; chain: unknown[] };
      triePairs(t: unknown): Array<[string, string]>;
    };
    for (const [f, t] of SUPPORTED_PAIRS) {
      const d = await dictFor(f, t);
      const ref = mod.openccTries(f, t);
      const sorted = (xs: Array<[string, string]>): Array<[string, string]> =>
        [...xs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      expect(d.normalize.length).toBe(ref.normalization.length);
      d.normalize.forEach((trie, i) => expect(sorted(trieEntries(trie))).toEqual(sorted(mod.triePairs(ref.normalization[i]))));
      expect(d.chain.length).toBe(ref.chain.length);
      d.chain.forEach((trie, i) => expect(sorted(trieEntries(trie))).toEqual(sorted(mod.triePairs(ref.chain[i]))));
      const segKeys = ref.segmentation ? mod.triePairs(ref.segmentation).map(([k]) => k).sort() : [];
      if (d.fused) {
        // Fused: the segmentation keys are exactly the first chain trie's keys with the seg bit.
        const t0 = d.chain[0]!;
        const flagged: string[] = [];
        for (let s = 1; s < t0.slots; s++) {
          const v = t0.da[3 * s + 2]!;
          if (v >= 0 && (v & 1) === 1) flagged.push(s.toString());
        }
        expect(flagged.length).toBe(segKeys.length);
      } else if (d.segment) {
        expect(trieEntries(d.segment).map(([k]) => k).sort()).toEqual(segKeys);
      } else {
        expect(segKeys).toEqual([]);
      }
    }
  });
});

describe('compiler', () => {
  test('the run-time trie builder makes the same arrays as the compiler', async () => {
    const compiler = await loadCompiler();
    const entries = trieEntries((await dictFor('tw', 'cn')).chain[0]!);
    const mine = buildTrie(entries);
    const theirs = compiler.buildTrie(entries.map(([k, v]) => [k, v, 0]));
    expect(Array.from(mine.da)).toEqual(Array.from((theirs as unknown as { da: Int32Array }).da));
    expect(Array.from(mine.alpha)).toEqual(Array.from((theirs as unknown as { alpha: Uint16Array }).alpha));
    expect(Array.from(mine.valueUnits)).toEqual(Array.from(theirs.valueUnits));
  });

  test('fuses segmentation only when it is provably the same', async () => {
    const { canFuse } = await loadCompiler();
    const seg: Array<[string, string]> = [['软件', '軟件']];
    expect(canFuse(seg, [['软件', '軟件'], ['软', '軟']])).toBe(true);
    expect(canFuse(seg, [['软', '軟']])).toBe(false); // a segmentation key missing from the group
    expect(canFuse(seg, [['软件', '軟件'], ['件事', '件事']])).toBe(false); // a longer non-segmentation key
    expect(canFuse([['⿰氵去', 'x']], [['⿰氵去', 'x']])).toBe(false); // a key starting an IDS
    for (const [f, t] of SUPPORTED_PAIRS) {
      const d = await dictFor(f, t);
      if (f === 'cn' && t !== 't') expect(d.fused, `${f}-${t}`).toBe(true);
    }
  });

  test('src/convert/engine/script-chars.ts is what the compiler generates', async () => {
    const compiler = await loadCompiler();
    expect(readFileSync(compiler.SCRIPT_CHARS_PATH, 'utf8')).toBe(compiler.scriptCharsModule());
  });
});

describe('createConverter', () => {
  test('returns the very same string when nothing can change', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    for (const s of ['', 'plain ASCII text', '  \n\t', '人民']) {
      const out = convert(s);
      expect(out).toBe(s);
    }
  });

  test('keeps a leading BOM, lone surrogates and NUL as they are', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    const ref = opencc('cn', 'tw');
    for (const s of ['\ufeff软件发布'.repeat(20), '软件\ud800发布\udc00'.repeat(10), '发\u0000布', '𠀀软件𪚥'.repeat(30)]) {
      expect(convert(s)).toBe(ref(s));
    }
  });

  test('reuses its buffers: big, small, big again', async () => {
    const { convert } = createConverter(await dictFor('tw', 'cn'));
    const ref = opencc('tw', 'cn');
    const big = ref === undefined ? '' : createConverter(await dictFor('cn', 'tw')).convert(seed.repeat(40));
    expect(convert(big)).toBe(ref(big));
    expect(convert('軟體')).toBe(ref('軟體'));
    expect(convert(big.slice(0, 5000))).toBe(ref(big.slice(0, 5000)));
  });

  test('long runs of ideographic description characters: same as opencc-js, no stack overflow', async () => {
    const { convert } = createConverter(await dictFor('cn', 'tw'));
    const ref = opencc('cn', 'tw');
    // opencc-js takes exponential time on runs of description characters, so the reference only
    // sees short runs; longer inputs of the linear kind still compare.
    for (const n of [1, 2, 3, 10, 20]) {
      for (const s of ['⿰'.repeat(n) + '发', '发' + '⿲'.repeat(n) + '软件', '⿰发'.repeat(n)]) expect(convert(s)).toBe(ref(s));
    }
    for (const n of [501, 2000]) expect(convert('⿰发'.repeat(n))).toBe(ref('⿰发'.repeat(n)));
    // kanjian computes each sequence end once (memo, no recursion): linear, no stack overflow.
    const ids = '⿰'.repeat(200_000);
    const t0 = performance.now();
    expect(convert('发' + ids + '发')).toBe('發' + ids + '发');
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  test('user phrases win over the dictionaries; the rest is opencc-js', async () => {
    const dict = await dictFor('cn', 'tw');
    const ref = opencc('cn', 'tw');
    const { convert } = createConverter(dict, {
      userPhrases: [
        ['发布', '發佈'],
        ['软件', '軟體'],
        ['乾隆', '乾隆'],
      ],
    });
    expect(convert('软件发布会')).toBe('軟體發佈' + ref('会'));
    expect(convert('新软件将于明天发布。')).toBe(ref('新') + '軟體' + ref('将于明天') + '發佈' + ref('。'));
    expect(convert('乾隆皇帝')).toBe('乾隆' + ref('皇帝'));
    expect(convert('没有用户词的句子，头发很长')).toBe(ref('没有用户词的句子，头发很长'));
    expect(convert('')).toBe('');
    expect(() => createConverter(dict, { userPhrases: [['', '空']] })).toThrow(/原文为空.*source phrase is empty/);
  });
});

describe('node loader', () => {
  test('finds public/dict and converts like opencc-js', () => {
    expect(findDictDir()).toBe(DICT_DIR);
    const c = loadConverterNode('cn', 'twp');
    expect(c.convert('鼠标和软件')).toBe(opencc('cn', 'twp')('鼠标和软件'));
    expect([c.from, c.to]).toEqual(['cn', 'twp']);
  });

  test('names the problem when a direction or file is missing', () => {
    expect(() => loadConverterNode('tw', 'hk')).toThrow(/不支持.*unsupported/);
    expect(() => loadConverterNode('cn', 'tw', { dictDir: '/nonexistent' })).toThrow(/build-dicts/);
  });

  test('pairs and file names', () => {
    expect(dictFileName('cn', 'tw')).toBe('cn-tw.bin');
    expect(isSupportedPair('cn', 'twp')).toBe(true);
    expect(isSupportedPair('tw', 'hk')).toBe(false);
    expect(isSupportedPair('cn', 'cn')).toBe(false);
    expect(() => dictFileName('tw', 'twp')).toThrow(RangeError);
  });
});

describe('validateUserPhrases', () => {
  test('accepts tab, spaces, =, → and ideographic space separators; skips blanks and comments', () => {
    const { ok, errors } = validateUserPhrases('\ufeff# 我的词表\n发布\t發佈\r\n\n软件 = 軟體\n网络→網路\n鼠标\u3000滑鼠\n  信息   資訊  \n');
    expect(errors).toEqual([]);
    expect(ok).toEqual([
      ['发布', '發佈'],
      ['软件', '軟體'],
      ['网络', '網路'],
      ['鼠标', '滑鼠'],
      ['信息', '資訊'],
    ]);
  });

  test('reports each bad line with its number, in Chinese and English', () => {
    const long = '长'.repeat(MAX_PHRASE_KEY + 1);
    const { ok, errors } = validateUserPhrases(['发布 發佈', '没有分隔符', '= 值', '键 =', `${long} x`, '发布 發表', '控\u0007制 x', '孤\ud800 x', 'ok 好']);
    expect(ok).toEqual([
      ['发布', '發佈'],
      ['ok', '好'],
    ]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(errors[0]!.message).toMatch(/分隔符/);
    expect(errors[0]!.messageEn).toMatch(/separator/);
    expect(errors[1]!.messageEn).toMatch(/source phrase is empty/);
    expect(errors[2]!.messageEn).toMatch(/replacement is empty/);
    expect(errors[3]!.messageEn).toMatch(/too long/);
    expect(errors[4]!.message).toMatch(/发布.*重复/);
    expect(errors[4]!.messageTw).toMatch(/重複/);
    expect(errors[5]!.messageEn).toMatch(/control/);
    expect(errors[6]!.messageEn).toMatch(/surrogate/);
  });

  test('pairs: whitespace-only or whitespace-containing keys, non-strings', () => {
    const { ok, errors } = validateUserPhrases([['  ', 'x'], ['a b', 'x'], ['好', 'x y'], ['好', '好'], [1, 'x'], ['只有一个']]);
    expect(ok).toEqual([['好', '好']]);
    expect(errors.map((e) => [e.line, e.messageEn])).toEqual([
      [1, 'The source phrase is empty'],
      [2, 'The source phrase must not contain whitespace'],
      [3, 'The replacement must not contain whitespace'],
      [5, 'Each entry must be two strings [source, target]'],
      [6, 'Each entry must be two strings [source, target]'],
    ]);
  });

  test('caps the table size', () => {
    const lines = Array.from({ length: MAX_PHRASES + 5 }, (_, i) => `词${i} 詞${i}`);
    const { ok, errors } = validateUserPhrases(lines);
    expect(ok.length).toBe(MAX_PHRASES);
    expect(errors.length).toBe(1);
    expect(errors[0]!.line).toBe(MAX_PHRASES + 1);
  });
});

describe('detectScript', () => {
  test('the seed page is Simplified; its Traditional conversions are Traditional', async () => {
    expect(detectScript(seed)).toBe('simplified');
    for (const to of ['tw', 'twp', 'hk', 't'] as const) {
      expect(detectScript(createConverter(await dictFor('cn', to)).convert(seed)), to).toBe('traditional');
    }
  });

  test('short samples, shared characters, other languages', () => {
    expect(detectScript('这个软件')).toBe('simplified');
    expect(detectScript('這個軟體')).toBe('traditional');
    // 台 干 后 里 面 are written the same in both scripts (台灣, 干涉, 皇后, 公里, 方面).
    expect(countScriptChars('台干后里面')).toEqual({ simplified: 0, traditional: 0 });
    expect(detectScript('台灣的方面')).toBe('traditional');
    expect(detectScript('Hello, world')).toBe('unknown');
    expect(detectScript('')).toBe('unknown');
    expect(detectScript('这這')).toBe('unknown');
    expect(detectScript('人口')).toBe('unknown');
  });

  test('reads at most the limit', () => {
    expect(detectScript('a'.repeat(100) + '这个', 50)).toBe('unknown');
    expect(countScriptChars('这这这這', 3)).toEqual({ simplified: 3, traditional: 0 });
  });

  test('agrees with opencc-js on what converts', () => {
    // Every Simplified-only character changes under cn→t; every Traditional-only one under t→cn.
    const s2t = OpenCC.Converter({ from: 'cn', to: 't' });
    const sample = '这个们国说时对发会经学还没问题';
    for (const ch of sample) expect(s2t(ch), ch).not.toBe(ch);
  });
});
