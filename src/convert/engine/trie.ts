/**
 * A longest-match dictionary as a UTF-16 code-unit trie in an interleaved double array: the layout
 * of the compiled dictionaries (see docs/convert-engine.md), made by buildTrieArrays below.
 *
 *   code[u]      code of code unit u in this trie's alphabet, 1..K; 0 when no key contains u
 *   da[3s]       base of slot s: the child of s by code c is slot base + c
 *   da[3s+1]     check of slot s: the parent's slot (-1 free, -2 the root; the root is slot 0)
 *   da[3s+2]     value of slot s: -1 when no key ends here, else (payload << 2) | inline << 1 | segBit
 *
 * One transition reads one 12-byte record, which also holds the next base and the value: one
 * cache miss per character where a sorted-children layout costs two or three. A value of one code
 * unit (most character mappings) is the payload itself (inline = 1); a longer or empty value is
 * valueUnits[valueStart[id] .. valueStart[id+1]) with id = payload. The segBit marks the
 * segmentation dictionary's keys where segmentation is fused into this trie.
 */
export interface Trie {
  readonly da: Int32Array;
  readonly code: Uint16Array;
  /** starts[u] = 1 when some key starts with code unit u (64 KiB): elsewhere no match can begin. */
  readonly starts: Uint8Array;
  readonly alpha: Uint16Array;
  readonly valueStart: Int32Array;
  readonly valueUnits: Uint16Array;
  /** Number of slots (da.length / 3). */
  readonly slots: number;
  readonly keyCount: number;
}

export interface TrieArrays {
  da: Int32Array;
  alpha: Uint16Array;
  valueStart: Int32Array;
  valueUnits: Uint16Array;
  keyCount: number;
}

/**
 * Wraps the arrays as a Trie after the checks that cost O(1) or O(alphabet), and builds the code
 * table (128 KiB). Throws Error naming `what` on a malformed table. A damaged file that passes
 * these checks can give wrong output but cannot hang or read out of bounds: every walk step
 * advances, and typed-array reads out of range end a walk. verifyTrie checks everything.
 */
export function makeTrie(a: TrieArrays, what: string): Trie {
  const fail = (why: string): never => {
    throw new Error(`kanjian: bad dictionary (${what}): ${why}`);
  };
  const { da, alpha, valueStart, valueUnits } = a;
  if (da.length < 3 || da.length % 3 !== 0) fail('slot table size');
  const slots = da.length / 3;
  const k = alpha.length;
  const valueCount = valueStart.length - 1;
  if (valueCount < 0 || valueStart[0] !== 0 || valueStart[valueCount] !== valueUnits.length) fail('value table');
  if (da[1] !== -2 || da[0]! < 0 || da[0]! + k >= slots) fail('root slot');
  const code = new Uint16Array(0x10000);
  const starts = new Uint8Array(0x10000);
  const rootBase = da[0]!;
  for (let i = 0; i < k; i++) {
    const u = alpha[i]!;
    if (code[u] !== 0) fail('alphabet repeats a code unit');
    code[u] = i + 1;
    if (da[3 * (rootBase + i + 1) + 1] === 0) starts[u] = 1;
  }
  return { da, code, starts, alpha, valueStart, valueUnits, slots, keyCount: a.keyCount };
}

