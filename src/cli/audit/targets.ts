/**
 * What `kanjian audit` audits: URLs as given; files and folders served from 127.0.0.1 (one server per
 * web root, so relative and root-absolute links work); sitemap entries; and the shard of it all.
 * A local page is named in the report by its path relative to the working directory (portable
 * across machines and CI runs, so baselines and shard merges line up); a URL by itself.
 */
import type { Step } from './steps';
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUnder, startStaticServer, type StaticServer } from './server';
import type { Target } from './runner';
import { UsageError } from '../command';

export class TargetError extends UsageError {}

export interface TargetInput {
  /** A URL, a file or a folder (relative to `base`). */
  ref: string;
  rules?: string[];
  /** The config's steps for this page (steps.ts). */
  steps?: Step[];
  /** Directory `ref` is relative to (the config file's, or the working directory). */
  base: string;
  /**
   * A local ref must be inside this folder, symbolic links resolved (the working directory, for refs
   * that come from a config file or a sitemap rather than from the command line).
   */
  within?: string;
  /** Where the ref comes from, for messages (a config file, a sitemap). */
  from?: string;
}

/** The real path of the deepest existing ancestor of `path`, with the rest appended. */
export function realPathOf(path: string): string {
  const full = resolve(path);
  let head = full;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(realpathSync(head), ...rest.reverse());
    } catch {
      const parent = dirname(head);
      if (parent === head) return full;
      rest.push(basename(head));
      head = parent;
    }
  }
}

/** Whether `path` (symbolic links resolved, even where it does not exist yet) is inside `dir`. */
export function isInside(path: string, dir: string): boolean {
  return isUnder(realPathOf(path), realPathOf(dir));
}

function outside(input: TargetInput, full: string): TargetError {
  const from = input.from ? `（来自 ${input.from}）` : '';
  const fromEn = input.from ? ` (from ${input.from})` : '';
  return new TargetError(
    `“${input.ref}”${from} 在工作目录 ${input.within} 之外（符号链接已解析为 ${realPathOf(full)}）：配置文件和站点地图只能指向工作目录中的文件`,
    `"${input.ref}"${fromEn} is outside the working directory ${input.within} (symbolic links resolved: ${realPathOf(full)}); config files and sitemaps may only name files inside the working directory`,
  );
}

const HTML_FILE = /\.(html?|xhtml)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** HTML files under dir, sorted, skipping node_modules and hidden folders. */
export function htmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(join(d, e.name));
      } else if (e.isFile() && HTML_FILE.test(e.name)) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out;
}

/**
 * The report's name for a local file: its path relative to cwd, with / separators, URI-safe. Never
 * empty (the working directory itself is named by its folder name; callers map folders to their
 * index.html first).
 */
export function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file).split(sep).join('/');
  return encodeURI(rel || basename(resolve(file)) || resolve(file));
}

/** A folder is served as its index.html: name it so, so "/" and "index.html" are one page. */
function pageFile(file: string): string {
  return existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
}

export interface ResolvedTargets {
  targets: Target[];
  servers: StaticServer[];
  /** Maps any URL (e.g. a crawled link) to a Target named like the given ones. */
  toTarget(url: string, depth: number): Target | null;
  close(): Promise<void>;
}

/**
 * Resolves inputs to targets and starts the servers local files need. `root` (config) is the web
 * root for files under it; otherwise a folder argument is its own root and a file's folder is its.
 */
export async function resolveTargets(inputs: readonly TargetInput[], opts: { cwd: string; root?: string }): Promise<ResolvedTargets> {
  const files: Array<{ file: string; root: string; rules?: string[]; steps?: Step[] }> = [];
  const urls: Target[] = [];
  for (const input of inputs) {
    let ref = input.ref.trim();
    if (isUrl(ref)) {
      urls.push({ url: ref, display: ref, ...(input.rules ? { rules: input.rules } : {}), ...(input.steps ? { steps: input.steps } : {}) });
      continue;
    }
    if (/^file:/i.test(ref)) {
      try {
        ref = fileURLToPath(ref);
      } catch {
        throw new TargetError(`“${input.ref}” 不是有效的 file: 网址`, `"${input.ref}" is not a valid file: URL`);
      }
    }
    const full = resolve(input.base, ref);
    if (input.within && !isInside(full, input.within)) throw outside(input, full);
    if (!existsSync(full)) {
      throw new TargetError(`“${input.ref}” 既不是网址（http:// 或 https://），也不是存在的文件或文件夹`, `"${input.ref}" is neither a URL (http:// or https://) nor an existing file or folder`);
    }
    const isDir = statSync(full).isDirectory();
    const list = isDir ? htmlFilesUnder(full) : [full];
    if (isDir && list.length === 0) throw new TargetError(`文件夹 ${input.ref} 中没有 HTML 文件`, `folder ${input.ref} has no HTML files`);
    const ownRoot = isDir ? full : dirname(full);
    for (const file of list) {
      const root = opts.root && isUnder(file, resolve(opts.root)) ? resolve(opts.root) : ownRoot;
      // The server serves nothing outside its folder (symbolic links resolved): say so now, not as a 403.
      if (!isInside(file, root)) {
        throw new TargetError(
          `文件 ${input.ref} 是指向所服务文件夹 ${root} 之外（${realPathOf(file)}）的符号链接，本地服务器不会提供它；请直接给出真实路径`,
          `file ${input.ref} is a symbolic link to outside the served folder ${root} (${realPathOf(file)}), which the local server does not serve; name the real file instead`,
        );
      }
      files.push({ file, root, ...(input.rules ? { rules: input.rules } : {}), ...(input.steps ? { steps: input.steps } : {}) });
    }
  }
  // One server per root; a root inside another root is served by the outer one.
  const roots = [...new Set(files.map((f) => f.root))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const r of roots) if (!kept.some((k) => isUnder(r, k))) kept.push(r);
  const servers = await Promise.all(kept.map((r) => startStaticServer(r)));
  const serverFor = (file: string): StaticServer | undefined => servers.find((s) => isUnder(file, s.root));
  const targets: Target[] = [...urls];
  for (const f of files) {
    const s = serverFor(f.file)!;
    targets.push({ url: s.urlOf(f.file), display: displayName(f.file, opts.cwd), ...(f.rules ? { rules: f.rules } : {}), ...(f.steps ? { steps: f.steps } : {}) });
  }
  return {
    targets,
    servers,
    toTarget(url, depth) {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return null;
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
      u.hash = '';
      for (const s of servers) {
        const found = s.fileOf(u.href);
        if (found) {
          const file = pageFile(found);
          if (!HTML_FILE.test(file)) return null;
          // The file's own URL, so "/", "/sub" and "/sub/" load what "/index.html", "/sub/index.html" do.
          return { url: s.urlOf(file) + u.search, display: displayName(file, opts.cwd), depth };
        }
      }
      return { url: u.href, display: u.href, depth };
    },
    async close() {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/** Parses `--shard I/N` (1-based). */
export function parseShard(value: string): { index: number; total: number } | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) return null;
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) return null;
  return { index, total };
}

/**
 * The shard's part of the list: targets sorted by name (duplicates dropped), every N-th from I-1.
 * Deterministic and balanced; the union of all shards is the whole list.
 */
export function selectShard<T extends { display: string }>(targets: readonly T[], shard: { index: number; total: number } | undefined): T[] {
  const byName = new Map<string, T>();
  for (const t of targets) if (!byName.has(t.display)) byName.set(t.display, t);
  const sorted = [...byName.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.total === shard.index - 1);
}
