// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { buildTrie, buildTrieArrays, makeTrie, trieEntries, verifyTrie, type TrieEntry } from '../../../../src/convert/engine/trie';
import { prng } from '../helpers';

const byKey = <T extends readonly [string, ...unknown[]]>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** Random entries over a small alphabet (shared prefixes), with astral keys, empty and long values. */
function randomEntries(seed: number, n: number): TrieEntry[] {
  const rnd = prng(seed);
  const alphabet = ['发', '發', '软', '件', '台', '灣', '𠀀', '𪚥', 'a', '⿰'];
  const out: TrieEntry[] = [];
  for (let i = 0; i < n; i++) {
    let key = '';
    for (let j = 1 + Math.floor(rnd() * 5); j > 0; j--) key += alphabet[Math.floor(rnd() * alphabet.length)];
    const value = ['', '軟', '軟體', '𠀀', '發佈會'][Math.floor(rnd() * 5)]!;
    out.push([key, value, rnd() < 0.3]);
  }
  return out;
}

/** What a trie must hold for entries: the last entry of each key wins; empty keys are dropped. */
function expected(entries: readonly TrieEntry[]): Array<[string, string, boolean]> {
  const m = new Map<string, [string, string, boolean]>();
  for (const [k, v, seg = false] of entries) if (k !== '') m.set(k, [k, v, seg]);
  return byKey([...m.values()]);
}

describe('buildTrieArrays / buildTrie', () => {
  test('holds exactly its entries, seg flags included; later duplicates win, empty keys are skipped', () => {
    for (const seed of [1, 2, 3]) {
      const entries = randomEntries(seed, 400);
      entries.push(['', 'never'], ['发', '一'], ['发', '二', true]);
      const t = buildTrie(entries);
      expect(byKey(trieEntries(t))).toEqual(expected(entries));
      expect(t.keyCount).toBe(expected(entries).length);
      expect(() => verifyTrie(t)).not.toThrow();
    }
  });

  test('one-unit values are inline, others in the value table, each distinct value once', () => {
    const a = buildTrieArrays([
      ['发', '發'],
      ['软件', '軟體'],
      ['软体', '軟體'],
      ['空', ''],
      ['𠀀', '𠀀'],
    ]);
    // 軟體 is stored once; '' and the astral value (two units) are in the table too, in
    // breadth-first order of their keys: '' (空), 軟體, 𠀀.
    expect(String.fromCharCode(...a.valueUnits)).toBe('軟體𠀀');
    expect(Array.from(a.valueStart)).toEqual([0, 0, 2, 4]);
    expect(a.keyCount).toBe(5);
  });

  test('deterministic: the same entries give the same arrays', () => {
    const entries = randomEntries(9, 300);
    const a = buildTrieArrays(entries);
    const b = buildTrieArrays(entries);
    expect(Array.from(a.da)).toEqual(Array.from(b.da));
    expect(Array.from(a.alpha)).toEqual(Array.from(b.alpha));
    expect(Array.from(a.valueUnits)).toEqual(Array.from(b.valueUnits));
    expect(a.nodes).toBe(b.nodes);
  });

  test('an empty table is a valid trie that matches nothing', () => {
    const t = buildTrie([]);
    expect(trieEntries(t)).toEqual([]);
    expect(() => verifyTrie(t)).not.toThrow();
    expect(t.starts.every((x) => x === 0)).toBe(true);
  });
});

describe('makeTrie / verifyTrie', () => {
  const good = buildTrieArrays([
    ['发布', '發佈'],
    ['发', '發'],
  ]);
  const withDa = (patch: (da: Int32Array) => void) => {
    const da = good.da.slice();
    patch(da);
    return { ...good, da };
  };

  test('makeTrie rejects tables whose sizes or root are wrong', () => {
    expect(() => makeTrie({ ...good, da: good.da.subarray(0, 4) }, 'x')).toThrow(/bad dictionary \(x\): slot table size/);
    expect(() => makeTrie(withDa((da) => (da[1] = 5)), 'x')).toThrow(/root slot/);
    expect(() => makeTrie({ ...good, valueStart: Int32Array.from([0, 9]) }, 'x')).toThrow(/value table/);
    expect(() => makeTrie({ ...good, alpha: Uint16Array.from([good.alpha[0]!, good.alpha[0]!]) }, 'x')).toThrow(/alphabet repeats/);
  });

  test('verifyTrie finds a damaged slot that makeTrie lets through', () => {
    const last = good.da.length / 3 - 1;
    const bad = makeTrie(withDa((da) => (da[3 * last] = 1_000_000)), 'x');
    expect(() => verifyTrie(bad, 'damaged')).toThrow(/damaged.*base of slot/);
    const badValue = makeTrie(withDa((da) => (da[3 * last + 2] = 400 << 2)), 'x');
    expect(() => verifyTrie(badValue)).toThrow(/value of slot/);
  });
});
