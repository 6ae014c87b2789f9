// Exit codes of `kanjian audit`: 0 pass, 1 findings at or above --fail-on, 2 usage or config error
// (Chinese and English message), 3 some pages could not be audited (the others still reported).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../support/server.mjs';
import { BAD, CLIPS, DEMO, kanjian, readReport, tmpDir } from './helpers';

test('usage and config errors exit 2 with a Chinese and an English message, before any browser starts', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'broken.json'), '{ "urls": [ "a.html", ] }');
  writeFileSync(join(dir, 'typo.json'), JSON.stringify({ urls: ['x.html'], failon: 'serious' }));
  writeFileSync(join(dir, 'rules.json'), JSON.stringify({ urls: [{ url: 'https://example.org/', rules: 'image-alt' }] }));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  mkdirSync(join(dir, 'sitemap-folder'));
  writeFileSync(join(dir, 'corrupt.xml.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7, 8]));
  writeFileSync(join(dir, 'not-a-sitemap.xml'), '<!doctype html><html><body><p>404 页面不存在</p></body></html>');
  const cases: Array<[string[], RegExp]> = [
    [['audit'], /没有要检测的页面[\s\S]*nothing to audit/],
    [['audit', DEMO, '--level', 'wcag99'], /--level[\s\S]*wcag21aa[\s\S]*is not valid/],
    [['audit', DEMO, '--fail-on', 'bad'], /--fail-on[\s\S]*not valid/],
    [['audit', DEMO, '--format', 'pdf'], /--format[\s\S]*not valid/],
    [['audit', DEMO, '--shard', '5/4'], /--shard[\s\S]*I\/N/],
    [['audit', DEMO, '--concurrency', '0'], /--concurrency[\s\S]*at least 1/],
    [['audit', DEMO, '--rules', 'image-alt,no-such-rule'], /未知的规则 id：no-such-rule[\s\S]*unknown rule ids: no-such-rule/],
    [['audit', DEMO, '--transforms', 'zoom300'], /--transforms[\s\S]*not valid/],
    [['audit', DEMO, '--bogus'], /未知选项 --bogus[\s\S]*unknown option --bogus/],
    [['audit', 'no/such/page.html'], /既不是网址[\s\S]*neither a URL/],
    [['audit', DEMO, '--baseline', join(dir, 'missing.json')], /无法读取基线文件[\s\S]*cannot read baseline file/],
    [['audit', '--config', join(dir, 'broken.json')], /不是有效的 JSON[\s\S]*not valid JSON/],
    [['audit', '--config', join(dir, 'typo.json')], /未知的键：failon[\s\S]*unknown keys: failon/],
    [['audit', '--config', join(dir, 'rules.json')], /urls[\s\S]*must be an array/],
    [['audit', DEMO, '--same-origin'], /--same-origin[\s\S]*--crawl/],
    [['audit', DEMO, '--with-extension', '--browser', 'firefox'], /--with-extension[\s\S]*chromium/],
    [['audit', DEMO, '--timeout', '86401'], /--timeout 不能大于 86400[\s\S]*--timeout must be at most 86400/],
    [['audit', DEMO, '--out', join(dir, 'a-file')], /不是文件夹[\s\S]*a-file is not a folder/],
    [['audit', DEMO, '--out', join(dir, 'a-file', 'reports')], /不是文件夹[\s\S]*is not a folder \(.*a-file is a file\)/],
    [['audit', '--sitemap', join(dir, 'sitemap-folder')], /无法读取站点地图文件[\s\S]*cannot read sitemap file .*EISDIR/],
    [['audit', '--sitemap', join(dir, 'corrupt.xml.gz')], /不是有效的 gzip 文件[\s\S]*not a valid gzip file/],
    [['audit', '--sitemap', join(dir, 'not-a-sitemap.xml')], /没有要检测的页面[\s\S]*nothing to audit: no <loc> URLs in sitemap/],
    [['merge-reports', dir, '--out', join(dir, 'a-file')], /不是文件夹[\s\S]*is not a folder/],
    [['merge-reports'], /report\.json[\s\S]*give the report\.json/],
  ];
  for (const [args, message] of cases) {
    const run = await kanjian(args);
    expect(run.code, `${args.join(' ')}\n${run.stderr}`).toBe(2);
    expect(run.stderr, args.join(' ')).toMatch(/错误：/);
    expect(run.stderr, args.join(' ')).toMatch(/error: /);
    expect(run.stderr, args.join(' ')).toMatch(message);
    // No browser was needed to find the mistake.
    expect(run.ms, args.join(' ')).toBeLessThan(15_000);
  }
  const help = await kanjian(['audit', '--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('--fail-on');
});

test('exit 0 on a clean page, 1 on violations, and --fail-on sets the bar', async () => {
  const out = tmpDir();
  const clean = await kanjian(['audit', join(BAD, 'after', 'home.html'), '--out', out, '--format', 'json']);
  expect(clean.code, clean.stdout + clean.stderr).toBe(0);
  expect(readReport(out).summary.violations.nodes).toBe(0);

  // The demo page's worst violations are "serious": --fail-on critical passes.
  const demo = await kanjian(['audit', DEMO, '--out', out, '--format', 'json', '--fail-on', 'critical']);
  expect(demo.code, demo.stdout + demo.stderr).toBe(0);
  expect(demo.stdout).toContain('PASS');
  expect(readReport(out).summary.worstImpact).toBe('serious');
  // The same report judged again (merge-reports applies --fail-on the same way, without a browser).
  for (const [failOn, code] of [['serious', 1], ['minor', 1], ['critical', 0], ['none', 0]] as const) {
    const again = await kanjian(['merge-reports', out, '--out', tmpDir(), '--format', 'json', '--fail-on', failOn]);
    expect(again.code, failOn).toBe(code);
  }
  // (exit 1 from `kanjian audit` itself: reporters.spec.ts, shard.spec.ts, baseline.spec.ts)
});

test('an unreachable URL, a 404, a non-HTML file and a hanging page exit 3; the other pages are still reported', async () => {
  const server = await startServer({
    handler: (req, res, url) => {
      if (url.pathname !== '/hang.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><title>never ends</title><p>'); // and never end
      return true;
    },
  });
  try {
    const out = tmpDir();
    const urls = [
      `${server.url}/zhonglou-2006.html`,
      `${server.url}/no-such-page.html`,
      `http://127.0.0.1:${await closedPort()}/`,
      `${server.url}/hostile/plain.txt`,
      `${server.url}/hang.html`,
    ];
    const run = await kanjian(['audit', ...urls, '--timeout', '3', '--out', out, '--format', 'json,junit']);
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stdout).toMatch(/INCOMPLETE/);
    const report = readReport(out);
    expect(report.pages).toHaveLength(5);
    const byUrl = new Map(report.pages.map((p) => [p.url, p]));
    const good = byUrl.get(urls[0]!)!;
    expect(good.status).toBe('audited');
    expect(good.violations.length).toBeGreaterThan(0);
    expect(byUrl.get(urls[1]!)).toMatchObject({ status: 'failed', error: 'HTTP 404' });
    expect(byUrl.get(urls[2]!)!.status).toBe('failed');
    expect(byUrl.get(urls[2]!)!.error).toMatch(/ERR_CONNECTION_REFUSED/);
    expect(byUrl.get(urls[3]!)!.error).toMatch(/not HTML \(text\/plain/);
    expect(byUrl.get(urls[4]!)!.error).toMatch(/timeout/i);
    expect(report.summary.pages).toEqual({ total: 5, audited: 1, failed: 4 });
    expect(report.summary.verdict.result).toBe('fail');
  } finally {
    await server.close();
  }
});

/** A port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

test('a sitemap URL that answers with an HTML page exits 2; an empty shard of a non-empty list exits 0 and says so', async () => {
  const server = await startServer();
  try {
    const run = await kanjian(['audit', '--sitemap', `${server.url}/zhonglou-2006.html`, '--out', tmpDir(), '--format', 'json']);
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stderr).toMatch(/错误：没有要检测的页面：站点地图 http[\s\S]*error: nothing to audit: no <loc> URLs in sitemap http/);
    expect(run.stdout).not.toMatch(/Pages: 0/);
  } finally {
    await server.close();
  }
  // More shards than pages: the third of three shards of two pages is empty, and that is fine.
  const out = tmpDir();
  const empty = await kanjian(['audit', DEMO, CLIPS, '--shard', '3/3', '--out', out, '--format', 'json']);
  expect(empty.code, empty.stdout + empty.stderr).toBe(0);
  expect(empty.stderr).toMatch(/分片 3\/3 没有分到页面（共 2 个页面）[\s\S]*shard 3\/3 has no pages \(2 pages in all\)/);
  const report = readReport(out);
  expect(report.pages).toEqual([]);
  expect(report.shard).toEqual({ index: 3, total: 3 });
  expect(report.interrupted).toBe(false);
});

test('a browser that cannot start with --with-extension: exit 2, and its temporary profile is removed', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, '.output', 'chrome-mv3'), { recursive: true });
  writeFileSync(join(dir, '.output', 'chrome-mv3', 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '1' }));
  writeFileSync(join(dir, 'page.html'), '<!doctype html><html lang="zh-CN"><title>t</title><main><h1>t</h1></main></html>');
  const tmp = tmpDir('kanjian-tmp-');
  const run = await kanjian(['audit', 'page.html', '--with-extension', '--out', 'out'], { cwd: dir, env: { KANJIAN_CHROMIUM: '/bin/false', TMPDIR: tmp } });
  expect(run.code, run.stdout + run.stderr).toBe(2);
  expect(run.stderr).toMatch(/错误：无法启动加载扩展的 Chromium[\s\S]*error: cannot start Chromium with the extension/);
  expect(readdirSync(tmp).filter((f) => f.startsWith('kanjian-audit-'))).toEqual([]);
});
