// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createConverter } from '../../../../src/convert/engine/create-converter';
import { dictFileName, parseDict, serializeDict, verifyDict, type DictPlan } from '../../../../src/convert/engine/dict-format';
import { buildTrieArrays, trieEntries } from '../../../../src/convert/engine/trie';
import { SUPPORTED_PAIRS } from '../../../../src/convert/engine/variants';
import { DICT_DIR, ensureDicts, opencc } from '../helpers';

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

});

describe('serializeDict', () => {
  const plan = (): DictPlan => {
    const t = buildTrieArrays([
      ['软件', '軟件', true],
      ['发', '發'],
    ]);
    return { from: 'cn', to: 'tw', config: 's2tw', normalize: [], segment: null, fused: true, chain: [0, 0], tries: [t] };
  };

  test('what it writes, parseDict reads back: stages, entries, source', () => {
    const bytes = serializeDict(plan(), { package: 'opencc-js', version: '9.9.9' });
    expect(bytes.byteLength % 4).toBe(0);
    const d = parseDict(bytes);
    expect([d.from, d.to, d.config, d.fused]).toEqual(['cn', 'tw', 's2tw', true]);
    expect(d.source).toEqual({ package: 'opencc-js', version: '9.9.9' });
    expect(d.chain.length).toBe(2);
    expect(trieEntries(d.chain[1]!).sort()).toEqual([
      ['发', '發', false],
      ['软件', '軟件', true],
    ]);
    expect(() => verifyDict(d)).not.toThrow();
  });

  test('deterministic: the same plan gives the same bytes', () => {
    expect(serializeDict(plan(), { package: 'p', version: '1' })).toEqual(serializeDict(plan(), { package: 'p', version: '1' }));
  });
});

describe('dictFileName', () => {
  test('names a supported direction, refuses any other', () => {
    expect(dictFileName('cn', 'tw')).toBe('cn-tw.bin');
    expect(dictFileName('hk', 't')).toBe('hk-t.bin');
    expect(() => dictFileName('tw', 'twp')).toThrow(RangeError);
    expect(() => dictFileName('cn', 'cn')).toThrow(RangeError);
  });
});
