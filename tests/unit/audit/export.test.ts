import { describe, expect, test } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import {
  buildReport, csvRows, CSV_COLUMNS, SARIF_FINGERPRINT_KEY, toCsv, toHtml, toJson, toJunit, toSarif, type KanjianReport,
} from '../../../src/audit/index';
import { GENERATED_AT, REPO, page, pageInput, recording } from './helpers';
import { reportSchemaErrors, SARIF_SCHEMA_PATH, sarifSchemaErrors } from '../../support/schemas';

// Parsed XML and SARIF JSON are walked by property in these tests: loosely typed on purpose.
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const axeSource = fs.readFileSync(path.join(REPO, 'node_modules/axe-core/axe.js'), 'utf8');

function smallReport(locale: 'zh-CN' | 'zh-TW' | 'en' = 'zh-CN'): KanjianReport {
  return buildReport({
    pages: [pageInput(page('before/home.html'), true), pageInput(page('frames/host.html')), { url: 'https://corpus.kanjian.test/gone.html', error: 'HTTP 404' }],
    options: { ...recording().options, locale },
    toolVersion: '0.1.0',
    generatedAt: GENERATED_AT,
  });
}

/** A report whose page content tries to inject markup and script everywhere. */
function hostileReport(): KanjianReport {
  const evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>"\'&';
  return buildReport({
    pages: [
      {
        url: `https://evil.test/?q=${encodeURIComponent('"><script>alert(3)</script>')}`,
        title: `Title ${evil}`,
        results: {
          testEngine: { version: '4.14.1' },
          violations: [
            {
              id: 'image-alt', impact: 'critical', tags: ['wcag2a', 'wcag111'], help: `help ${evil}`, helpUrl: 'javascript:alert(4)',
              nodes: [{
                target: [`img[alt="${evil}"]`], html: `<img src=x onerror=alert(1)><script>alert(5)</script>`, impact: 'critical',
                failureSummary: `Fix any of the following:\n  ${evil}`,
                any: [{ id: 'has-alt', message: evil, data: null, impact: 'critical' }],
              }],
            },
          ],
          incomplete: [],
          passes: [{ id: 'document-title' }],
        },
      },
      { url: 'https://evil.test/2', error: `boom ${evil}` },
    ],
    options: { locale: 'en' },
    generatedAt: GENERATED_AT,
  });
}

describe('JSON export', () => {
  test('validates against report.schema.json, with and without raw', () => {
    const r = buildReport({ pages: [pageInput(page('before/survey.html'))], generatedAt: GENERATED_AT, keepRaw: true });
    const plain = JSON.parse(toJson(r));
    expect(reportSchemaErrors(plain)).toEqual([]);
    expect(plain.pages[0].raw).toBeUndefined();
    const withRaw = JSON.parse(toJson(r, { raw: true }));
    expect(reportSchemaErrors(withRaw)).toEqual([]);
    expect(withRaw.pages[0].raw).toEqual(page('before/survey.html').results);
    expect(reportSchemaErrors(JSON.parse(toJson(hostileReport())))).toEqual([]);
  });
});

