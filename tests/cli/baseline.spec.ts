// Baseline round trip: --update-baseline records today's findings (rule + page + target
// fingerprints); --baseline then fails only on findings that are new.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Baseline } from '../../src/audit/baseline';
import { startServer } from '../support/server.mjs';
import { kanjian, nodeCount, readReport, tmpDir } from './helpers';

const PAGE = (extra = ''): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>基线测试</title></head>
<body><main>
  <h1>通知公告</h1>
  <img src="logo.png" width="40" height="40">
  <p><a href="list.html"><img src="more.png" width="20" height="20"></a></p>
  <form><input type="text" name="q"></form>
  ${extra}
</main></body></html>`;

test('--update-baseline then --baseline: known findings pass, a new one fails', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), PAGE());

  const first = await kanjian(['audit', 'site', '--update-baseline', '--baseline', 'kanjian-baseline.json', '--out', 'out1', '--format', 'json'], { cwd: dir });
  expect(first.code, first.stdout + first.stderr).toBe(0);
  expect(first.stdout).toContain('kanjian-baseline.json');
  const baseline = JSON.parse(readFileSync(join(dir, 'kanjian-baseline.json'), 'utf8')) as Baseline;
  const full = readReport(join(dir, 'out1'));
  const known = full.pages.reduce((s, p) => s + nodeCount(p.violations) + nodeCount(p.incomplete), 0);
  expect(nodeCount(full.pages[0]!.violations)).toBeGreaterThanOrEqual(3); // two images, one unlabelled field
  expect(baseline.kind).toBe('kanjian-baseline');
  expect(baseline.entries).toHaveLength(known);
  expect(baseline.entries.every((e) => e.url === 'site/index.html')).toBe(true);

  // Same page again: every finding is known.
  const second = await kanjian(['audit', 'site', '--baseline', 'kanjian-baseline.json', '--out', 'out2', '--format', 'json'], { cwd: dir });
  expect(second.code, second.stdout + second.stderr).toBe(0);
  const filtered = readReport(join(dir, 'out2'));
  expect(filtered.pages[0]!.violations).toEqual([]);
  expect(filtered.baseline).toEqual({ entries: known, suppressedNodes: known });

  // One new problem: only it is reported, and it fails the run.
  writeFileSync(join(dir, 'site', 'index.html'), PAGE('<img src="new-banner.png" width="300" height="60">'));
  const third = await kanjian(['audit', 'site', '--baseline', 'kanjian-baseline.json', '--out', 'out3', '--format', 'json'], { cwd: dir });
  expect(third.code, third.stdout + third.stderr).toBe(1);
  const fresh = readReport(join(dir, 'out3'));
  expect(fresh.pages[0]!.violations.map((f) => [f.id, f.nodes.map((n) => n.html)])).toEqual([['image-alt', [expect.stringContaining('new-banner.png')]]]);
});

test('--update-baseline keeps the old baseline when a page could not be audited (exit 3)', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), PAGE());
  const old = JSON.stringify({ schemaVersion: '1.0.0', kind: 'kanjian-baseline', createdFrom: 'earlier', entries: [] });
  writeFileSync(join(dir, 'kanjian-baseline.json'), old);
  const server = await startServer();
  try {
    const run = await kanjian(['audit', 'site', `${server.url}/no-such-page.html`, '--update-baseline', '--out', 'out', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(3);
    expect(run.stderr).toMatch(/基线未更新：1 个页面无法检测[\s\S]*baseline not updated: 1 page\(s\) could not be audited/);
    expect(run.stdout).not.toContain('Baseline written');
    // The pages that were audited are still reported; the baseline is untouched.
    expect(readReport(join(dir, 'out')).pages.map((p) => [p.url, p.status])).toEqual([
      [`${server.url}/no-such-page.html`, 'failed'],
      ['site/index.html', 'audited'],
    ]);
    expect(readFileSync(join(dir, 'kanjian-baseline.json'), 'utf8')).toBe(old);
  } finally {
    await server.close();
  }
});
