// Pages from a sitemap, and pages found by following links (--crawl DEPTH --same-origin).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../support/server.mjs';
import { kanjian, readReport, tmpDir } from './helpers';

test('--crawl 1 --same-origin follows same-site links one level deep', async () => {
  const out = tmpDir();
  const run = await kanjian(['audit', 'tests/fixtures/pages/cli/crawl/index.html', '--crawl', '1', '--same-origin', '--out', out, '--format', 'json']);
  expect(run.code, run.stdout + run.stderr).toBe(1); // a.html has an image without alt
  const urls = readReport(out).pages.map((p) => p.url);
  // index (depth 0), a and b (depth 1); not c (depth 2), not notes.txt (not HTML), not the external site.
  expect(urls).toEqual(['tests/fixtures/pages/cli/crawl/a.html', 'tests/fixtures/pages/cli/crawl/b.html', 'tests/fixtures/pages/cli/crawl/index.html']);
});

test('--sitemap audits every <loc> of a sitemap', async () => {
  const server = await startServer();
  try {
    const dir = tmpDir();
    const sitemap = join(dir, 'sitemap.xml');
    writeFileSync(
      sitemap,
      `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>${server.url}/cli/crawl/a.html</loc></url>
  <url><loc>${server.url}/cli/crawl/c.html?from=sitemap&amp;lang=zh</loc><lastmod>2006-01-01</lastmod></url>
</urlset>`,
    );
    const run = await kanjian(['audit', '--sitemap', sitemap, '--out', join(dir, 'out'), '--format', 'json']);
    expect([0, 1], run.stdout + run.stderr).toContain(run.code);
    const report = readReport(join(dir, 'out'));
    expect(report.pages.map((p) => [p.url, p.status])).toEqual([
      [`${server.url}/cli/crawl/a.html`, 'audited'],
      [`${server.url}/cli/crawl/c.html?from=sitemap&lang=zh`, 'audited'],
    ]);
  } finally {
    await server.close();
  }
});

test('`kanjian audit . --crawl 1`: links to "/", "sub/", "/sub" are the index pages already listed, audited once each', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'sub'));
  const page = (title: string, links: string[]): string =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>` +
    `<ul>${links.map((l) => `<li><a href="${l}">去 ${l}</a></li>`).join('')}</ul></main></body></html>`;
  writeFileSync(join(dir, 'index.html'), page('首页', ['/', './', 'index.html', 'sub/', '/sub', 'sub/index.html']));
  writeFileSync(join(dir, 'sub', 'index.html'), page('栏目', ['../', '/', './', '/sub/']));
  const run = await kanjian(['audit', '.', '--crawl', '1', '--same-origin', '--out', 'out', '--format', 'json'], { cwd: dir });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const report = readReport(join(dir, 'out'));
  expect(report.pages.map((p) => [p.url, p.status, p.title])).toEqual([
    ['index.html', 'audited', '首页'],
    ['sub/index.html', 'audited', '栏目'],
  ]);
});
