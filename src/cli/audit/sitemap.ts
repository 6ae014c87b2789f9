/**
 * Sitemaps for `kanjian audit --sitemap`: a urlset's `<loc>` pages and a sitemap index's sitemaps,
 * read from a file or over http(s), `.xml.gz` included.
 *
 * A sitemap is data from elsewhere, so what it can name is limited:
 *   - a remote (http/https) sitemap names only http(s) URLs, pages and nested sitemaps alike: a
 *     `<loc>/home/ci/.ssh</loc>` or `file:` entry would otherwise make kanjian serve that folder;
 *   - a local sitemap file may also name local files, but only inside the working directory;
 *   - at most MAX_SITEMAP_BYTES are read, before and after gzip (a small .gz can expand to gigabytes),
 *     MAX_SITEMAP_URLS entries per sitemap and MAX_SITEMAPS sitemaps in all;
 *   - anything malformed is a SitemapError naming the sitemap (exit 2), never a crash.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { UsageError } from '../command';
import { isUrl } from './targets';

export class SitemapError extends UsageError {}

/** The sitemap protocol's own limits: 50 MB uncompressed, 50 000 URLs per sitemap. */
export const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;
export const MAX_SITEMAP_URLS = 50_000;
/** Sitemaps followed from one --sitemap (the index and the sitemaps it names). */
export const MAX_SITEMAPS = 50;

/** One `<loc>` entry and the line it is on. */
export interface SitemapEntry {
  loc: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

/** Decodes XML character and predefined entity references; null when one is malformed. */
function decodeText(s: string): string | null {
  let bad = false;
  const out = s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);|&/gi, (whole, ref: string | undefined) => {
    if (!ref) {
      bad = true;
      return whole;
    }
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // XML's Char production: no NUL, no surrogates, nothing past U+10FFFF.
      if (!(code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff))) {
        bad = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const named = ENTITIES[ref];
    if (named === undefined) bad = true;
    return named ?? whole;
  });
  return bad ? null : out;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// Entities are left as written (processEntities: false): XML's own five and character references are
// decoded by decodeText, which refuses malformed ones, and a DOCTYPE's entities are never expanded.
const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: '#cdata',
  isArray: (name) => name === 'url' || name === 'sitemap' || name === 'loc',
});

type Node = Record<string, unknown>;
const isNode = (x: unknown): x is Node => !!x && typeof x === 'object' && !Array.isArray(x);

/** A `<loc>`'s text: entity-decoded text, or CDATA as it is; null for anything else. */
function locText(v: unknown): { raw: string; text: string | null } {
  if (typeof v === 'string') return { raw: v, text: decodeText(v) };
  if (isNode(v) && '#cdata' in v && Object.keys(v).every((k) => k === '#cdata')) {
    const c = v['#cdata'];
    const raw = (Array.isArray(c) ? c.join('') : String(c)).trim();
    return { raw, text: raw };
  }
  return { raw: '', text: null };
}

/** `<loc>` entries of a sitemap or sitemap index (XML entities decoded, CDATA unwrapped), parsed with fast-xml-parser. */
export function parseSitemap(xml: string, name = 'sitemap'): { urls: string[]; sitemaps: string[]; entries: SitemapEntry[]; isIndex: boolean } {
  const looksLikeSitemap = /<(?:[\w.-]+:)?(?:urlset|sitemapindex)[\s>]/.test(xml);
  if (looksLikeSitemap) {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      const { line, col, msg } = valid.err;
      throw new SitemapError(`站点地图 ${name} 第 ${line} 行第 ${col} 列不是格式正确的 XML：${msg}`, `sitemap ${name}, line ${line}, column ${col}: not well-formed XML: ${msg}`);
    }
  }
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch (e) {
    // Not XML at all (an HTML error page, say): it names no pages.
    if (looksLikeSitemap) throw new SitemapError(`站点地图 ${name} 不是格式正确的 XML：${reason(e)}`, `sitemap ${name} is not well-formed XML: ${reason(e)}`);
    doc = {};
  }
  const root = isNode(doc) ? doc : {};
  const isIndex = isNode(root.sitemapindex);
  const items = isIndex ? (root.sitemapindex as Node).sitemap : isNode(root.urlset) ? root.urlset.url : [];
  const entries: SitemapEntry[] = [];
  let cursor = 0;
  for (const item of Array.isArray(items) ? items : []) {
    for (const v of isNode(item) && Array.isArray(item.loc) ? item.loc : []) {
      const { raw, text } = locText(v);
      // The line it is on: the next place its text is written (a hint for the message).
      const at = raw ? xml.indexOf(raw, cursor) : -1;
      if (at >= 0) cursor = at + raw.length;
      const line = lineAt(xml, at >= 0 ? at : cursor);
      if (text === null) {
        const shown = raw || JSON.stringify(v).slice(0, 80);
        throw new SitemapError(`站点地图 ${name} 第 ${line} 行的 <loc> 中有无效的实体引用：${shown.slice(0, 80)}`, `sitemap ${name}, line ${line}: malformed entity reference in <loc>: ${shown.slice(0, 80)}`);
      }
      entries.push({ loc: text.trim(), line });
    }
  }
  const locs = entries.map((e) => e.loc);
  return isIndex ? { urls: [], sitemaps: locs, entries, isIndex } : { urls: locs, sitemaps: [], entries, isIndex };
}

/** An error's code (ENOENT, Z_DATA_ERROR…) or first line. */
function reason(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof e.code === 'string') return e.code;
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}

