// What changed between runs: `kanjian diff OLD NEW`, `kanjian audit --compare`, and `--history` with
// its trend chart (an inline SVG in report.html, validated here).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { kanjian, readReport, tmpDir } from './helpers';

const page = (body: string): string => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>版本</title></head><body><main><h1>版本</h1>${body}</main></body></html>`;
/** v1: an image without alt and a button without a name. v2: the image fixed, a field without a label added. */
const V1 = page('<img id="photo" src="a.png" width="10" height="10"><button id="go"></button>');
const V2 = page('<img id="photo" src="a.png" alt="钟楼区政府大楼外景" width="10" height="10"><button id="go"></button><input id="email" type="text">');

test('kanjian diff: one fixed, one new and one unchanged finding, counted by impact; --compare shows it in report.html', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), V1);
  expect((await kanjian(['audit', 'site/', '--out', 'run1', '--format', 'json'], { cwd: dir })).code).toBe(1);
  writeFileSync(join(dir, 'site', 'index.html'), V2);
  const second = await kanjian(['audit', 'site/', '--out', 'run2', '--format', 'json,html', '--compare', 'run1'], { cwd: dir });
  expect(second.code, second.stderr).toBe(1);
  expect(second.stdout).toMatch(/新增 new: 1（严重 critical 1 · 较重 serious 0 · 中等 moderate 0 · 轻微 minor 0）\n {4}critical {2}label {2}site\/index\.html {2}#email/);
  expect(second.stdout).toMatch(/已修复 fixed: 1（严重 critical 1[^\n]*\n {4}critical {2}image-alt {2}site\/index\.html {2}#photo/);
  expect(second.stdout).toMatch(/未变 unchanged: 1（严重 critical 1/);

  const diff = await kanjian(['diff', 'run1', 'run2/report.json', '--json'], { cwd: dir });
  expect(diff.code, diff.stderr).toBe(1);
  const c = JSON.parse(diff.stdout);
  expect(c.added.map((f: { rule: string; target: string }) => [f.rule, f.target])).toEqual([['label', '#email']]);
  expect(c.fixed.map((f: { rule: string; target: string }) => [f.rule, f.target])).toEqual([['image-alt', '#photo']]);
  expect(c.counts).toEqual({
    added: { critical: 1, serious: 0, moderate: 0, minor: 0 },
    fixed: { critical: 1, serious: 0, moderate: 0, minor: 0 },
    unchanged: { critical: 1, serious: 0, moderate: 0, minor: 0 },
  });
  expect((await kanjian(['diff', 'run1', 'run2', '--fail-on', 'none'], { cwd: dir })).code).toBe(0);
  // Backwards: the fixed finding is new, the new one fixed.
  const back = JSON.parse((await kanjian(['diff', 'run2', 'run1', '--json'], { cwd: dir })).stdout);
  expect(back.added[0].rule).toBe('image-alt');

  const html = readFileSync(join(dir, 'run2', 'report.html'), 'utf8');
  expect(html).toContain('<h2 id="comparison">与上次运行的对比</h2>');
  expect(html).toMatch(/<tr id="compare-added"><th scope="row">新增<\/th><td class="num">1<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">0<\/td><td class="num">1<\/td><\/tr>/);
  expect(html).toMatch(/<tr id="compare-fixed"><th scope="row">已修复<\/th><td class="num">1<\/td>/);
});

test('--history: five runs make a series, and report.html draws their trend as a valid inline SVG', async () => {
  const dir = tmpDir();
  mkdirSync(join(dir, 'site'));
  const imagesPerRun = [4, 3, 3, 1, 0];
  for (const [k, n] of imagesPerRun.entries()) {
    writeFileSync(join(dir, 'site', 'index.html'), page(Array.from({ length: n }, (_, i) => `<img id="i${i}" src="a.png" width="10" height="10">`).join('') + '<button id="go"></button>'));
    const run = await kanjian(['audit', 'site/', '--out', `run${k}`, '--format', 'json,html', '--history', 'history'], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
  }
  const series = JSON.parse(readFileSync(join(dir, 'history', 'kanjian-history.json'), 'utf8'));
  expect(series.kind).toBe('kanjian-history');
  // image-alt and button-name are both critical.
  expect(series.runs.map((r: { violations: { critical: number } }) => r.violations.critical)).toEqual(imagesPerRun.map((n) => n + 1));
  expect(series.runs.map((r: { generatedAt: string }) => r.generatedAt)).toEqual(imagesPerRun.map((_n, k) => readReport(join(dir, `run${k}`)).generatedAt));

  const html = readFileSync(join(dir, 'run4', 'report.html'), 'utf8');
  const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(/<script|href=|url\(|<image|<foreignObject/i);
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
  const lines = parsed.svg.polyline as Array<{ 'data-impact': string; points: string }>;
  expect(lines.map((l) => l['data-impact'])).toEqual(['critical', 'serious', 'moderate', 'minor']);
  const critical = lines[0]!.points.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
  expect(critical).toHaveLength(5);
  // Left to right in run order; higher counts higher up (smaller y), equal counts level.
  expect(critical.map(([x]) => x)).toEqual([...critical.map(([x]) => x)].sort((a, b) => a - b));
  expect(critical[0]![1]).toBeLessThan(critical[1]![1]);
  expect(critical[1]![1]).toBe(critical[2]![1]);
  expect(critical[3]![1]).toBeLessThan(critical[4]![1]);
  for (const l of lines.slice(1)) expect(new Set(l.points.split(' ').map((p) => p.split(',')[1])).size).toBe(1);
  // The numbers are in a table too.
  expect(html).toContain('<h2 id="trend">趋势</h2>');
  const trend = html.slice(html.indexOf('<h2 id="trend">'), html.indexOf('</section>', html.indexOf('<h2 id="trend">')));
  expect(trend.match(/<tr><th scope="row" class="num">\d<\/th>/g)).toHaveLength(5);
});
