// A static server on 127.0.0.1 for fixture pages. Routes:
//   /            tests/fixtures/pages
//   /corpus/     ../shared/corpus (W3C BAD site, ACT cases), read-only
//   /WAI/content-assets/wcag-act-rules/  ../shared/corpus/act (the ACT cases' absolute asset prefix)
//   /generated/big-80k.html, /generated/big-<n>.html  tests/fixtures/generate/big-page.mjs (too big to commit);
//     ?tail-ms=N sends the closing tags N ms after the rest (a page still loading)
// A file X may have a sidecar X.headers.json with extra response headers (e.g. a strict CSP).
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigPageHtml } from '../fixtures/generate/big-page.mjs';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const SHARED = resolve(process.env.KANJIAN_SHARED ?? join(REPO_ROOT, '..', 'shared'));
export const PAGES = join(REPO_ROOT, 'tests', 'fixtures', 'pages');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.xml': 'application/xml; charset=utf-8', '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.mp4': 'video/mp4', '.webm': 'video/webm', '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg', '.vtt': 'text/vtt; charset=utf-8', '.woff2': 'font/woff2', '.pdf': 'application/pdf',
};

function mapPath(urlPath, extraRoots) {
  const routes = [
    ['/WAI/content-assets/wcag-act-rules/', join(SHARED, 'corpus', 'act')],
    ['/corpus/', join(SHARED, 'corpus')],
    ...extraRoots,
    ['/', PAGES],
  ];
  for (const [prefix, dir] of routes) {
    if (!urlPath.startsWith(prefix)) continue;
    const rel = normalize(decodeURIComponent(urlPath.slice(prefix.length)));
    const full = resolve(dir, rel);
    if (full !== dir && !full.startsWith(dir + sep)) return null;
    return full;
  }
  return null;
}

const generatedPages = new Map();
function generated(elements) {
  if (!generatedPages.has(elements)) generatedPages.set(elements, bigPageHtml(elements));
  return generatedPages.get(elements);
}

/** Starts a server; resolves to { url, port, close(), requests }. */
export function startServer({ port = 0, extraRoots = [], handler } = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (handler && handler(req, res, url)) return;
    const big = /^\/generated\/big-(\d+)(k?)\.html$/.exec(url.pathname);
    if (big) {
      const elements = Math.min(Number(big[1]) * (big[2] ? 1000 : 1), 500000);
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      const html = generated(elements);
      // ?tail-ms=N: the closing tags N ms after the rest, so the document is still loading meanwhile.
      const tail = Math.min(Number(url.searchParams.get('tail-ms')) || 0, 10000);
      if (!tail) return void res.end(html);
      const cut = html.lastIndexOf('</body>');
      res.write(html.slice(0, cut));
      setTimeout(() => res.end(html.slice(cut)), tail);
      return;
    }
    let file = mapPath(url.pathname, extraRoots);
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (url.pathname === '/favicon.ico' && (!file || !existsSync(file))) {
      res.writeHead(204);
      res.end();
      return;
    }
    if (!file || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    const sidecar = `${file}.headers.json`;
    if (existsSync(sidecar)) Object.assign(headers, JSON.parse(readFileSync(sidecar, 'utf8')));
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolvePromise({
        port: p,
        url: `http://127.0.0.1:${p}`,
        requests,
        close: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
      });
    });
  });
}