describe('HTML export', () => {
  async function audit(html: string): Promise<import('axe-core').AxeResults> {
    const dom = new JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
    const win = dom.window as unknown as { eval(s: string): void; axe: typeof import('axe-core'); document: Document };
    win.eval(axeSource);
    const res = await win.axe.run(win.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    dom.window.close();
    return res;
  }

  test('self-contained, landmarks, headings, tables with scope; zero axe WCAG 2.2 AA violations', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const html = toHtml(smallReport(locale));
      const doc = new JSDOM(html).window.document;
      expect(doc.querySelectorAll('script, link, img, iframe, object, embed, [src], [style]')).toHaveLength(0);
      expect(doc.querySelector('style')!.textContent).not.toMatch(/@import|url\(/);
      expect(doc.documentElement.lang).toBe(locale);
      expect(doc.querySelectorAll('header, nav, main, footer')).toHaveLength(4);
      expect(doc.querySelectorAll('h1')).toHaveLength(1);
      expect([...doc.querySelectorAll('th')].every((th) => th.getAttribute('scope') === 'col' || th.getAttribute('scope') === 'row')).toBe(true);
      expect(doc.querySelector('style')!.textContent).toContain('@media print');
      const res = await audit(html);
      expect(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      expect(res.passes.length).toBeGreaterThan(10);
    }
  }, 60_000);

  test('shows localised texts, references and the derived GB/T label', () => {
    const html = toHtml(smallReport('zh-CN'));
    expect(html).toContain('看见 kanjian 无障碍检测报告');
    expect(html).toContain('修复以下任一问题：');
    expect(html).toContain('5.1.1（推定）');
    expect(html).toContain('变换: tiny-text');
    expect(html).toContain('无法检测此页面：HTTP 404');
    const tw = toHtml(smallReport('zh-TW'));
    expect(tw).toContain('看見 kanjian 無障礙檢測報告');
  });

  test('page content is escaped text: hostile markup cannot run or create elements', async () => {
    const html = toHtml(hostileReport());
    const alerts: unknown[] = [];
    const dom = new JSDOM(html, {
      runScripts: 'dangerously',
      virtualConsole: new VirtualConsole(),
      beforeParse(win) { (win as unknown as { alert: (m: unknown) => void }).alert = (m) => alerts.push(m); },
    });
    await new Promise((r) => setTimeout(r, 50));
    const doc = dom.window.document;
    expect(alerts).toEqual([]);
    expect(doc.querySelectorAll('script, img, iframe, object, embed')).toHaveLength(0);
    expect([...doc.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => a.name.startsWith('on')))).toBe(false);
    expect([...doc.querySelectorAll('a')].every((a) => /^(#|https?:)/.test(a.getAttribute('href') ?? ''))).toBe(true);
    // The hostile strings are still there, as text.
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)></script><script>alert(2)</script>');
    expect(doc.title).toBe('kanjian accessibility audit report');
    expect(html).toContain("default-src 'none'");
  });
});

/** A small RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c; i++; continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '"' || c === '\r' || c === '\n') throw new Error(`Bad CSV at ${i}`);
    cell += c; i++;
  }
  if (cell !== '' || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('CSV export', () => {
  test('BOM, one row per element, parses back to the same rows', () => {
    const report = smallReport();
    const csv = toCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toEqual(csvRows(report));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const nodes = report.pages.flatMap((p) => [...p.violations, ...p.incomplete]).reduce((n, f) => n + f.nodes.length, 0);
    expect(rows.length).toBe(1 + nodes + 1); // header + elements + the failed page
    expect(rows.some((r) => r[13]!.includes('\n'))).toBe(true); // multi-line failure summaries survive
    expect(rows.find((r) => r[4] === 'image-alt')![6]).toMatch(/[\u4e00-\u9fff]/);
  });

  test('hostile content: quotes, commas and newlines round-trip; formulas are neutralised', () => {
    const report = hostileReport();
    const audited = report.pages.find((p) => p.status === 'audited')!;
    audited.title = '=HYPERLINK("http://x.test","click"), and more';
    const rows = parseCsv(toCsv(report).slice(1));
    expect(rows).toEqual(csvRows(report));
    const row = rows.find((r) => r[4] === 'image-alt')!;
    expect(row[1]).toBe('\'=HYPERLINK("http://x.test","click"), and more');
    expect(row[12]).toBe('<img src=x onerror=alert(1)><script>alert(5)</script>');
    expect(csvRows(report, { protectFormulas: false }).find((r) => r[4] === 'image-alt')![1]).toBe('=HYPERLINK("http://x.test","click"), and more');
  });
});

describe('JUnit export', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase'].includes(name) });

  test('well-formed; one testcase per page × rule; failures for violations', () => {
    const report = smallReport();
    const xml = toJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite as Record<string, Loose>[];
    expect(suites.map((s) => s['@name'])).toEqual(report.pages.map((p) => p.url));
    let tests = 0, failures = 0;
    report.pages.forEach((p, i) => {
      const cases = suites[i]!.testcase as Record<string, Loose>[];
      tests += cases.length;
      expect(Number(suites[i]!['@tests'])).toBe(cases.length);
      if (p.status === 'failed') {
        expect(cases[0]!.error['@message']).toBe('HTTP 404');
        return;
      }
      const names = cases.map((c) => c['@name']);
      expect(new Set(names).size).toBe(names.length);
      const violated = new Set(p.violations.map((f) => (f.transform ? `${f.id} [${f.transform}]` : f.id)));
      const failed = cases.filter((c) => c.failure).map((c) => c['@name']);
      expect(new Set(failed)).toEqual(violated);
      failures += failed.length;
      for (const id of p.passedRules) expect(names).toContain(id);
      const review = cases.filter((c) => c.skipped).map((c) => c['@name']);
      for (const f of p.incomplete) {
        const name = f.transform ? `${f.id} [${f.transform}]` : f.id;
        if (!violated.has(name)) expect(review).toContain(name);
      }
    });
    expect(Number(doc.testsuites['@tests'])).toBe(tests);
    expect(Number(doc.testsuites['@failures'])).toBe(failures);
    expect(Number(doc.testsuites['@errors'])).toBe(1);
    const home = suites.find((s) => s['@name'].endsWith('before/home.html'))!;
    const alt = (home.testcase as Loose[]).find((c) => c['@name'] === 'image-alt');
    expect(alt.failure['@type']).toBe('critical');
    expect(alt.failure['#text']).toContain('img[src$="border_left_top.gif"]');
  });

  test('hostile content and control characters stay well-formed', () => {
    const report = hostileReport();
    const audited = report.pages.find((p) => p.status === 'audited')!;
    audited.violations[0]!.nodes[0]!.html = 'bad \u0001\u0008 chars \uFFFF';
    const xml = toJunit(report);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.testsuites.testsuite.map((s: Record<string, string>) => s['@name'])).toEqual(report.pages.map((p) => p.url));
    expect(xml.includes('\u0001') || xml.includes('\u0008')).toBe(false);
  });
});

describe('SARIF export', () => {
  test('structure: rules with helpUri, results located by URL, selector and snippet, fingerprints', () => {
    const report = smallReport();
    const log = JSON.parse(toSarif(report));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('kanjian');
    const rules = run.tool.driver.rules as Loose[];
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.shortDescription.text).toBeTruthy();
      expect(r.helpUri).toMatch(/^https:\/\//);
    }
    const nodes = report.pages.flatMap((p) => [...p.violations, ...p.incomplete].flatMap((f) => f.nodes.map((n) => ({ p, f, n }))));
    expect(run.results).toHaveLength(nodes.length);
    run.results.forEach((res: Loose, i: number) => {
      const { p, f, n } = nodes[i]!;
      expect(rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.ruleId).toBe(f.id);
      expect(['error', 'warning', 'note', 'none']).toContain(res.level);
      expect(res.message.text).toBeTruthy();
      const loc = res.locations[0];
      expect(loc.physicalLocation.artifactLocation.uri).toBe(p.url);
      expect(run.artifacts[loc.physicalLocation.artifactLocation.index].location.uri).toBe(p.url);
      expect(loc.physicalLocation.region.snippet.text).toBe(n.html);
      expect(loc.logicalLocations[0].fullyQualifiedName).toContain(typeof n.target[0] === 'string' ? n.target[0] : n.target[0]![0]);
      expect(res.partialFingerprints[SARIF_FINGERPRINT_KEY]).toBe(n.fingerprint);
    });
    expect(run.results.filter((r: Loose) => r.kind === 'review').every((r: Loose) => r.level === 'none')).toBe(true);
    expect(run.invocations[0].executionSuccessful).toBe(false); // one page failed
    expect(JSON.parse(toSarif(report, { includeIncomplete: false })).runs[0].results.every((r: Loose) => r.kind === 'fail')).toBe(true);
    expect(JSON.parse(toSarif(hostileReport())).runs[0].tool.driver.rules[0].helpUri).toBeUndefined(); // javascript: dropped
  });

  test.skipIf(!SARIF_SCHEMA_PATH)('validates against the official SARIF 2.1.0 schema', () => {
    for (const report of [smallReport(), hostileReport()]) expect(sarifSchemaErrors(JSON.parse(toSarif(report)))).toEqual([]);
  });
});
