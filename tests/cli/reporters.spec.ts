// Every reporter of `kanjian audit`, validated: report.json against report.schema.json, JUnit XML
// parsed (one testcase per page × rule), SARIF against the official 2.1.0 schema, HTML and CSV.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { expect, test } from '@playwright/test';
import { CSV_COLUMNS } from '../../src/audit/export/csv';
import { BAD, DEMO, kanjian, nodeCount, parseCsv, readReport, REPO, reportSchemaErrors, sarifSchemaErrors, tmpDir } from './helpers';

const AXE_VERSION = (JSON.parse(readFileSync(join(REPO, 'node_modules', 'axe-core', 'package.json'), 'utf8')) as { version: string }).version;

test('json, junit, sarif, html and csv reports of three pages are valid and agree', async () => {
  const out = tmpDir();
  const before = join(BAD, 'before', 'home.html');
  const after = join(BAD, 'after', 'home.html');
  const run = await kanjian(['audit', DEMO, before, after, '--profile', '适老化', '--format', 'json,junit,sarif,html,csv', '--out', out]);
  expect(run.stderr).not.toContain('internal error');
  expect(run.code, run.stdout + run.stderr).toBe(1); // the BAD "before" page has violations
  expect(run.stdout).toMatch(/结果 Result: 不通过 FAIL.*exit 1/);

  // report.json
  const report = readReport(out);
  expect(reportSchemaErrors(report)).toEqual([]);
  expect(report.schemaVersion).toBe('1.0.0');
  expect(report.tool).toEqual({ name: 'kanjian', version: expect.any(String), axeVersion: AXE_VERSION });
  expect(report.options.elderlyProfile).toBe(true);
  expect(report.pages.map((p) => p.url).sort()).toEqual(['../shared/corpus/bad/after/home.html', '../shared/corpus/bad/before/home.html', DEMO].sort());
  for (const p of report.pages) {
    expect(p.status).toBe('audited');
    expect(p.passes).toBeGreaterThan(0);
    expect(p.title).toBeTruthy();
    for (const f of [...p.violations, ...p.incomplete]) {
      expect(f.nodes.length).toBeGreaterThan(0);
      for (const n of f.nodes) expect(typeof n.html === 'string' && typeof n.failureSummary === 'string' && n.target.length > 0).toBe(true);
    }
  }
  const beforePage = report.pages.find((p) => p.url.endsWith('before/home.html'))!;
  expect(beforePage.violations.map((f) => f.id)).toEqual(expect.arrayContaining(['image-alt', 'html-has-lang']));
  // 适老化 rules ran (tagged kanjian-elderly) on the demo page.
  const demo = report.pages.find((p) => p.url === DEMO)!;
  expect([...demo.violations, ...demo.incomplete, ...demo.passedRules.map((id) => ({ id }))].some((f) => f.id.startsWith('kanjian-'))).toBe(true);

  // JUnit: one suite per page, one testcase per page × rule.
  const xml = readFileSync(join(out, 'report.junit.xml'), 'utf8');
  const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: { tests: string; failures: string; testsuite: Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; classname: string; failure?: unknown }> }> };
  };
  expect(junit.testsuites.testsuite).toHaveLength(3);
  let cases = 0;
  for (const p of report.pages) {
    const suite = junit.testsuites.testsuite.find((s) => s.name === p.url)!;
    const rules = new Set([...p.violations.map((f) => f.id), ...p.incomplete.map((f) => f.id), ...p.passedRules]);
    expect(suite.testcase.map((c) => c.name).sort()).toEqual([...rules].sort());
    expect(suite.testcase.filter((c) => c.failure !== undefined)).toHaveLength(p.violations.length);
    expect(Number(suite.tests)).toBe(rules.size);
    cases += rules.size;
  }
  expect(Number(junit.testsuites.tests)).toBe(cases);

  // SARIF 2.1.0, valid against the official schema; one result per violating node.
  const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ kind: string; ruleId: string }> }> };
  expect(sarifSchemaErrors(sarif)).toEqual([]);
  expect(sarif.version).toBe('2.1.0');
  const fails = sarif.runs[0]!.results.filter((r) => r.kind === 'fail');
  expect(fails).toHaveLength(report.pages.reduce((s, p) => s + nodeCount(p.violations), 0));

  // HTML: a whole document in the report's language, naming every page.
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('lang="zh-CN"');
  for (const p of report.pages) expect(html).toContain(p.url);
  expect(html).not.toMatch(/<script\b/i);

  // CSV: the documented header and one row per finding node.
  const csv = parseCsv(readFileSync(join(out, 'report.csv'), 'utf8').replace(/^\ufeff/, ''));
  expect(csv[0]).toEqual([...CSV_COLUMNS]);
  expect(csv.slice(1).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  expect(csv.length - 1).toBe(report.pages.reduce((s, p) => s + nodeCount(p.violations) + nodeCount(p.incomplete), 0));
});

test('SARIF for code scanning: a local file is a percent-encoded relative path, each result on its element\'s line', async () => {
  const dir = tmpDir();
  const name = '新闻 #1.html';
  const lines = [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8"><title>新闻</title></head>',
    '<body><main>',
    '  <h1>新闻</h1>',
    "  <p>今天的新闻。</p><img src='banner.png'",
    '      width="300" height="60">',
    '  <p><a href="list.html"><img src="more.png" width="20" height="20"></a></p>',
    '</main></body></html>',
  ];
  writeFileSync(join(dir, name), lines.join('\n'));
  const run = await kanjian(['audit', name, '--format', 'sarif,json', '--out', 'out'], { cwd: dir });
  expect(run.code, run.stdout + run.stderr).toBe(1);
  const sarif = JSON.parse(readFileSync(join(dir, 'out', 'report.sarif'), 'utf8')) as {
    runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; snippet: { text: string } } } }>; partialFingerprints: Record<string, string> }> }>;
  };
  expect(sarifSchemaErrors(sarif)).toEqual([]);
  const alt = sarif.runs[0]!.results.filter((r) => r.ruleId === 'image-alt');
  expect(alt.map((r) => [r.locations[0]!.physicalLocation.region.snippet.text.match(/src="(.*?)"/)![1], r.locations[0]!.physicalLocation.region.startLine])).toEqual([
    ['banner.png', 6],
    ['more.png', 8],
  ]);
  for (const r of sarif.runs[0]!.results) {
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe('%E6%96%B0%E9%97%BB%20%231.html');
    expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{16}:1$/);
  }
});
