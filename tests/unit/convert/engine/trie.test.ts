// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { baseBitsFor, buildTrie, buildTrieArrays, makeTrie, trieEntries, verifyTrie, type TrieEntry } from '../../../../src/convert/engine/trie';
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
    expect(() => makeTrie({ ...good, da: good.da.subarray(0, 3) }, 'x')).toThrow(/bad dictionary \(x\): slot table size/);
    expect(() => makeTrie(withDa((da) => (da[0] = 0)), 'x')).toThrow(/root slot/);
    expect(() => makeTrie(withDa((da) => (da[0] = da[0]! | (1 << baseBitsFor(good.alpha.length)))), 'x')).toThrow(/root slot/);
    expect(() => makeTrie({ ...good, valueStart: Int32Array.from([0, 9]) }, 'x')).toThrow(/value table/);
    expect(() => makeTrie({ ...good, alpha: Uint16Array.from([good.alpha[0]!, good.alpha[0]!]) }, 'x')).toThrow(/alphabet repeats/);
  });

  test('verifyTrie finds a damaged slot that makeTrie lets through', () => {
    const t = makeTrie(good, 'x');
    const root = good.da[0]! & t.baseMask;
    const fa = root + t.code['发'.charCodeAt(0)]!; // the slot of the key 发
    const last = good.da.length / 2 - 1;
    expect(() => verifyTrie(makeTrie(withDa((da) => (da[2 * last] = 1_000_000)), 'x'), 'damaged')).toThrow(/damaged.*base of slot/);
    expect(() => verifyTrie(makeTrie(withDa((da) => (da[2 * fa + 1] = 400 << 2)), 'x'))).toThrow(/value of slot/);
    // 发's children are told by their label from 发's base: another node with the same base would
    // make a label name two parents.
    const faBase = good.da[2 * fa]! & t.baseMask;
    expect(() => verifyTrie(makeTrie(withDa((da) => (da[0] = (da[0]! & ~t.baseMask) | faBase)), 'x'))).toThrow(/repeats|root slot|parent/);
    // A slot labelled as a child where no node has the base it points back to.
    const orphanAt = good.da.findIndex((w, i) => i % 2 === 0 && i > 0 && w === 0 && good.da[i + 1] === -1) / 2;
    expect(orphanAt).toBeGreaterThan(0);
    expect(() => verifyTrie(makeTrie(withDa((da) => (da[2 * orphanAt] = 1 << t.baseBits)), 'x'))).toThrow(/parent of slot|label of slot/);
    expect(() => verifyTrie(makeTrie(good, 'x'))).not.toThrow();
  });

  test('every base of a node with children is unique and at least 1, so a label names one parent', () => {
    const entries: Array<[string, string]> = [];
    for (let i = 0; i < 300; i++) entries.push([String.fromCharCode(0x4e00 + (i % 40)) + String.fromCharCode(0x4e00 + ((i * 7) % 53)), 'x']);
    const t = buildTrie(entries);
    verifyTrie(t);
    const bases = new Set<number>();
    for (let s = 0; s < t.slots; s++) {
      const b = t.da[2 * s]! & t.baseMask;
      if (b === 0) continue;
      expect(bases.has(b)).toBe(false);
      bases.add(b);
    }
    expect(trieEntries(t).length).toBe(new Set(entries.map(([k]) => k)).size);
  });
});
