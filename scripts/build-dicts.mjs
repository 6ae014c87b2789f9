#!/usr/bin/env node
// kanjian dictionary compiler: reads opencc-js's own dictionaries and conversion configs and writes
// one compact binary file per conversion direction into public/dict/ (see docs/convert-engine.md).
//
// Plain Node ESM on purpose: it runs before anything is compiled (npm "prepare"). The layout itself
// (trie builder, file format) is the engine's own TypeScript, bundled on the fly with esbuild.
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
import { build } from 'esbuild';
import * as OpenCC from 'opencc-js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..');

/**
 * The engine's build side (src/convert/engine/dict-compile.ts: trie builder, file format, the
 * list of directions), bundled in memory and imported from a data: URL, so this script and the
 * run-time engine share one implementation and still nothing needs compiling beforehand.
 * @returns {Promise<typeof import('../src/convert/engine/dict-compile')>}
 */
async function loadDictCompile() {
  const result = await build({
    entryPoints: [join(repoRoot, 'src', 'convert', 'engine', 'dict-compile.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].contents).toString('base64')}`);
}
const engine = await loadDictCompile();

/** Conversion directions compiled, as [from, to] in opencc-js's locale names. */
const PAIRS = engine.SUPPORTED_PAIRS;

/** opencc-js's ConverterBuilder.getConfigName, verbatim in behaviour. */
function configName(from, to) {
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
function openccTries(from, to) {
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
function triePairs(trie) {
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

/** The tries of opencc-js's Converter({from, to}) as [key, value] pairs: what the file encodes. */
export function directionStages(from, to) {
  const { name, normalization, segmentation, chain } = openccTries(from, to);
  return {
    config: name,
    normalization: normalization.map(triePairs),
    segmentation: segmentation ? triePairs(segmentation) : null,
    chain: chain.map(triePairs),
  };
}

/** Built tries shared between directions (cn→tw and cn→twp share their first chain trie …). */
const builtTries = new Map();

/** Compiles one direction in memory: the bytes of its .bin file. */
export function compileDirection(from, to) {
  const source = { package: 'opencc-js', version: openccVersion() };
  return engine.compileDict(from, to, directionStages(from, to), source, builtTries);
}

/** Compiles every direction: Map of file name → bytes. */
function compileAll() {
  const out = new Map();
  for (const [from, to] of PAIRS) out.set(engine.dictFileName(from, to), compileDirection(from, to));
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
function scriptChars() {
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