const MB = `${MAX_SITEMAP_BYTES / 1024 / 1024} MB`;

function tooLarge(ref: string, what: 'zh-download' | 'zh-gzip'): SitemapError {
  return what === 'zh-download'
    ? new SitemapError(`站点地图 ${ref} 超过 ${MB}（站点地图协议的上限），不再读取`, `sitemap ${ref} is larger than ${MB} (the sitemap protocol's limit); not read`)
    : new SitemapError(`站点地图 ${ref} 解压后超过 ${MB}（站点地图协议的上限），不再读取`, `sitemap ${ref} is larger than ${MB} once decompressed (the sitemap protocol's limit); not read`);
}

/** Reads at most MAX_SITEMAP_BYTES of a response body (fetch has already undone Content-Encoding). */
async function readCapped(res: Response, ref: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_SITEMAP_BYTES) throw tooLarge(ref, 'zh-download');
  const chunks: Buffer[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_SITEMAP_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(ref, 'zh-download');
      }
      chunks.push(Buffer.from(value));
    }
  }
  return Buffer.concat(chunks);
}

async function readSitemap(ref: string, base: string): Promise<string> {
  let bytes: Buffer;
  if (isUrl(ref)) {
    let res: Response;
    try {
      res = await fetch(ref, { signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new SitemapError(`无法读取站点地图 ${ref}：${reason(e)}`, `cannot fetch sitemap ${ref}: ${reason(e)}`);
    }
    if (!res.ok) throw new SitemapError(`无法读取站点地图 ${ref}：HTTP ${res.status}`, `cannot fetch sitemap ${ref}: HTTP ${res.status}`);
    try {
      bytes = await readCapped(res, ref);
    } catch (e) {
      if (e instanceof SitemapError) throw e;
      throw new SitemapError(`无法读取站点地图 ${ref}：${reason(e)}`, `cannot fetch sitemap ${ref}: ${reason(e)}`);
    }
  } else {
    const file = resolve(base, ref);
    try {
      if (statSync(file).size > MAX_SITEMAP_BYTES) throw tooLarge(ref, 'zh-download');
      bytes = readFileSync(file);
    } catch (e) {
      if (e instanceof SitemapError) throw e;
      if (reason(e) === 'ENOENT') throw new SitemapError(`找不到站点地图文件 ${ref}`, `sitemap file ${ref} not found`);
      // EISDIR (a folder), EACCES…: the sitemap named is not usable, as a missing one is not.
      throw new SitemapError(`无法读取站点地图文件 ${ref}（${reason(e)}）`, `cannot read sitemap file ${ref} (${reason(e)})`);
    }
  }
  // gzip magic: sitemap.xml.gz
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_SITEMAP_BYTES });
    } catch (e) {
      if (reason(e) === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(ref, 'zh-gzip');
      throw new SitemapError(`站点地图 ${ref} 不是有效的 gzip 文件（${reason(e)}）`, `sitemap ${ref} is not a valid gzip file (${reason(e)})`);
    }
  }
  return bytes.toString('utf8');
}

/** A page or sitemap a sitemap names, with what it may be. */
export interface SitemapPage {
  /** An http(s) URL, or a local path (only from a local sitemap). */
  ref: string;
  /** The sitemap that named it. */
  from: string;
}

/**
 * All pages of a sitemap, following sitemap indexes (at most MAX_SITEMAPS sitemaps). `base` is what a
 * local sitemap's path is relative to; `confine` vets a local sitemap that an index names (it throws
 * when the file is not one kanjian may read). Throws a SitemapError for anything a sitemap may not name.
 */
export async function sitemapPages(ref: string, base: string, opts: { confine?: (file: string, from: string) => void } = {}): Promise<SitemapPage[]> {
  const out = new Map<string, SitemapPage>();
  const pending: Array<{ ref: string; remote: boolean }> = [{ ref, remote: isUrl(ref) }];
  const visited = new Set<string>();
  while (pending.length && visited.size < MAX_SITEMAPS) {
    const next = pending.shift()!;
    if (visited.has(next.ref)) continue;
    visited.add(next.ref);
    const parsed = parseSitemap(await readSitemap(next.ref, base), next.ref);
    if (parsed.entries.length > MAX_SITEMAP_URLS) {
      throw new SitemapError(
        `站点地图 ${next.ref} 有 ${parsed.entries.length} 个 <loc>，超过上限 ${MAX_SITEMAP_URLS}`,
        `sitemap ${next.ref} has ${parsed.entries.length} <loc> entries, more than the limit of ${MAX_SITEMAP_URLS}`,
      );
    }
    for (const { loc, line } of parsed.entries) {
      if (next.remote && !isUrl(loc)) {
        throw new SitemapError(
          `站点地图 ${next.ref} 第 ${line} 行的 <loc> 不是 http(s) 网址：${loc.slice(0, 200)}（网络上的站点地图只能列出网址，不能列出本机的文件或文件夹）`,
          `sitemap ${next.ref}, line ${line}: <loc> is not an http(s) URL: ${loc.slice(0, 200)} (a sitemap fetched over the network may only name URLs, never local files or folders)`,
        );
      }
      if (parsed.isIndex) {
        if (!isUrl(loc)) opts.confine?.(resolve(base, loc), next.ref);
        pending.push({ ref: loc, remote: next.remote || isUrl(loc) });
      }
      else if (!out.has(loc)) out.set(loc, { ref: loc, from: next.ref });
    }
  }
  return [...out.values()];
}
