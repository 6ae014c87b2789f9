// Pages from a sitemap, and pages found by following links (--crawl DEPTH --same-origin).
import { writeFileSync } from 'node:fs';
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
