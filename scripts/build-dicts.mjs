#!/usr/bin/env node
// kanjian dictionary compiler: reads opencc-js's own dictionaries and conversion configs and writes
// one compact binary file per conversion direction into public/dict/ (see docs/convert-engine.md).
//
// Plain Node ESM on purpose: it runs before anything is compiled (npm "prepare").
//
//   node scripts/build-dicts.mjs                 write public/dict/*.bin (skips unchanged files)
//   node scripts/build-dicts.mjs --out DIR       write somewhere else
//   node scripts/build-dicts.mjs --check         exit 1 if public/dict is missing or stale
//   node scripts/build-dicts.mjs --script-chars  also regenerate src/convert/engine/script-chars.ts
//
// Equivalence with opencc-js comes from building opencc-js's own Trie objects with the exact calls
// its Converter makes (Trie.loadDictGroup / loadDict, same order) and serialising what those tries
// contain, instead of re-parsing the dictionary text ourselves.

import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

export const FORMAT_VERSION = 3;
export const MAGIC = 'KJDT';
/** Written as a little-endian u32 after the magic; reads differently on a big-endian machine. */
export const ENDIAN_MARK = 0x01020304;

/** Conversion directions compiled, as [from, to] in opencc-js's locale names. */
export const PAIRS = [
  ['cn', 'tw'],
  ['cn', 'twp'],
  ['cn', 'hk'],
  ['cn', 't'],
  ['tw', 'cn'],
  ['twp', 'cn'],
  ['hk', 'cn'],
  ['t', 'cn'],
  // OpenCC's own Traditional-to-Traditional configs (t2tw, tw2t, t2hk, hk2t): small, and they let the
  // differential tests cover every OpenCC test case whose locales kanjian knows.
  ['t', 'tw'],
  ['tw', 't'],
  ['t', 'hk'],
  ['hk', 't'],
];

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

export function dictFileName(from, to) {
  return `${from}-${to}.bin`;
}

/** opencc-js's ConverterBuilder.getConfigName, verbatim in behaviour. */
export function configName(from, to) {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') {
    if (from === 'hkp') return 'hk2sp';
    return from === 'twp' ? 'tw2sp' : `${from}2s`;
  }
  return `${from}2${to}`;
}

export function openccVersion() {
  const require = createRequire(import.meta.url);
  const pkgPath = join(dirname(require.resolve('opencc-js')), '..', '..', 'package.json');
  return JSON.parse(readFileSync(pkgPath, 'utf8')).version;
}

/** opencc-js tries by the dictionaries they load (directions share groups such as STPhrases). */
const openccTrieCache = new Map();
function openccTrie(kind, dicts) {
  const key = `${kind}\u0000${dicts.join('\u0001')}`;
  let t = openccTrieCache.get(key);
  if (!t) {
    t = new OpenCC.Trie();
    if (kind === 'group') t.loadDictGroup(dicts);
    else t.loadDict(dicts[0]);
    openccTrieCache.set(key, t);
  }
  return t;
}

function isStringArray(x) {
  return Array.isArray(x) && x.every((d) => typeof d === 'string');
}

/**
 * The tries opencc-js's Converter({from, to}) builds, made with opencc-js's own Trie class.
 * Mirrors ConverterBuilder → ConverterFactoryWithSegmentation (+ ConverterFactory for the
 * normalization chain). Only the config path is supported: every compiled pair has a config.
 */
export function openccTries(from, to) {
  const name = configName(from, to);
  const config = OpenCC.Locale.configs?.[name];
  if (!config) throw new Error(`opencc-js has no config ${name} for ${from}→${to}`);
  const normalization = [];
  for (const group of config.normalizationChain ?? []) {
    // ConverterFactory(...normalizationChain): each argument here is a dictionary group (array of
    // serialised dictionaries) and becomes one trie; anything else would need its normaliser.
    if (!isStringArray(group)) throw new Error(`${name}: unexpected normalizationChain shape`);
    normalization.push(openccTrie('group', group));
  }
  let segmentation = null;
  if (config.segmentation) {
    segmentation = isStringArray(config.segmentation)
      ? openccTrie('group', config.segmentation)
      : openccTrie('dict', [config.segmentation]);
  }
  const chain = config.conversionChain.map((group) => openccTrie('group', group));
  return { name, normalization, segmentation, chain };
}

