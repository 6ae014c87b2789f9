/**
 * Build side of the dictionaries: turns the stages of one conversion direction, as key/value
 * pairs, into the bytes of its .bin file. scripts/build-dicts.mjs reads the pairs out of
 * opencc-js and bundles this module (with esbuild) to lay them out, so the compiled files and
 * the run-time user phrase tables share one trie builder (trie.ts) and one format (dict-format.ts).
 * Not part of the extension: nothing at run time imports it.
 */
import { DICT_FORMAT_VERSION, dictFileName, serializeDict, type DictPlan, type DictSource } from './dict-format';
import { buildTrieArrays, type BuiltTrie, type TrieEntry } from './trie';
import { SUPPORTED_PAIRS, type Variant } from './variants';

export { DICT_FORMAT_VERSION, dictFileName, SUPPORTED_PAIRS };

export type Pairs = ReadonlyArray<readonly [key: string, value: string]>;

/** The tries of opencc-js's converter for one direction, as the [key, value] pairs they hold. */
export interface DirectionStages {
  /** OpenCC config name, e.g. 's2tw'. */
  config: string;
  /** Each applied to the whole text first, in order. */
  normalization: Pairs[];
  /** Splits the text into segments (longest match), or null. */
  segmentation: Pairs | null;
  /** Applied to every segment, in order. */
  chain: Pairs[];
}

/** Built tries by their entries: directions share dictionary groups (STPhrases, TSCharacters …). */
export type TrieCache = Map<string, BuiltTrie>;

const isIdsOperator = (key: string): boolean => {
  const u = key.charCodeAt(0);
  return u >= 0x2ff0 && u <= 0x2fff;
};
const cpLength = (s: string): number => [...s].length;

/**
 * Whether segmenting with S and then converting each segment with G1 gives the same pieces as one
 * longest-match pass of G1 over the whole text that marks S keys as segment boundaries
 * (proof in docs/convert-engine.md): keys(S) ⊆ keys(G1), every other G1 key is one code point,
 * and no key starts with an ideographic description character.
 */
export function canFuse(segPairs: Pairs, g1Pairs: Pairs): boolean {
  const g1 = new Map(g1Pairs);
  for (const [k] of segPairs) {
    if (!g1.has(k)) return false;
    if (isIdsOperator(k)) return false;
  }
  const seg = new Set(segPairs.map(([k]) => k));
  for (const [k] of g1Pairs) {
    if (isIdsOperator(k)) return false;
    if (!seg.has(k) && cpLength(k) !== 1) return false;
  }
  return true;
}

/**
 * The plan of one direction: normalization tries, then either a segmentation trie (values empty:
 * only "a key ends here" matters) or a fused first chain trie that carries the segmentation keys
 * as its seg bit, then the chain tries.
 */
export function compilePlan(from: Variant, to: Variant, stages: DirectionStages, cache: TrieCache = new Map()): DictPlan {
  const tries: BuiltTrie[] = [];
  const add = (entries: TrieEntry[]): number => {
    const key = JSON.stringify(entries);
    let t = cache.get(key);
    if (!t) {
      t = buildTrieArrays(entries);
      cache.set(key, t);
    }
    tries.push(t);
    return tries.length - 1;
  };
  const plain = (pairs: Pairs): TrieEntry[] => pairs.map(([k, v]) => [k, v, false]);
  const normalize = stages.normalization.map((pairs) => add(plain(pairs)));
  let segment: number | null = null;
  let fused = false;
  const chain: number[] = [];
  const seg = stages.segmentation;
  const first = stages.chain[0];
  if (seg) {
    if (first && canFuse(seg, first)) {
      fused = true;
      const segKeys = new Set(seg.map(([k]) => k));
      chain.push(add(first.map(([k, v]) => [k, v, segKeys.has(k)])));
    } else {
      segment = add(seg.map(([k]) => [k, '', true]));
    }
  }
  for (let i = chain.length; i < stages.chain.length; i++) chain.push(add(plain(stages.chain[i]!)));
  return { from, to, config: stages.config, normalize, segment, fused, chain, tries };
}

/** The bytes of one direction's .bin file. */
export function compileDict(from: Variant, to: Variant, stages: DirectionStages, source: DictSource, cache?: TrieCache): Uint8Array {
  return serializeDict(compilePlan(from, to, stages, cache), source);
}
