/**
 * A longest-match dictionary as a UTF-16 code-unit trie in an interleaved double array: the layout
 * of the compiled dictionaries (see docs/convert-engine.md), made by buildTrieArrays below.
 *
 *   code[u]      code of code unit u in this trie's alphabet, 1..K; 0 when no key contains u
 *   da[2s]       label and base of slot s: (label << baseBits) | base. The child of s by code c is
 *                slot base + c, and it is s's child if its label is c. Bases are unique among the
 *                nodes with children and at least 1, so a label match can only be s's own child; a
 *                leaf has base 0 and no child matches it. The root (slot 0) and free slots have label 0.
 *   da[2s+1]     value of slot s: -1 when no key ends here, else (payload << 2) | inline << 1 | segBit
 *
 * One transition reads one 8-byte record, which also holds the next base and the value: one cache
 * miss per character where a sorted-children layout costs two or three. (Format 3 kept the parent's
 * slot as a third word: 12 bytes a slot, a third more to fetch before the first conversion.) A value
 * of one code unit (most character mappings) is the payload itself (inline = 1); a longer or empty
 * value is valueUnits[valueStart[id] .. valueStart[id+1]) with id = payload. The segBit marks the
 * segmentation dictionary's keys where segmentation is fused into this trie.
 */
export interface Trie {
  readonly da: Int32Array;
  /** Bits of a slot's base in da[2s]; the label takes the rest (just enough for codes 1..K). */
  readonly baseBits: number;
  /** (1 << baseBits) - 1. */
  readonly baseMask: number;
  readonly code: Uint16Array;
  /** starts[u] = 1 when some key starts with code unit u (64 KiB): elsewhere no match can begin. */
  readonly starts: Uint8Array;
  readonly alpha: Uint16Array;
  readonly valueStart: Int32Array;
  readonly valueUnits: Uint16Array;
  /** Number of slots (da.length / 2). */
  readonly slots: number;
  readonly keyCount: number;
}

/** Bits of a base in a trie of alphabet size k: 32 minus the bits a label of 1..k needs. */
export function baseBitsFor(k: number): number {
  return Math.min(31, Math.clz32(k));
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
  if (da.length < 2 || da.length % 2 !== 0) fail('slot table size');
  const slots = da.length / 2;
  const k = alpha.length;
  const baseBits = baseBitsFor(k);
  const baseMask = 2 ** baseBits - 1;
  const valueCount = valueStart.length - 1;
  if (valueCount < 0 || valueStart[0] !== 0 || valueStart[valueCount] !== valueUnits.length) fail('value table');
  const rootBase = da[0]! & baseMask;
  if (da[0]! >>> baseBits !== 0 || rootBase < 1 || rootBase + k >= slots) fail('root slot');
  const code = new Uint16Array(0x10000);
  const starts = new Uint8Array(0x10000);
  for (let i = 0; i < k; i++) {
    const u = alpha[i]!;
    if (code[u] !== 0) fail('alphabet repeats a code unit');
    code[u] = i + 1;
    if (da[2 * (rootBase + i + 1)]! >>> baseBits === i + 1) starts[u] = 1;
  }
  return { da, baseBits, baseMask, code, starts, alpha, valueStart, valueUnits, slots, keyCount: a.keyCount };
}