/** Every [key, value] an opencc-js Trie holds (the root's own value is never matched: skipped). */
const pairsCache = new WeakMap();
export function triePairs(trie) {
  const cached = pairsCache.get(trie);
  if (cached) return cached;
  const out = [];
  const walk = (map, prefix) => {
    for (const [cp, child] of map) {
      if (cp >= 0xd800 && cp <= 0xdfff) {
        // A lone surrogate in a key would match differently by code unit than by code point.
        throw new Error(`dictionary key contains a lone surrogate U+${cp.toString(16)}`);
      }
      const key = prefix + String.fromCodePoint(cp);
      if (typeof child.trie_val !== 'undefined') out.push([key, child.trie_val]);
      walk(child, key);
    }
  };
  walk(trie.map, '');
  pairsCache.set(trie, out);
  return out;
}

const isIdsOperator = (key) => {
  const u = key.charCodeAt(0);
  return u >= 0x2ff0 && u <= 0x2fff;
};
const cpLength = (s) => [...s].length;

/**
 * Whether segmenting with S and then converting each segment with G1 gives the same pieces as one
 * longest-match pass of G1 over the whole text that marks S keys as segment boundaries
 * (proof in docs/convert-engine.md): keys(S) ⊆ keys(G1), every other G1 key is one code point,
 * and no key starts with an ideographic description character.
 */