/** Checks every slot and value of a trie (tests and tools; O(size)). Throws on the first problem. */
export function verifyTrie(t: Trie, what = 'trie'): void {
  const fail = (why: string): never => {
    throw new Error(`kanjian: bad dictionary (${what}): ${why}`);
  };
  const { da, valueStart, slots } = t;
  const k = t.alpha.length;
  const valueCount = valueStart.length - 1;
  for (let v = 0; v < valueCount; v++) if (valueStart[v]! > valueStart[v + 1]!) fail('value order');
  for (let s = 0; s < slots; s++) {
    const base = da[3 * s]!;
    const check = da[3 * s + 1]!;
    const value = da[3 * s + 2]!;
    // Every child lookup base + code (code ≤ K) must stay inside the table.
    if (base < 0 || base + k >= slots) fail(`base of slot ${s}`);
    if (check < -2 || check >= slots || (check === -2 && s !== 0)) fail(`check of slot ${s}`);
    if (check >= 0) {
      const c = s - da[3 * check]!;
      if (c < 1 || c > k || da[3 * check + 1] === -1) fail(`parent of slot ${s}`);
    }
    if (value < -1 || (value >= 0 && (value & 2) === 0 && value >>> 2 >= valueCount)) fail(`value of slot ${s}`);
    if (value >= 0 && (value & 2) !== 0 && value >>> 2 > 0xffff) fail(`inline value of slot ${s}`);
  }
}

/** One key of a trie being built: [key, value, seg]; seg marks a segmentation key (fused tries). */
export type TrieEntry = readonly [key: string, value: string, seg?: boolean];

/** What buildTrieArrays makes: a trie's arrays, plus its node count (kept in the file header). */
export interface BuiltTrie extends TrieArrays {
  /** Nodes of the key tree, the root included. */
  nodes: number;
}

/**
 * Lays out a trie (see Trie) from its entries: the one builder for the compiled dictionaries
 * (scripts/build-dicts.mjs, through dict-compile.ts) and for user phrase tables at run time.
 * Deterministic: the same entries give the same arrays, so the same file bytes. Empty keys are
 * skipped; a later duplicate key replaces the earlier one.
 *
 * Alphabet codes go to edge labels by descending frequency (ties by code unit), so the busiest
 * labels get the small codes; nodes are placed breadth-first, each at the lowest base where all
 * of its children's slots are free (first fit). The table is then padded so base + K stays inside.
 */
