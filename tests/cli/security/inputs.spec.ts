// CI inputs that come with a change — a --baseline, a config file, the shard reports merge-reports
// reads — are checked against their schemas before anything is audited or written: a malformed one is
// exit 2 naming the file and the line, never a crash after every page was audited (exit 4, no
// reports). What merge-reports renders is escaped, whatever a shard holds.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { toHtml } from '../../../src/audit/export/html';
import type { KanjianReport } from '../../../src/audit/model';
import { DEMO, kanjian, readReport, tmpDir } from '../helpers';

/** A real report of the demo page (it has violations), written once for the tests below. */
let real: KanjianReport;
test.beforeAll(async () => {
  const out = tmpDir();
  const run = await kanjian(['audit', DEMO, '--out', out, '--format', 'json']);
  expect(run.code, run.stdout + run.stderr).toBe(1);
  real = readReport(out);
});

/** Writes JSON two-space indented (as kanjian does) and returns the 1-based line of the first line matching `at`. */
function writeJson(file: string, data: unknown, at: RegExp): number {
  const text = JSON.stringify(data, null, 2);
  writeFileSync(file, text);
  return text.split('\n').findIndex((l) => at.test(l)) + 1;
}

test('a malformed --baseline exits 2 naming the file and line, before any page is audited', async () => {
  const dir = tmpDir();
  const cases: Array<[string, unknown, RegExp]> = [
    ['null-entry.json', { schemaVersion: '1.0.0', kind: 'kanjian-baseline', createdFrom: 'x', entries: [null] }, /^ {4}null/],
    ['bad-group.json', { schemaVersion: '1.0.0', kind: 'kanjian-baseline', createdFrom: 'x', entries: [{ fingerprint: 'a', rule: 'r', url: 'u', target: 't', group: 'passes' }] }, /"group"/],
    ['report-broken.json', { ...structuredClone(real), pages: [{ ...structuredClone(real.pages[0]!), violations: 'oops' }] }, /"violations": "oops"/],
    ['fingerprints.json', ['ok', 42], /^ {2}42/],
  ];
  for (const [name, data, at] of cases) {
    const line = writeJson(join(dir, name), data, at);
    expect(line, name).toBeGreaterThan(0);
    const out = join(dir, `out-${name}`);
    const run = await kanjian(['audit', DEMO, '--baseline', join(dir, name), '--out', out, '--format', 'json,html']);
    expect(run.code, `${name}\n${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr, name).toContain(`${join(dir, name)}, line ${line}`);
    expect(run.stderr, name).toMatch(/基线文件 .* 第 \d+ 行/);
    // Refused before the browser: no page audited, nothing written.
    expect(run.stderr).not.toMatch(/开始检测|auditing/);
    expect(existsSync(out), name).toBe(false);
  }
  // A syntax error: line and column.
  writeFileSync(join(dir, 'syntax.json'), '{\n  "schemaVersion": "1.0.0",\n  "kind": "kanjian-baseline"\n  "entries": []\n}\n');
  const run = await kanjian(['audit', DEMO, '--baseline', join(dir, 'syntax.json'), '--out', join(dir, 'o'), '--format', 'json']);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/syntax\.json is not valid JSON: expected ',' or '}' at line 4, column 3/);
});

test('a malformed config file exits 2 naming the file and line', async () => {
  const dir = tmpDir();
  const cases: Array<[string, RegExp]> = [
    ['{\n  "urls": ["a.html"],\n  "crawl": "deep"\n}\n', /kanjian\.config\.json, line 3: "crawl" must be an integer of at least 0/],
    ['{\n  "urls": [\n    "a.html",\n    { "url": "b.html", "rules": [1] }\n  ]\n}\n', /kanjian\.config\.json, line 4: "urls" must be an array of URL\/path strings/],
    ['{\n  "urls": ["a.html"],\n  "failon": "serious"\n}\n', /kanjian\.config\.json, line 3: unknown keys: failon/],
    ['{\n  "urls": ["a.html"],\n  "concurrency": 0\n}\n', /kanjian\.config\.json, line 3: "concurrency" must be an integer of at least 1/],
    ['[\n  "a.html"\n]\n', /kanjian\.config\.json, line 1: must be a JSON object/],
    ['{\n  "urls": ["a.html"],,\n}\n', /kanjian\.config\.json is not valid JSON: expected a property name at line 2, column 22/],
  ];
  for (const [text, message] of cases) {
    writeFileSync(join(dir, 'kanjian.config.json'), text);
    const run = await kanjian(['audit'], { cwd: dir });
    expect(run.code, `${text}\n${run.stderr}`).toBe(2);
    expect(run.stderr, text).toMatch(message);
  }
});

test('merge-reports: a malformed shard exits 2 naming the file and line; an XSS payload in impact or passes never reaches report.html', async () => {
  const dir = tmpDir();
  const shard = (name: string, edit: (r: KanjianReport) => void, at: RegExp): { dir: string; line: number } => {
    const r = structuredClone(real);
    edit(r);
    mkdirSync(join(dir, name), { recursive: true });
    return { dir: join(dir, name), line: writeJson(join(dir, name, 'report.json'), r, at) };
  };
  const XSS = '"><script>alert(document.domain)</script><img src=x onerror=alert(1)>';
  const cases = [
    shard('impact', (r) => ((r.pages[0]!.violations[0] as { impact: unknown }).impact = XSS), /"impact": "\\"><script>/),
    shard('passes', (r) => ((r.pages[0] as { passes: unknown }).passes = XSS), /"passes": "\\"><script>/),
    shard('nodes', (r) => ((r.pages[0]!.violations[0] as { nodes: unknown }).nodes = 'oops'), /"nodes": "oops"/),
    shard('pages', (r) => ((r as { pages: unknown }).pages = { 0: 'x' }), /"pages": \{/),
  ];
  for (const c of cases) {
    expect(c.line, c.dir).toBeGreaterThan(0);
    const out = join(dir, 'merged');
    const run = await kanjian(['merge-reports', c.dir, '--out', out, '--format', 'json,html']);
    expect(run.code, `${c.dir}\n${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr, c.dir).toMatch(new RegExp(`report .*report\\.json, line ${c.line}: .*\\(not a valid kanjian report\\.json\\)`));
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  }
});

test('report.html escapes every value of the report, numbers and impacts included (a second line behind the schema)', () => {
  const XSS = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const r = structuredClone(real) as unknown as { pages: Array<Record<string, unknown> & { violations: Array<Record<string, unknown>> }>; summary: Record<string, unknown> };
  r.pages[0]!.passes = XSS;
  r.pages[0]!.violations[0]!.impact = XSS;
  r.summary.passes = XSS;
  const html = toHtml(r as unknown as KanjianReport);
  const body = html.slice(html.indexOf('<body'));
  expect(body).not.toMatch(/<script|<img|onerror=alert\(2\)>/);
  expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  // The one attribute a value went into is closed properly.
  expect(body).toContain('class="badge &quot;&gt;&lt;script&gt;');
});