export function canFuse(segPairs, g1Pairs) {
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
 * A UTF-16 code-unit trie as an interleaved double array (see docs/convert-engine.md):
 *   alpha[c-1]   the code unit with code c (codes 1..K, most frequent edge labels first)
 *   da[3s]       base of slot s: its child by code c is slot base + c
 *   da[3s+1]     check of slot s: its parent's slot (-1 free, -2 the root, slot 0)
 *   da[3s+2]     value of slot s: -1 when no key ends here, else (payload << 2) | inline << 1 | segBit,
 *                where payload is the value itself when it is one code unit (inline = 1), else
 *                its id in the value table (inline = 0)
 * Padded so that base + K never runs past the end. Values are deduplicated UTF-16 strings.
 * entries: [key, value, seg] with seg 0|1; later duplicates replace earlier ones.
 * Deterministic (same entries → same bytes). Keep in step with buildTrie in src/convert/engine/trie.ts.
 */
export function buildTrie(entries) {
  const top = { kids: new Map(), value: undefined, seg: 0 };
  let keys = 0;
  for (const [key, value, seg] of entries) {
    if (key.length === 0) continue;
    let node = top;
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      let next = node.kids.get(u);
      if (!next) {
        next = { kids: new Map(), value: undefined, seg: 0 };
        node.kids.set(u, next);
      }
      node = next;
    }
    if (node.value === undefined) keys++;
    node.value = value;
    node.seg = seg;
  }
  // Alphabet: edge labels by descending frequency, then by code unit.
  const freq = new Map();
  const count = (node) => {
    for (const [u, kid] of node.kids) {
      freq.set(u, (freq.get(u) ?? 0) + 1);
      count(kid);
    }
  };
  count(top);
  const alphaList = [...freq.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([u]) => u);
  if (alphaList.length >= 0xffff) throw new Error('alphabet too large');
  const codeOf = new Map(alphaList.map((u, i) => [u, i + 1]));
  const K = alphaList.length;

  let cap = 1024;
  let base = new Int32Array(cap);
  let check = new Int32Array(cap).fill(-1);
  const grow = (min) => {
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
  const slotOf = [];
  const queue = [top];
  slotOf.push(0);
  let firstFree = 1;
  let maxSlot = 0;
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi];
    const slot = slotOf[qi];
    if (node.kids.size === 0) continue;
    const kids = [...node.kids.entries()].map(([u, kid]) => [codeOf.get(u), kid]).sort((x, y) => x[0] - y[0]);
    const c0 = kids[0][0];
    while (check[firstFree] !== -1) {
      firstFree++;
      grow(firstFree);
    }
    // First fit: the lowest base whose slots for every child code are free.
    let f = firstFree;
    let b;
    for (;;) {
      b = f - c0;
      if (b >= 0) {
        grow(b + kids[kids.length - 1][0]);
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
  for (let s = 0; s <= maxSlot; s++) if (base[s] > maxBase) maxBase = base[s];
  const size = Math.max(maxSlot + 1, maxBase + K + 1);
  const da = new Int32Array(size * 3);
  for (let s = 0; s < size; s++) {
    da[3 * s] = s < cap ? base[s] : 0;
    da[3 * s + 1] = s < cap ? check[s] : -1;
    da[3 * s + 2] = -1;
  }
  const valueIds = new Map();
  const valueStrings = [];
  queue.forEach((node, qi) => {
    if (node.value === undefined || qi === 0) return;
    if (node.value.length === 1) {
      // One code unit (most character mappings): kept in the slot, no value-table lookup.
      da[3 * slotOf[qi] + 2] = (node.value.charCodeAt(0) << 2) | 2 | node.seg;
      return;
    }
    let id = valueIds.get(node.value);
    if (id === undefined) {
      id = valueStrings.length;
      valueIds.set(node.value, id);
      valueStrings.push(node.value);
    }
    da[3 * slotOf[qi] + 2] = (id << 2) | node.seg;
  });
  const valueStart = new Int32Array(valueStrings.length + 1);
  let units = 0;
  valueStrings.forEach((str, i) => {
    valueStart[i] = units;
    units += str.length;
  });
  valueStart[valueStrings.length] = units;
  const valueUnits = new Uint16Array(units);
  valueStrings.forEach((str, i) => {
    const at = valueStart[i];
    for (let j = 0; j < str.length; j++) valueUnits[at + j] = str.charCodeAt(j);
  });
  return { slots: size, nodes: queue.length, alpha: Uint16Array.from(alphaList), da, valueStart, valueUnits, keys };
}

/** The stages of one direction, as plain data (what the binary file holds). */
const builtTrieCache = new Map();

export function compilePlan(from, to) {
  const { name, normalization, segmentation, chain } = openccTries(from, to);
  const tries = [];
  const add = (entries) => {
    const key = JSON.stringify(entries);
    let t = builtTrieCache.get(key);
    if (!t) {
      t = buildTrie(entries);
      builtTrieCache.set(key, t);
    }
    tries.push(t);
    return tries.length - 1;
  };
  const normalize = normalization.map((t) => add(triePairs(t).map(([k, v]) => [k, v, 0])));
  let segment = null;
  let fused = false;
  const chainIdx = [];
  const chainPairs = chain.map(triePairs);
  if (segmentation) {
    const segPairs = triePairs(segmentation);
    if (chainPairs.length > 0 && canFuse(segPairs, chainPairs[0])) {
      // Fused: the first chain trie carries the segmentation as a flag on S's keys.
      fused = true;
      const segKeys = new Set(segPairs.map(([k]) => k));
      chainIdx.push(add(chainPairs[0].map(([k, v]) => [k, v, segKeys.has(k) ? 1 : 0])));
    } else {
      // Only whether a key matched matters for segmentation: every value is the empty string.
      segment = add(segPairs.map(([k]) => [k, '', 1]));
    }
  }
  for (let i = chainIdx.length; i < chainPairs.length; i++) {
    chainIdx.push(add(chainPairs[i].map(([k, v]) => [k, v, 0])));
  }
  return { from, to, config: name, normalize, segment, fused, chain: chainIdx, tries };
}

const align4 = (n) => (n + 3) & ~3;

/**
 * Binary layout (little-endian):
 *   "KJDT" | u32 ENDIAN_MARK | u32 headerBytes | header JSON (UTF-8, space-padded to 4) | data
 * The header names each trie's arrays as [byteOffset, length] into data (4-byte aligned).
 */
export function serialize(plan, source) {
  const chunks = [];
  let offset = 0;
  const place = (arr) => {
    const at = offset;
    const bytes = new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength);
    chunks.push({ at, bytes });
    offset = align4(offset + bytes.byteLength);
    return [at, arr.length];
  };
  const tries = plan.tries.map((t) => ({
    nodes: t.nodes,
    keys: t.keys,
    da: place(t.da),
    valueStart: place(t.valueStart),
    alpha: place(t.alpha),
    valueUnits: place(t.valueUnits),
  }));
  const header = {
    v: FORMAT_VERSION,
    from: plan.from,
    to: plan.to,
    config: plan.config,
    source,
    normalize: plan.normalize,
    segment: plan.segment,
    fused: plan.fused,
    chain: plan.chain,
    tries,
  };
  let json = JSON.stringify(header);
  const enc = new TextEncoder();
  let jsonBytes = enc.encode(json);
  const padded = align4(jsonBytes.length);
  json += ' '.repeat(padded - jsonBytes.length);
  jsonBytes = enc.encode(json);
  const dataStart = 12 + jsonBytes.length;
  const out = new Uint8Array(dataStart + offset);
  out.set(enc.encode(MAGIC), 0);
  const dv = new DataView(out.buffer);
  dv.setUint32(4, ENDIAN_MARK, true);
  dv.setUint32(8, jsonBytes.length, true);
  out.set(jsonBytes, 12);
  // Typed arrays are in platform order; this compiler only runs on little-endian machines.
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new Error('big-endian build host');
  for (const { at, bytes } of chunks) out.set(bytes, dataStart + at);
  return out;
}

/** Compiles one direction in memory: the bytes of its .bin file. */
export function compileDirection(from, to) {
  const source = { package: 'opencc-js', version: openccVersion() };
  return serialize(compilePlan(from, to), source);
}

/** Compiles every direction: Map of file name → bytes. */
export function compileAll() {
  const out = new Map();
  for (const [from, to] of PAIRS) out.set(dictFileName(from, to), compileDirection(from, to));
  return out;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Writes every direction into outDir (atomically: temp file + rename, so parallel test workers
 * never see half a file). Returns the names written; unchanged files are left alone.
 */
export function writeAll(outDir = join(repoRoot, 'public', 'dict')) {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const [name, bytes] of compileAll()) {
    const target = join(outDir, name);
    if (existsSync(target) && sameBytes(readFileSync(target), bytes)) continue;
    const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
    written.push(name);
  }
  return written;
}

/** Names of files in outDir that are missing or differ from a fresh compile. */
export function staleFiles(outDir = join(repoRoot, 'public', 'dict')) {
  const stale = [];
  for (const [name, bytes] of compileAll()) {
    const target = join(outDir, name);
    if (!existsSync(target) || !sameBytes(readFileSync(target), bytes)) stale.push(name);
  }
  return stale;
}

// ---------------------------------------------------------------------------------------------
// Script detection tables (src/convert/engine/script-chars.ts)

/**
 * Characters that mark Simplified text (hans) and Traditional text (hant). Every character of an
 * s2t key or t2s value is valid Simplified; every character of an s2t value or t2s key is valid
 * Traditional (phrases included, which is what keeps one-to-many characters such as 干 后 里 面 台,
 * written the same in both scripts in 干涉 皇后 公里 方面 台灣, out of the Simplified-only list).
 * hans = valid only in Simplified, hant = valid only in Traditional.
 */
export function scriptChars() {
  const { configs } = OpenCC.Locale;
  const pairsOf = (group) => triePairs(openccTrie('group', group));
  const simp = new Set();
  const trad = new Set();
  for (const [k, v] of pairsOf(configs.s2t.conversionChain[0])) {
    for (const c of k) simp.add(c);
    for (const c of v) trad.add(c);
  }
  for (const [k, v] of pairsOf(configs.t2s.conversionChain[0])) {
    for (const c of k) trad.add(c);
    for (const c of v) simp.add(c);
  }
  const hans = [...simp].filter((c) => !trad.has(c)).sort();
  const hant = [...trad].filter((c) => !simp.has(c)).sort();
  return { hans: hans.join(''), hant: hant.join('') };
}

export function scriptCharsModule() {
  const { hans, hant } = scriptChars();
  return `// GENERATED by scripts/build-dicts.mjs --script-chars from opencc-js ${openccVersion()}; do not edit.
// Characters found only in Simplified (HANS) or only in Traditional (HANT) Chinese, for detectScript().

export const HANS = ${JSON.stringify(hans)};

export const HANT = ${JSON.stringify(hant)};
`;
}

export const SCRIPT_CHARS_PATH = join(repoRoot, 'src', 'convert', 'engine', 'script-chars.ts');

// ---------------------------------------------------------------------------------------------

function main(argv) {
  let outDir = join(repoRoot, 'public', 'dict');
  let check = false;
  let scriptCharsToo = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') outDir = resolve(argv[++i] ?? '');
    else if (a === '--check') check = true;
    else if (a === '--script-chars') scriptCharsToo = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node scripts/build-dicts.mjs [--out DIR] [--check] [--script-chars]\n');
      return 0;
    } else {
      process.stderr.write(`build-dicts: unknown argument ${a}\n`);
      return 2;
    }
  }
  if (check) {
    const stale = staleFiles(outDir);
    const moduleStale =
      !existsSync(SCRIPT_CHARS_PATH) || readFileSync(SCRIPT_CHARS_PATH, 'utf8') !== scriptCharsModule();
    if (stale.length > 0 || moduleStale) {
      if (stale.length > 0) process.stderr.write(`build-dicts: stale or missing in ${outDir}: ${stale.join(', ')}\n`);
      if (moduleStale) process.stderr.write(`build-dicts: ${SCRIPT_CHARS_PATH} is stale (run with --script-chars)\n`);
      return 1;
    }
    process.stdout.write(`build-dicts: ${PAIRS.length} dictionaries up to date in ${outDir}\n`);
    return 0;
  }
  const t0 = performance.now();
  const written = writeAll(outDir);
  if (scriptCharsToo) writeFileSync(SCRIPT_CHARS_PATH, scriptCharsModule());
  const ms = Math.round(performance.now() - t0);
  process.stdout.write(
    `build-dicts: ${written.length} of ${PAIRS.length} files written to ${outDir} (${ms} ms)\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
