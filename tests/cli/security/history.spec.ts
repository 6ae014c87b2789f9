// --history and --compare read folders that come back from a CI cache or another job: a malformed
// series or report is exit 2 naming the line, a symbolic link planted in the folder is never written
// through, and a config file cannot point them outside the working directory.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { kanjian, tmpDir } from '../helpers';

const PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>t</h1></main></body></html>';

test('a history file with junk is exit 2 naming the line, before any page is audited', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'p.html'), PAGE);
  mkdirSync(join(dir, 'h'));
  const run0 = { generatedAt: '2026-01-01T00:00:00.000Z', pages: 1, violations: { critical: 0, serious: 0, moderate: 0, minor: 0 } };
  const cases: Array<[unknown, RegExp]> = [
    [{ kind: 'kanjian-history', schemaVersion: '1.0.0', runs: [{ ...run0, violations: { ...run0.violations, critical: '<script>' } }] }, /kanjian-history\.json, line 9: \/runs\/0\/violations\/critical must be integer/],
    [{ kind: 'kanjian-history', schemaVersion: '1.0.0', runs: [{ ...run0, generatedAt: '"><svg onload=alert(1)>' }] }, /line 6: \/runs\/0\/generatedAt must match format "date-time"/],
    [{ kind: 'something-else', runs: [] }, /line 2: \/kind must be equal to constant/],
  ];
  for (const [data, message] of cases) {
    writeFileSync(join(dir, 'h', 'kanjian-history.json'), JSON.stringify(data, null, 2));
    const run = await kanjian(['audit', 'p.html', '--history', 'h', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/开始检测|auditing/);
  }
});

test('a history file that is a symbolic link is refused, and its target is left alone', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'p.html'), PAGE);
  // A valid series: without the defence it would be read, extended and written through the link.
  const precious = JSON.stringify({ kind: 'kanjian-history', schemaVersion: '1.0.0', runs: [] });
  writeFileSync(join(dir, 'precious.txt'), precious);
  mkdirSync(join(dir, 'h'));
  symlinkSync(join(dir, 'precious.txt'), join(dir, 'h', 'kanjian-history.json'));
  const run = await kanjian(['audit', 'p.html', '--history', 'h', '--out', 'out'], { cwd: dir });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/h\/kanjian-history\.json is not a regular file \(it is a symbolic link\)/);
  expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe(precious);
  // A history folder that is itself a link is refused too.
  symlinkSync(join(dir, 'h'), join(dir, 'h2'));
  const linked = await kanjian(['audit', 'p.html', '--history', 'h2', '--out', 'out'], { cwd: dir });
  expect(linked.code).toBe(2);
  expect(linked.stderr).toMatch(/--history .*h2 is not a folder \(it is a symbolic link\)/);
});

test('a config file cannot point history or compare outside the working directory (../, or a link inside)', async () => {
  const root = tmpDir();
  const dir = join(root, 'repo');
  mkdirSync(dir);
  writeFileSync(join(dir, 'p.html'), PAGE);
  mkdirSync(join(root, 'outside'));
  // A real report outside: without the defence it would be read.
  expect((await kanjian(['audit', 'p.html', '--out', join(root, 'outside'), '--format', 'json'], { cwd: dir })).code).toBe(0);
  mkdirSync(join(dir, 'last'));
  symlinkSync(join(root, 'outside', 'report.json'), join(dir, 'last', 'report.json'));
  const cases: Array<[unknown, RegExp]> = [
    [{ urls: ['p.html'], history: '../outside' }, /"history" \.\.\/outside is outside the working directory/],
    [{ urls: ['p.html'], compare: '../outside' }, /"compare" \.\.\/outside is outside the working directory/],
    [{ urls: ['p.html'], compare: 'last' }, /"compare" last\/report\.json is outside the working directory .* \(symbolic links resolved: .*outside\/report\.json\)/],
  ];
  for (const [config, message] of cases) {
    writeFileSync(join(dir, 'kanjian.config.json'), JSON.stringify(config));
    const run = await kanjian(['audit', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(message);
  }
});

test('kanjian diff with a malformed report is exit 2 naming the file and line', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'old.json'), JSON.stringify({ schemaVersion: '1.0.0', pages: 'x' }, null, 2));
  const run = await kanjian(['diff', 'old.json', 'old.json'], { cwd: dir });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/old\.json, line 3: \/pages must be array \(not a valid kanjian report\.json\)/);
  const missing = await kanjian(['diff', 'nope', 'old.json'], { cwd: dir });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/no report at .*nope/);
});
