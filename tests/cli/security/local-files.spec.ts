// The local server of `kanjian audit FILE|DIR` serves nothing outside its folder: not through a file
// or folder symbolic link (a checkout can hold `docs/env.txt -> /proc/self/environ`), not to a
// request naming another host (DNS rebinding), and a config file cannot point it elsewhere.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startStaticServer } from '../../../src/cli/audit/server';
import { readReport, tmpDir } from '../helpers';
import { audit, BROWSERS, page, readIntoTitle, secretFile, writeFiles } from './attack';

for (const browser of BROWSERS) {
  test(`${browser}: a page cannot read a file or a folder that a symbolic link in the checkout points outside of it`, async () => {
    const outsideFile = secretFile();
    const outsideDir = secretFile();
    const site = tmpDir('kanjian-site-');
    writeFiles(site, { 'ok.txt': 'in the checkout' });
    symlinkSync(outsideFile.file, join(site, 'env.txt'));
    symlinkSync(outsideDir.dir, join(site, 'linked'));
    // A link that stays inside the folder is fine.
    symlinkSync(join(site, 'ok.txt'), join(site, 'ok-link.txt'));
    writeFiles(site, { 'index.html': page('loading', '', readIntoTitle(['/ok-link.txt', '/env.txt', '/linked/secret.txt'])) });

    const out = tmpDir();
    const run = await audit(browser, [site, '--out', out, '--format', 'json', '--fail-on', 'none']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const title = readReport(out).pages[0]!.title ?? '';
    expect(title).toContain('/ok-link.txt=200:in the checkout');
    expect(title).not.toContain(outsideFile.secret);
    expect(title).not.toContain(outsideDir.secret);
    expect(title).toContain('/env.txt=403');
    expect(title).toContain('/linked/secret.txt=403');
  });
}

test('the local server answers only requests addressed to 127.0.0.1:PORT (DNS rebinding), and never follows a link out', async () => {
  const outside = secretFile();
  const site = tmpDir('kanjian-site-');
  writeFiles(site, { 'index.html': page('home') });
  symlinkSync(outside.file, join(site, 'env.txt'));
  mkdirSync(join(site, 'sub'));
  symlinkSync(outside.dir, join(site, 'sub', 'out'));
  const server = await startStaticServer(site);
  const port = new URL(server.origin).port;
  const get = (path: string, host: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      // (An empty Host: no header at all, as HTTP/1.0 clients send.)
      const req = request({ host: '127.0.0.1', port, path, ...(host ? { headers: { host } } : { setHost: false }) }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    expect((await get('/index.html', `127.0.0.1:${port}`)).status).toBe(200);
    // What a browser sends after rebind.example was made to resolve to 127.0.0.1:
    for (const host of [`rebind.example:${port}`, `localhost:${port}`, `127.0.0.1:${Number(port) + 1}`, '']) {
      const res = await get('/index.html', host);
      expect(res.status, host).toBe(host ? 421 : 400); // (no Host at all: Node's own 400)
      expect(res.body).not.toContain('home');
    }
    for (const path of ['/env.txt', '/sub/out/secret.txt', '/sub/out/']) {
      const res = await get(path, `127.0.0.1:${port}`);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain(outside.secret);
    }
  } finally {
    await server.close();
  }
});

test('a config file names nothing outside the working directory: not a web root of "/", a page, an output or a baseline', async () => {
  const outside = secretFile();
  const cwd = tmpDir('kanjian-checkout-');
  writeFiles(cwd, { 'site/index.html': page('home', '', readIntoTitle([outside.file])) });
  symlinkSync(outside.dir, join(cwd, 'escape'));
  writeFileSync(join(outside.dir, 'sitemap.xml'), `<urlset><url><loc>${outside.file}</loc></url></urlset>`);
  const cases: Array<[Record<string, unknown>, RegExp]> = [
    [{ urls: ['site/index.html'], root: '/' }, /"root" \/ is outside the working directory/],
    [{ urls: [outside.file.replace(/secret\.txt$/, '')] }, /is outside the working directory/],
    [{ urls: ['escape/'] }, /"escape\/".*is outside the working directory \S+ \(symbolic links resolved/],
    [{ urls: ['site/'], out: '../elsewhere' }, /"out" \.\.\/elsewhere is outside the working directory/],
    [{ urls: ['site/'], baseline: '/etc/kanjian-baseline.json' }, /"baseline" .* is outside the working directory/],
    [{ sitemap: 'escape/sitemap.xml' }, /outside the working directory/],
  ];
  for (const [config, message] of cases) {
    writeFileSync(join(cwd, 'kanjian.config.json'), JSON.stringify(config));
    const run = await audit('chromium', ['--format', 'json'], { cwd });
    expect(run.code, `${JSON.stringify(config)}\n${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr, JSON.stringify(config)).toMatch(message);
    expect(run.stdout + run.stderr).not.toContain(outside.secret);
  }
});
