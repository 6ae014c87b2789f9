// The local web server for `kanjian audit FILE|DIR`: pages are served over http://127.0.0.1 so
// relative (and root-absolute) asset links work as they do on the real site. Read-only, no listing.
//
// What it refuses (an audited page, or any other page in the browser, may ask it for anything):
// a file whose real path (symbolic links resolved) is outside the web root — a checkout can hold
// `docs/env.txt -> /proc/self/environ` — and a request whose Host is not this server's own
// 127.0.0.1:PORT, which is what a DNS-rebound name pointed at 127.0.0.1 would send.
// Kept as our own rather than sirv or serve-handler: both are request handlers that leave the Host
// check to us, and with the real-path check done here too, what remains is a read stream and a type.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.avif': 'image/avif', '.ico': 'image/x-icon', '.mp4': 'video/mp4', '.webm': 'video/webm',
  '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/wav', '.vtt': 'text/vtt; charset=utf-8', '.woff': 'font/woff',
  '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.otf': 'font/otf', '.pdf': 'application/pdf', '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Directory served as the web root (as given, resolved; see realRoot for what is checked). */
  readonly root: string;
  /** The web root with symbolic links resolved: no file outside it is served. */
  readonly realRoot: string;
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly origin: string;
  /** The URL of a file under root. */
  urlOf(file: string): string;
  /** The file behind a URL of this server, or null. */
  fileOf(url: string): string | null;
  close(): Promise<void>;
}

/** Whether `file` is `dir` or inside it (both resolved). A root such as "/" already ends in the separator. */
export function isUnder(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

function fileFor(root: string, pathname: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const full = resolve(root, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
  if (!isUnder(full, root)) return null;
  return full;
}

/** The real path of `file` when it exists and is inside realRoot; null otherwise. */
function realInside(file: string, realRoot: string): string | null {
  try {
    const real = realpathSync(file);
    return isUnder(real, realRoot) ? real : null;
  } catch {
    return null;
  }
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' };

export function startStaticServer(rootDir: string): Promise<StaticServer> {
  const root = resolve(rootDir);
  const realRoot = realpathSync(root);
  let host = '';
  const server: Server = createServer((req, res) => {
    // Only our own name: another name resolving to 127.0.0.1 (DNS rebinding) gets nothing.
    if ((req.headers.host ?? '').toLowerCase() !== host) {
      res.writeHead(421, TEXT).end('misdirected request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const asked = fileFor(root, url.pathname);
    let file = asked && realInside(asked, realRoot);
    if (asked && !file && exists(asked)) {
      res.writeHead(403, TEXT).end('outside the served folder');
      return;
    }
    try {
      if (file && statSync(file).isDirectory()) {
        // As web servers do: /sub → /sub/, so the page's relative links resolve inside sub/.
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        const index = realInside(join(file, 'index.html'), realRoot);
        if (!index && exists(join(file, 'index.html'))) {
          res.writeHead(403, TEXT).end('outside the served folder');
          return;
        }
        file = index;
      }
      if (!file || !statSync(file).isFile()) throw new Error('not found');
    } catch {
      res.writeHead(404, TEXT).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // The real path checked above is the one read.
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      const origin = `http://127.0.0.1:${port}`;
      host = `127.0.0.1:${port}`;
      resolvePromise({
        root,
        realRoot,
        origin,
        urlOf(file) {
          const rel = resolve(file).slice(root.length).split(sep).map(encodeURIComponent).join('/');
          return origin + (rel.startsWith('/') ? rel : `/${rel}`);
        },
        fileOf(u) {
          let parsed: URL;
          try {
            parsed = new URL(u);
          } catch {
            return null;
          }
          if (parsed.origin !== origin) return null;
          return fileFor(root, parsed.pathname);
        },
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