export function buildTrieArrays(entries: Iterable<TrieEntry>): BuiltTrie {
  interface TmpNode {
    kids: Map<number, TmpNode>;
    value: string | undefined;
    seg: boolean;
  }
  const top: TmpNode = { kids: new Map(), value: undefined, seg: false };
  let keyCount = 0;
  for (const [key, value, seg = false] of entries) {
    if (key.length === 0) continue;
    let node = top;
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      let next = node.kids.get(u);
      if (!next) {
        next = { kids: new Map(), value: undefined, seg: false };
        node.kids.set(u, next);
      }
      node = next;
    }
    if (node.value === undefined) keyCount++;
    node.value = value;
    node.seg = seg;
  }
  const freq = new Map<number, number>();
  const count = (node: TmpNode): void => {
    for (const [u, kid] of node.kids) {
      freq.set(u, (freq.get(u) ?? 0) + 1);
      count(kid);
    }
  };
  count(top);
  const alphaList = [...freq.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([u]) => u);
  // Codes 1..K live in a Uint16Array code table.
  if (alphaList.length > 0xffff) throw new Error('kanjian: trie alphabet too large');
  const codeOf = new Map(alphaList.map((u, i) => [u, i + 1]));
  const k = alphaList.length;

  let cap = 1024;
  let base = new Int32Array(cap);
  let check = new Int32Array(cap).fill(-1);
  const grow = (min: number): void => {
    if (min < cap) return;
    let next = cap;
    while (next <= min) next *= 2;
    const b2 = new Int32Array(next);
    b2.set(base);
    const c2 = new Int32Array(next).fill(-1);
    c2.set(check);
    base = b2;
    check = c2;
    cap = next;
  };
  check[0] = -2;
  const queue: TmpNode[] = [top];
  const slotOf: number[] = [0];
  let firstFree = 1;
  let maxSlot = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi]!;
    const slot = slotOf[qi]!;
    if (node.kids.size === 0) continue;
    const kids = [...node.kids.entries()]
      .map(([u, kid]) => [codeOf.get(u)!, kid] as const)
      .sort((x, y) => x[0] - y[0]);
    const c0 = kids[0]![0];
    while (check[firstFree] !== -1) {
      firstFree++;
      grow(firstFree);
    }
    // First fit: the lowest base whose slots for every child code are free.
    let f = firstFree;
    let b: number;
    for (;;) {
      b = f - c0;
      if (b >= 0) {
        grow(b + kids[kids.length - 1]![0]);
        let ok = true;
        for (const [c] of kids) {
          if (check[b + c] !== -1) {
            ok = false;
            break;
          }
        }
        if (ok) break;
      }
      do {
        f++;
        grow(f);
      } while (check[f] !== -1);
    }
    base[slot] = b;
    for (const [c, kid] of kids) {
      const t = b + c;
      check[t] = slot;
      if (t > maxSlot) maxSlot = t;
      queue.push(kid);
      slotOf.push(t);
    }
  }
  let maxBase = 0;
  for (let s = 0; s <= maxSlot; s++) if (base[s]! > maxBase) maxBase = base[s]!;
  const size = Math.max(maxSlot + 1, maxBase + k + 1);
  const da = new Int32Array(size * 3);
  for (let s = 0; s < size; s++) {
    da[3 * s] = s < cap ? base[s]! : 0;
    da[3 * s + 1] = s < cap ? check[s]! : -1;
    da[3 * s + 2] = -1;
  }
  const ids = new Map<string, number>();
  const strings: string[] = [];
  queue.forEach((node, qi) => {
    if (node.value === undefined || qi === 0) return;
    const segBit = node.seg ? 1 : 0;
    if (node.value.length === 1) {
      // One code unit (most character mappings): kept in the slot, no value-table lookup.
      da[3 * slotOf[qi]! + 2] = (node.value.charCodeAt(0) << 2) | 2 | segBit;
      return;
    }
    let id = ids.get(node.value);
    if (id === undefined) {
      id = strings.length;
      ids.set(node.value, id);
      strings.push(node.value);
    }
    da[3 * slotOf[qi]! + 2] = (id << 2) | segBit;
  });
  const valueStart = new Int32Array(strings.length + 1);
  let units = 0;
  strings.forEach((str, i) => {
    valueStart[i] = units;
    units += str.length;
  });
  valueStart[strings.length] = units;
  const valueUnits = new Uint16Array(units);
  strings.forEach((str, i) => {
    const at = valueStart[i]!;
    for (let j = 0; j < str.length; j++) valueUnits[at + j] = str.charCodeAt(j);
  });
  return { da, alpha: Uint16Array.from(alphaList), valueStart, valueUnits, keyCount, nodes: queue.length };
}

/** A ready trie from entries (user phrase tables; tests). */
export function buildTrie(entries: Iterable<TrieEntry>): Trie {
  return makeTrie(buildTrieArrays(entries), 'built');
}

/** The string a value word (see Trie) stands for. */
export function valueString(t: Trie, v: number): string {
  if ((v & 2) !== 0) return String.fromCharCode(v >>> 2);
  const id = v >>> 2;
  return String.fromCharCode(...t.valueUnits.subarray(t.valueStart[id]!, t.valueStart[id + 1]!));
}

/** Every entry of a trie as [key, value, seg], parents before children (tests, debugging). */
export function trieEntries(t: Trie): Array<[key: string, value: string, seg: boolean]> {
  const { da, alpha, slots } = t;
  const kids: number[][] = Array.from({ length: slots }, () => []);
  for (let s = 1; s < slots; s++) {
    const p = da[3 * s + 1]!;
    if (p >= 0) kids[p]!.push(s);
  }
  const out: Array<[string, string, boolean]> = [];
  const keys = new Map<number, string>([[0, '']]);
  const queue = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    const key = keys.get(s)!;
    const v = da[3 * s + 2]!;
    if (s !== 0 && v >= 0) out.push([key, valueString(t, v), (v & 1) === 1]);
    for (const c of kids[s]!) {
      keys.set(c, key + String.fromCharCode(alpha[c - da[3 * s]! - 1]!));
      queue.push(c);
    }
  }
  return out;
}
