// A sitemap is data from elsewhere. A remote one names only http(s) URLs (a `<loc>/home/ci/.ssh</loc>`
// or `file:` entry must not make kanjian serve a local folder), downloads and gzip are capped, and a
// malformed entity is a clear usage error (exit 2), never a crash (exit 4).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { startServer } from '../../support/server.mjs';
import { kanjian, tmpDir } from '../helpers';
import { page, readIntoTitle, secretFile, writeFiles } from './attack';

const urlset = (locs: string[], padding = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.map((l) => `  <url><loc>${l}</loc></url>\n`).join('')}${padding}</urlset>\n`;

/** A test server that answers `routes` (path → body and headers) and the fixture pages otherwise. */
async function sitemapServer(routes: Record<string, { body: string | Buffer; headers?: Record<string, string> }>) {
  return startServer({
    handler: (_req, res, url) => {
      const r = routes[url.pathname];
      if (!r) return false;
      res.writeHead(200, { 'content-type': 'application/xml', ...r.headers });
      res.end(r.body);
      return true;
    },
  });
}

test('a remote sitemap that names a local folder, a file: URL or a local sitemap exits 2 and serves nothing', async () => {
  // A folder on the CI machine holding a private key, and a page in it that would read the key.
  const secret = secretFile();
  writeFiles(secret.dir, { 'id_rsa': `-----BEGIN OPENSSH PRIVATE KEY-----\n${secret.secret}\n`, 'index.html': page('keys', '', readIntoTitle(['/id_rsa'])) });
  const local = join(tmpDir(), 'local-sitemap.xml');
  writeFileSync(local, urlset([secret.dir]));
  const server = await sitemapServer({
    '/path.xml': { body: urlset([`http://127.0.0.1/ok.html`, secret.dir]) },
    '/file.xml': { body: urlset([`file://${secret.dir}/index.html`]) },
    '/relative.xml': { body: urlset(['index.html']) },
    '/index.xml': { body: `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${local}</loc></sitemap></sitemapindex>` },
  });
  try {
    for (const [name, shown] of [
      ['path.xml', secret.dir],
      ['file.xml', 'file://'],
      ['relative.xml', 'index.html'],
      ['index.xml', local],
    ] as const) {
      const out = tmpDir();
      const run = await kanjian(['audit', '--sitemap', `${server.url}/${name}`, '--out', out, '--format', 'json']);
      expect(run.code, `${name}\n${run.stdout}${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/不是 http\(s\) 网址[\s\S]*is not an http\(s\) URL/);
      expect(run.stderr).toContain(shown);
      expect(run.stderr).toMatch(/line \d+/);
      expect(run.stdout + run.stderr).not.toContain(secret.secret);
    }
  } finally {
    await server.close();
  }
});

test('gzip bombs (a .xml.gz file and Content-Encoding: gzip) stop at 50 MB with exit 2', async () => {
  // One real <loc>, then 60 MB of blanks: about 60 kB compressed.
  const bomb = gzipSync(Buffer.from(urlset(['http://127.0.0.1:9/page.html'], ' '.repeat(60 * 1024 * 1024))), { level: 9 });
  expect(bomb.length).toBeLessThan(200_000);
  const dir = tmpDir();
  writeFileSync(join(dir, 'sitemap.xml.gz'), bomb);
  const server = await sitemapServer({
    '/sitemap.xml.gz': { body: bomb },
    '/sitemap.xml': { body: bomb, headers: { 'content-encoding': 'gzip' } },
  });
  try {
    for (const ref of [join(dir, 'sitemap.xml.gz'), `${server.url}/sitemap.xml.gz`, `${server.url}/sitemap.xml`]) {
      const run = await kanjian(['audit', '--sitemap', ref, '--out', tmpDir(), '--format', 'json']);
      expect(run.code, `${ref}\n${run.stdout}${run.stderr}`).toBe(2);
      expect(run.stderr).toMatch(/超过 50 MB[\s\S]*larger than 50 MB/);
    }
  } finally {
    await server.close();
  }
});

test('a malformed entity in a sitemap is a usage error naming the sitemap and line (exit 2), not an internal error', async () => {
  const dir = tmpDir();
  for (const [name, loc] of [
    ['big.xml', 'http://127.0.0.1/a?x=&#99999999;'],
    ['surrogate.xml', 'http://127.0.0.1/a?x=&#xD800;'],
    ['unknown.xml', 'http://127.0.0.1/a?x=&nbsp;'],
    ['bare.xml', 'http://127.0.0.1/a?x=1&y=2'],
  ] as const) {
    writeFileSync(join(dir, name), urlset(['http://127.0.0.1/ok.html', loc]));
    const run = await kanjian(['audit', '--sitemap', join(dir, name), '--out', tmpDir(), '--format', 'json']);
    expect(run.code, `${name}\n${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    // (A bare & is already refused by the XML well-formedness check.)
    expect(run.stderr).toMatch(/(无效的实体引用|不是格式正确的 XML)[\s\S]*line 4(, column \d+)?: (malformed entity reference|not well-formed XML)/);
    expect(run.stderr).toContain(name);
  }
});
