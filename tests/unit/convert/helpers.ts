/**
 * Shared by the conversion tests: compiled dictionaries (compiled on demand), opencc-js reference
 * converters, the shared corpus, and a seeded random generator.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type * as BuildDicts from '../../../scripts/build-dicts.mjs';
import { DICT_FORMAT_VERSION, dictFileName, parseDict, type CompiledDict } from '../../../src/convert/engine/dict-format';
import { SUPPORTED_PAIRS, type Variant } from '../../../src/convert/engine/variants';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED = resolve(REPO, '../shared');
export const DICT_DIR = join(REPO, 'public', 'dict');
export const SEED_PATH = join(SHARED, 'corpus/seed/000_d28395905591496d.txt');

let compiler: Promise<typeof BuildDicts> | null = null;
/** scripts/build-dicts.mjs, loaded once (it bundles the engine's build side on load). */
export function loadCompiler(): Promise<typeof BuildDicts> {
  compiler ??= import('../../../scripts/build-dicts.mjs');
  return compiler;
}

function headerOf(file: string): { v: number; source?: { version?: string } } | null {
  try {
    const b = readFileSync(file);
    const len = b.readUInt32LE(8);
    return JSON.parse(b.subarray(12, 12 + len).toString('utf8')) as { v: number; source?: { version?: string } };
  } catch {
    return null;
  }
}

/**
 * Makes sure public/dict holds every direction, compiled from the installed opencc-js with the
 * current format; runs the compiler (scripts/build-dicts.mjs) when not. Whether the files are
 * byte for byte what the compiler makes now is checked by build-dicts.test.ts.
 */
export async function ensureDicts(): Promise<void> {
  const mod = await loadCompiler();
  const version = mod.openccVersion();
  const fresh = SUPPORTED_PAIRS.every(([f, t]) => {
    const h = headerOf(join(DICT_DIR, dictFileName(f, t)));
    return h !== null && h.v === DICT_FORMAT_VERSION && h.source?.version === version;
  });
  if (!fresh) mod.writeAll(DICT_DIR);
}

const dicts = new Map<string, CompiledDict>();
export async function dictFor(from: Variant, to: Variant): Promise<CompiledDict> {
  const key = `${from}-${to}`;
  let d = dicts.get(key);
  if (!d) {
    await ensureDicts();
    d = parseDict(readFileSync(join(DICT_DIR, dictFileName(from, to))));
    dicts.set(key, d);
  }
  return d;
}

const references = new Map<string, (s: string) => string>();
/** opencc-js's converter: the reference every output must equal. */
export function opencc(from: Variant, to: Variant): (s: string) => string {
  const key = `${from}-${to}`;
  let c = references.get(key);
  if (!c) {
    c = OpenCC.Converter({ from, to });
    references.set(key, c);
  }
  return c;
}

export function readShared(rel: string): string {
  return readFileSync(join(SHARED, rel), 'utf8');
}

/** mulberry32: small, fast, seeded; the same seed gives the same corpus on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First difference between two strings, for readable failures. */
export function firstDiff(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (s: string): string => JSON.stringify(s.slice(Math.max(0, i - 12), i + 12));
  return `at ${i}: got ${show(a)} expected ${show(b)}`;
}
