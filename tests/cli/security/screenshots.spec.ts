// Screenshots are files kanjian writes and names: they go only into a real OUT/screenshots folder
// (never through a symbolic link planted in the checkout), and a report naming any other path
// (../, an absolute path, a URL) is refused by the report schema and never rendered by report.html.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { toHtml } from '../../../src/audit/export/html';
import type { KanjianReport } from '../../../src/audit/model';
import { kanjian, readReport, tmpDir } from '../helpers';

const PAGE = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>t</h1><button id="b"></button></main></body></html>';

test('OUT/screenshots that is a symbolic link (or a file) is exit 2; nothing is written through it', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'p.html'), PAGE);
  const elsewhere = join(dir, 'elsewhere');
  mkdirSync(elsewhere);
  mkdirSync(join(dir, 'out'));
  symlinkSync(elsewhere, join(dir, 'out', 'screenshots'));
  const run = await kanjian(['audit', 'p.html', '--screenshots', 'violations', '--out', 'out'], { cwd: dir });
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(/out\/screenshots is not a folder \(a symbolic link\)/);
  expect(readdirSync(elsewhere)).toEqual([]);
  mkdirSync(join(dir, 'out2'));
  writeFileSync(join(dir, 'out2', 'screenshots'), 'x');
  const file = await kanjian(['audit', 'p.html', '--screenshots', 'violations', '--out', 'out2'], { cwd: dir });
  expect(file.code).toBe(2);
  expect(file.stderr).toMatch(/out2\/screenshots is not a folder \(a file\)/);
});

test('a report naming a screenshot outside OUT/screenshots is refused (merge-reports, exit 2) and never rendered', async () => {
  const dir = tmpDir();
  writeFileSync(join(dir, 'p.html'), PAGE);
  const run = await kanjian(['audit', 'p.html', '--screenshots', 'violations', '--out', 'shard', '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(1);
  const real = readReport(join(dir, 'shard'));
  expect(real.pages[0]!.violations[0]!.nodes[0]!.screenshot).toMatch(/^screenshots\//);
  for (const bad of ['../../../etc/passwd', '/etc/passwd', 'javascript:alert(1)', 'https://evil.example/x.png', 'screenshots/../../x.png']) {
    const r = structuredClone(real);
    r.pages[0]!.violations[0]!.nodes[0]!.screenshot = bad;
    mkdirSync(join(dir, 'bad'), { recursive: true });
    const text = JSON.stringify(r, null, 2);
    writeFileSync(join(dir, 'bad', 'report.json'), text);
    const line = text.split('\n').findIndex((l) => l.includes('"screenshot"')) + 1;
    const merge = await kanjian(['merge-reports', 'bad', '--out', 'merged', '--format', 'html'], { cwd: dir });
    expect(merge.code, bad + merge.stderr).toBe(2);
    expect(merge.stderr).toContain(`bad/report.json, line ${line}: /pages/0/violations/0/nodes/0/screenshot must match pattern`);
    expect(existsSync(join(dir, 'merged', 'report.html'))).toBe(false);
    // And report.html, given such a report anyway, shows no picture and no link.
    const html = toHtml(r as KanjianReport, { image: () => 'data:image/png;base64,AAAA' });
    expect(html).not.toContain(bad);
    expect(html).not.toContain('<img class="shot"');
  }
  expect(readFileSync(join(dir, 'shard', 'report.json'), 'utf8')).toContain('"screenshot"');
});
