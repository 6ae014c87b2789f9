import { makeTrie, verifyTrie, type Trie } from './trie';
import { isSupportedPair, type Variant } from './variants';

/** Binary format version written by scripts/build-dicts.mjs (FORMAT_VERSION there). */
export const DICT_FORMAT_VERSION = 3;
const MAGIC = [0x4b, 0x4a, 0x44, 0x54]; // "KJDT"
const ENDIAN_MARK = 0x01020304;

/**
 * One conversion direction, ready to convert with: the stages of opencc-js's converter for the
 * same {from, to}, each a Trie. Immutable; share it between converters.
 */
export interface CompiledDict {
  readonly from: Variant;
  readonly to: Variant;
  /** OpenCC config name, e.g. 's2tw'. */
  readonly config: string;
  /** Where the data came from, e.g. { package: 'opencc-js', version: '1.4.2' }. */
  readonly source: { readonly package: string; readonly version: string };
  /** Applied to the whole text first, in order (CJK compatibility ideographs). */
  readonly normalize: readonly Trie[];
  /** Splits the text into segments before the chain; null when fused or when there is none. */
  readonly segment: Trie | null;
  /** The first chain trie also segments (its keys with the seg bit are the segmentation keys). */
  readonly fused: boolean;
  /** Applied to every segment, in order. */
  readonly chain: readonly Trie[];
  /** anyStart[u]: bit 1 when some key of some stage starts with code unit u, bit 2 when a key of
   * a normalize stage does (a text without such units skips normalization: nothing can match). */
  readonly anyStart: Uint8Array;
  /** Size of the file parsed. */
  readonly byteLength: number;
}

type Slot = [number, number];
interface TrieHeader {
  nodes: number;
  keys: number;
  da: Slot;
  valueStart: Slot;
  alpha: Slot;
  valueUnits: Slot;
}
interface Header {
  v: number;
  from: string;
  to: string;
  config: string;
  source: { package: string; version: string };
  normalize: number[];
  segment: number | null;
  fused: boolean;
  chain: number[];
  tries: TrieHeader[];
}

function bad(why: string): never {
  throw new Error(`kanjian: not a valid kanjian dictionary file: ${why}`);
}

const isIndexList = (x: unknown): x is number[] => Array.isArray(x) && x.every((i) => Number.isInteger(i) && i >= 0);

/**
 * Reads a compiled dictionary (public/dict/<from>-<to>.bin). No copy of the big arrays when the
 * bytes are 4-byte aligned: the tries are views on the same buffer. Throws on anything malformed.
 * Pure: no Node or browser API, so it runs in the extension, in workers and in Node alike.
 */
export function parseDict(bytes: Uint8Array | ArrayBuffer): CompiledDict {
  let u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (u8.byteLength < 12) bad('too short');
  for (let i = 0; i < 4; i++) if (u8[i] !== MAGIC[i]) bad('wrong magic number');
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (dv.getUint32(4, true) !== ENDIAN_MARK) bad('wrong byte-order mark');
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    throw new Error('kanjian: dictionaries are little-endian; this platform is big-endian');
  }
  const jsonLen = dv.getUint32(8, true);
  const dataStart = 12 + jsonLen;
  if (jsonLen % 4 !== 0 || dataStart > u8.byteLength) bad('header length');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(u8.subarray(12, dataStart))) as Header;
  } catch {
    bad('header is not JSON');
  }
  if (header.v !== DICT_FORMAT_VERSION) {
    bad(`format version ${String(header.v)}, this kanjian reads ${DICT_FORMAT_VERSION} (rebuild: node scripts/build-dicts.mjs)`);
  }
  if (!isSupportedPair(header.from, header.to)) bad(`unknown direction ${header.from}→${header.to}`);
  if (!Array.isArray(header.tries) || !isIndexList(header.normalize) || !isIndexList(header.chain)) bad('stage list');
  if (header.segment !== null && !isIndexList([header.segment])) bad('segment stage');
  if (header.fused && (header.segment !== null || header.chain.length === 0)) bad('fused without a chain');

  // Typed-array views need aligned offsets; copy once when the caller's bytes are not aligned.
  if ((u8.byteOffset + dataStart) % 4 !== 0) u8 = u8.slice();
  const data = u8.byteOffset + dataStart;
  const dataLen = u8.byteLength - dataStart;
  const view = <T>(slot: Slot, size: number, make: (buf: ArrayBufferLike, off: number, len: number) => T): T => {
    const [off, len] = slot;
    if (!Number.isInteger(off) || !Number.isInteger(len) || off < 0 || len < 0 || off % 4 !== 0 || off + len * size > dataLen) {
      bad('array out of range');
    }
    return make(u8.buffer, data + off, len);
  };
  const tries: Trie[] = header.tries.map((t, i) =>
    makeTrie(
      {
        da: view(t.da, 4, (b, o, l) => new Int32Array(b, o, l)),
        valueStart: view(t.valueStart, 4, (b, o, l) => new Int32Array(b, o, l)),
        alpha: view(t.alpha, 2, (b, o, l) => new Uint16Array(b, o, l)),
        valueUnits: view(t.valueUnits, 2, (b, o, l) => new Uint16Array(b, o, l)),
        keyCount: t.keys,
      },
      `${header.from}-${header.to} trie ${i}`,
    ),
  );
  const pick = (i: number): Trie => tries[i] ?? bad(`no trie ${i}`);
  const normalize = header.normalize.map(pick);
  const segment = header.segment === null ? null : pick(header.segment);
  const chain = header.chain.map(pick);
  const anyStart = new Uint8Array(0x10000);
  const mark = (t: Trie, bits: number): void => {
    // Units that start a key: those whose code leads from the root (slot 0).
    const rootBase = t.da[0]!;
    for (let c = 1; c <= t.alpha.length; c++) {
      const u = t.alpha[c - 1]!;
      if (t.da[3 * (rootBase + c) + 1] === 0) anyStart[u] = anyStart[u]! | bits;
    }
  };
  for (const t of normalize) mark(t, 3);
  for (const t of [...(segment ? [segment] : []), ...chain]) mark(t, 1);
  return {
    from: header.from as Variant,
    to: header.to as Variant,
    config: header.config,
    source: header.source,
    normalize,
    segment,
    fused: header.fused,
    chain,
    anyStart,
    byteLength: bytes.byteLength,
  };
}

/** Full structural check of every trie of a parsed dictionary (O(size); tests and tools). */
export function verifyDict(d: CompiledDict): void {
  const all = [...d.normalize, ...(d.segment ? [d.segment] : []), ...d.chain];
  all.forEach((t, i) => verifyTrie(t, `${d.from}-${d.to} trie ${i}`));
}
