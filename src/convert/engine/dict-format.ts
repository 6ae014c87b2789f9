/**
 * The compiled dictionary file (public/dict/<from>-<to>.bin), both ways: serializeDict writes it
 * (scripts/build-dicts.mjs, through dict-compile.ts), parseDict reads it (extension, CLI, tests).
 *
 *   "KJDT" | u32 ENDIAN_MARK | u32 headerBytes | header JSON (UTF-8, space-padded to 4) | data
 *
 * All little-endian. The header names the direction, its stages as trie indexes, and each trie's
 * arrays as [byteOffset, length] into data (4-byte aligned). See docs/convert-engine.md.
 */
import { makeTrie, verifyTrie, type BuiltTrie, type Trie } from './trie';
import { isSupportedPair, type Variant } from './variants';

/** Bump when the layout changes: parseDict rejects other versions (rebuild with build-dicts). */
export const DICT_FORMAT_VERSION = 4;
const MAGIC = 'KJDT';
/** Written as a little-endian u32 after the magic; reads differently on a big-endian machine. */
const ENDIAN_MARK = 0x01020304;

/** File name of a direction's compiled dictionary under public/dict/, e.g. 'cn-tw.bin'. */
export function dictFileName(from: Variant, to: Variant): string {
  if (!isSupportedPair(from, to)) throw new RangeError(`kanjian: unsupported conversion ${from}→${to}`);
  return `${from}-${to}.bin`;
}

/** Where the data came from, e.g. { package: 'opencc-js', version: '1.4.2' }. */
export interface DictSource {
  readonly package: string;
  readonly version: string;
}

/** One direction as plain data, before it is written: what a .bin file holds. */
export interface DictPlan {
  from: Variant;
  to: Variant;
  /** OpenCC config name, e.g. 's2tw'. */
  config: string;
  /** Stages as indexes into tries (see CompiledDict). */
  normalize: number[];
  segment: number | null;
  fused: boolean;
  chain: number[];
  tries: BuiltTrie[];
}

/**
 * One conversion direction, ready to convert with: the stages of opencc-js's converter for the
 * same {from, to}, each a Trie. Immutable; share it between converters.
 */
export interface CompiledDict {
  readonly from: Variant;
  readonly to: Variant;
  /** OpenCC config name, e.g. 's2tw'. */
  readonly config: string;
  readonly source: DictSource;
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

type Slot = [byteOffset: number, length: number];
/** Key order matters: the header is JSON, and the same plan must give the same bytes. */
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
  source: DictSource;
  normalize: number[];
  segment: number | null;
  fused: boolean;
  chain: number[];
  tries: TrieHeader[];
}

const align4 = (n: number): number => (n + 3) & ~3;
const littleEndianHost = (): boolean => new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Writes one direction's file. Deterministic: the same plan and source give the same bytes. */
export function serializeDict(plan: DictPlan, source: DictSource): Uint8Array {
  // Typed arrays are written in platform order; the format is little-endian.
  if (!littleEndianHost()) throw new Error('kanjian: dictionaries are written on little-endian machines only');
  const chunks: Array<{ at: number; bytes: Uint8Array }> = [];
  let offset = 0;
  const place = (arr: Int32Array | Uint16Array): Slot => {
    const at = offset;
    const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    chunks.push({ at, bytes });
    offset = align4(offset + bytes.byteLength);
    return [at, arr.length];
  };
  const tries: TrieHeader[] = plan.tries.map((t) => ({
    nodes: t.nodes,
    keys: t.keyCount,
    da: place(t.da),
    valueStart: place(t.valueStart),
    alpha: place(t.alpha),
    valueUnits: place(t.valueUnits),
  }));
  const header: Header = {
    v: DICT_FORMAT_VERSION,
    from: plan.from,
    to: plan.to,
    config: plan.config,
    source: { package: source.package, version: source.version },
    normalize: plan.normalize,
    segment: plan.segment,
    fused: plan.fused,
    chain: plan.chain,
    tries,
  };
  const enc = new TextEncoder();
  let json = JSON.stringify(header);
  const unpadded = enc.encode(json).length;
  json += ' '.repeat(align4(unpadded) - unpadded);
  const jsonBytes = enc.encode(json);
  const dataStart = 12 + jsonBytes.length;
  const out = new Uint8Array(dataStart + offset);
  out.set(enc.encode(MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, ENDIAN_MARK, true);
  dv.setUint32(8, jsonBytes.length, true);
  out.set(jsonBytes, 12);
  for (const { at, bytes } of chunks) out.set(bytes, dataStart + at);
  return out;
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
  for (let i = 0; i < 4; i++) if (u8[i] !== MAGIC.charCodeAt(i)) bad('wrong magic number');
  const dv = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  if (dv.getUint32(4, true) !== ENDIAN_MARK) bad('wrong byte-order mark');
  if (!littleEndianHost()) {
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
    // Units that start a key.
    for (const u of t.alpha) if (t.starts[u] === 1) anyStart[u] = anyStart[u]! | bits;
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
