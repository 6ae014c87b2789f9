/**
 * The script added to kanjian's own world of every frame of an audited page: axe-core's minified
 * build followed by the bundled page side (page.ts). Read once per run, added once per document.
 *
 * Where the page side comes from, in order:
 *   1. $KANJIAN_PAGE_SCRIPT (a file),
 *   2. a checkout with the sources (src/cli/audit/page.ts found above this module): built with esbuild
 *      on first use into node_modules/.cache/kanjian/ and rebuilt when a source file changes,
 *   3. dist/cli/kanjian-page.js, built next to the CLI by `npm run build:cli` (published package).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PAGE_SCRIPT_NAME = 'kanjian-page.js';
/** The page side's entry, relative to the repository root. */
const PAGE_SOURCE = 'src/cli/audit/page.ts';

const here = (): string => dirname(fileURLToPath(import.meta.url));

/** axe-core's minified build and its version. */
export function readAxe(): { source: string; version: string } {
  const require = createRequire(import.meta.url);
  const file = require.resolve('axe-core/axe.min.js');
  const pkg = JSON.parse(readFileSync(join(dirname(file), 'package.json'), 'utf8')) as { version: string };
  return { source: readFileSync(file, 'utf8'), version: pkg.version };
}

/** kanjian's version, from the package.json above this module (src/cli/ or dist/…/). */
export function kanjianVersion(start = here()): string {
  let dir = start;
  for (let up = 0; up < 6; up++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'kanjian' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return 'unknown';
}

/** The repository root of a checkout that has the page-side sources, or null. */
export function findSourceRoot(start = here()): string | null {
  let dir = start;
  for (let up = 0; up < 6; up++) {
    if (existsSync(join(dir, PAGE_SOURCE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

interface CacheMeta { inputs: Record<string, { size: number; mtimeMs: number }>; file: string }

function fresh(meta: CacheMeta, root: string): boolean {
  if (!existsSync(meta.file)) return false;
  for (const [rel, s] of Object.entries(meta.inputs)) {
    try {
      const st = statSync(join(root, rel));
      if (st.size !== s.size || st.mtimeMs !== s.mtimeMs) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** esbuild options for the page-side bundle (also the `build:cli` line given to the lead). */
export function pageBundleOptions(root: string): Record<string, unknown> {
  return {
    absWorkingDir: root,
    entryPoints: [PAGE_SOURCE],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  };
}

async function buildFromSource(root: string): Promise<string> {
  const cacheDir = join(root, 'node_modules', '.cache', 'kanjian');
  const metaFile = join(cacheDir, 'page-meta.json');
  if (existsSync(metaFile)) {
    try {
      const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as CacheMeta;
      if (fresh(meta, root)) return readFileSync(meta.file, 'utf8');
    } catch {
      // a broken cache is rebuilt
    }
  }
  // A variable specifier keeps esbuild (a devDependency) out of the CLI bundle.
  const esbuildName = 'esbuild';
  const esbuild = (await import(esbuildName)) as typeof import('esbuild');
  const result = await esbuild.build({ ...pageBundleOptions(root), write: false, metafile: true } as import('esbuild').BuildOptions & { write: false; metafile: true });
  const code = result.outputFiles[0]!.text;
  const inputs: CacheMeta['inputs'] = {};
  for (const rel of Object.keys(result.metafile.inputs)) {
    const st = statSync(resolve(root, rel));
    inputs[rel] = { size: st.size, mtimeMs: st.mtimeMs };
  }
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, `page-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`);
  // Write-then-rename: parallel shards never read a half-written file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, file);
  const metaTmp = `${metaFile}.${process.pid}.tmp`;
  writeFileSync(metaTmp, JSON.stringify({ inputs, file } satisfies CacheMeta));
  renameSync(metaTmp, metaFile);
  // Older builds go once nobody can still be reading them (a parallel shard reads within seconds).
  for (const old of readdirSync(cacheDir)) {
    const f = join(cacheDir, old);
    if (/^page-[0-9a-f]{16}\.js$/.test(old) && f !== file && Date.now() - statSync(f).mtimeMs > 10 * 60_000) rmSync(f, { force: true });
  }
  return code;
}

let cached: Promise<string> | null = null;

/** The page-side bundle's source (see the module comment for where it comes from). */
export function pageScript(): Promise<string> {
  cached ??= (async () => {
    const env = process.env.KANJIAN_PAGE_SCRIPT;
    if (env) return readFileSync(env, 'utf8');
    const root = findSourceRoot();
    if (root) return buildFromSource(root);
    for (const candidate of [join(here(), PAGE_SCRIPT_NAME), join(here(), '..', 'cli', PAGE_SCRIPT_NAME)]) {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    }
    throw new Error(
      `找不到页面脚本 ${PAGE_SCRIPT_NAME}，请运行 npm run build:cli / page script ${PAGE_SCRIPT_NAME} not found; run npm run build:cli`,
    );
  })();
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

/** axe.min.js followed by the page side: the one script kanjian's world of every frame gets. */
export async function initScript(): Promise<{ script: string; axeVersion: string }> {
  const axe = readAxe();
  const page = await pageScript();
  return { script: `${axe.source}\n;${page}\n`, axeVersion: axe.version };
}