/** Checks every slot and value of a trie (tests and tools; O(size)). Throws on the first problem. */
export function verifyTrie(t: Trie, what = 'trie'): void {
  const fail = (why: string): never => {
    throw new Error(`kanjian: bad dictionary (${what}): ${why}`);
  };
  const { da, valueStart, slots, baseBits, baseMask } = t;
  const k = t.alpha.length;
  const valueCount = valueStart.length - 1;
  for (let v = 0; v < valueCount; v++) if (valueStart[v]! > valueStart[v + 1]!) fail('value order');
  // Bases of the nodes with children: unique, so that a label names one parent.
  const ownerOf = new Map<number, number>();
  const hasChild = new Uint8Array(slots);
  for (let s = 0; s < slots; s++) {
    const base = da[2 * s]! & baseMask;
    const label = da[2 * s]! >>> baseBits;
    const value = da[2 * s + 1]!;
    // Every child lookup base + code (code ≤ K) must stay inside the table.
    if (base < 0 || base + k >= slots) fail(`base of slot ${s}`);
    if (s !== 0 && label === 0) {
      if (base !== 0 || value !== -1) fail(`free slot ${s}`);
      continue;
    }
    if (base !== 0) {
      if (ownerOf.has(base)) fail(`base of slot ${s} repeats`);
      ownerOf.set(base, s);
    }
    if (value < -1 || (value >= 0 && (value & 2) === 0 && value >>> 2 >= valueCount)) fail(`value of slot ${s}`);
    if (value >= 0 && (value & 2) !== 0 && value >>> 2 > 0xffff) fail(`inline value of slot ${s}`);
  }
  for (let s = 1; s < slots; s++) {
    const label = da[2 * s]! >>> baseBits;
    if (label === 0) continue;
    if (label > k || s - label < 1) fail(`label of slot ${s}`);
    const parent = ownerOf.get(s - label);
    if (parent === undefined) fail(`parent of slot ${s}`);
    hasChild[parent!] = 1;
  }
  // A node with a base but no child would still be reached by nothing; keep the table exact.
  for (const [, s] of ownerOf) if (s !== 0 && hasChild[s] === 0) fail(`slot ${s} has a base but no child`);
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
  let label = new Int32Array(cap);
  let used = new Uint8Array(cap);
  const grow = (min: number): void => {
    if (min < cap) return;
    let next = cap;
    while (next <= min) next *= 2;
    const b2 = new Int32Array(next);
    b2.set(base);
    const l2 = new Int32Array(next);
    l2.set(label);
    const u2 = new Uint8Array(next);
    u2.set(used);
    base = b2;
    label = l2;
    used = u2;
    cap = next;
  };
  used[0] = 1;
  // A base names one parent (children are told by their label), and 0 is the leaves'.
  const baseTaken = new Set<number>([0]);
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
    while (used[firstFree] === 1) {
      firstFree++;
      grow(firstFree);
    }
    // First fit: the lowest unused base whose slots for every child code are free.
    let f = firstFree;
    let b: number;
    for (;;) {
      b = f - c0;
      if (b >= 1 && !baseTaken.has(b)) {
        grow(b + kids[kids.length - 1]![0]);
        let ok = true;
        for (const [c] of kids) {
          if (used[b + c] === 1) {
            ok = false;
            break;
          }
        }
        if (ok) break;
      }
      do {
        f++;
        grow(f);
      } while (used[f] === 1);
    }
    base[slot] = b;
    baseTaken.add(b);
    for (const [c, kid] of kids) {
      const t = b + c;
      used[t] = 1;
      label[t] = c;
      if (t > maxSlot) maxSlot = t;
      queue.push(kid);
      slotOf.push(t);
    }
  }
  if (queue.length === 1) {
    // No key: the root still needs a base of its own (≥ 1) inside the table.
    base[0] = 1;
  }
  let maxBase = 0;
  for (let s = 0; s <= maxSlot; s++) if (base[s]! > maxBase) maxBase = base[s]!;
  const size = Math.max(maxSlot + 1, maxBase + k + 1);
  const baseBits = baseBitsFor(k);
  if (size > 2 ** baseBits) throw new Error('kanjian: trie too large for its alphabet');
  const da = new Int32Array(size * 2);
  for (let s = 0; s < size; s++) {
    da[2 * s] = s < cap ? (label[s]! << baseBits) | base[s]! : 0;
    da[2 * s + 1] = -1;
  }
  const ids = new Map<string, number>();
  const strings: string[] = [];
  queue.forEach((node, qi) => {
    if (node.value === undefined || qi === 0) return;
    const segBit = node.seg ? 1 : 0;
    if (node.value.length === 1) {
      // One code unit (most character mappings): kept in the slot, no value-table lookup.
      da[2 * slotOf[qi]! + 1] = (node.value.charCodeAt(0) << 2) | 2 | segBit;
      return;
    }
    let id = ids.get(node.value);
    if (id === undefined) {
      id = strings.length;
      ids.set(node.value, id);
      strings.push(node.value);
    }
    da[2 * slotOf[qi]! + 1] = (id << 2) | segBit;
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
  const { da, alpha, slots, baseBits, baseMask } = t;
  const ownerOf = new Map<number, number>();
  for (let s = 0; s < slots; s++) {
    const b = da[2 * s]! & baseMask;
    if (b !== 0) ownerOf.set(b, s); // free slots and leaves have base 0
  }
  const kids: number[][] = Array.from({ length: slots }, () => []);
  for (let s = 1; s < slots; s++) {
    const c = da[2 * s]! >>> baseBits;
    const p = c === 0 ? undefined : ownerOf.get(s - c);
    if (p !== undefined) kids[p]!.push(s);
  }
  const out: Array<[string, string, boolean]> = [];
  const keys = new Map<number, string>([[0, '']]);
  const queue = [0];
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    const key = keys.get(s)!;
    const v = da[2 * s + 1]!;
    if (s !== 0 && v >= 0) out.push([key, valueString(t, v), (v & 1) === 1]);
    for (const c of kids[s]!) {
      keys.set(c, key + String.fromCharCode(alpha[(da[2 * c]! >>> baseBits) - 1]!));
      queue.push(c);
    }
  }
  return out;
}
