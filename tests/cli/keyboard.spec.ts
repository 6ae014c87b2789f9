// The keyboard walk in `kanjian audit`: after each page's axe run the CLI presses Tab through the page
// (keys emulated in kanjian's own world) and reports traps, invisible focus, unreachable controls,
// order that jumps back up the page and dialogs that do not take, keep or return focus — in every
// report format, with the path of tab stops in report.json. --no-keyboard (or "keyboard": false in
// the config) skips it. No finding on pages that are fine: the W3C BAD "after" pages, the demo page
// and the clean portal pages. Chromium and Firefox.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { KanjianReport, PageReport } from '../../src/audit/model';
import { EXPECTED } from '../e2e/audit-keyboard-support';
import { BAD, DEMO, kanjian, readReport, reportSchemaErrors, sarifSchemaErrors, tmpDir } from './helpers';

const KEYBOARD = 'tests/fixtures/pages/audit-rules/keyboard';
const BROKEN = ['trap', 'focus-invisible', 'unreachable', 'order', 'dialog'] as const;
const CLEAN_PORTAL = ['portal-home', 'notice-list', 'data-table', 'service-form', 'layout-tables'].map((p) => `tests/fixtures/pages/audit-rules/clean/${p}.html`);

const byId = (selector: string): string => selector.replace(/^.*#/, '#');

/** A page's keyboard findings as the walk's own summary names them: rule, outcome, element, message key. */
function keyboardFindings(page: PageReport): string[] {
  const out: string[] = [];
  for (const [group, outcome] of [['violations', 'violation'], ['incomplete', 'review']] as const) {
    for (const f of page[group]) {
      if (!f.id.startsWith('kanjian-keyboard-')) continue;
      for (const n of f.nodes) {
        const data = (n.any[0]?.data ?? {}) as { messageKey?: string };
        out.push(`${f.id} ${outcome} ${byId(String(n.target[0]))} ${data.messageKey ?? ''}`);
      }
    }
  }
  return out.sort();
}

function pageOf(report: KanjianReport, url: string): PageReport {
  const p = report.pages.find((x) => x.url === url);
  expect(p, url).toBeDefined();
  expect(p!.status, p!.error).toBe('audited');
  return p!;
}

for (const browser of ['chromium', 'firefox'] as const) {
  test(`${browser}: the walk finds the trap, invisible focus, unreachable controls, bad order and dialog focus, in every report format`, async () => {
    const out = tmpDir();
    const pages = [...BROKEN, 'clean'].map((n) => `${KEYBOARD}/${n}.html`);
    const run = await kanjian(['audit', ...pages, '--browser', browser, '--format', 'json,junit,sarif,html', '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const report = readReport(out);
    expect(reportSchemaErrors(report)).toEqual([]);
    for (const name of [...BROKEN, 'clean'] as const) {
      const page = pageOf(report, `${KEYBOARD}/${name}.html`);
      expect(keyboardFindings(page), name).toEqual(EXPECTED[name]!.issues);
      // The path of tab stops, numbered, where a person would see them.
      const path = page.keyboard!;
      expect(path.mode).toBe('emulated');
      expect(path.complete, name).toBe(true);
      expect(path.stops.map((s) => byId(String(s.target[0]))), name).toEqual(EXPECTED[name]!.path);
      expect(path.stops.map((s) => s.index)).toEqual(path.stops.map((_, i) => i + 1));
      for (const s of path.stops) expect(s.rect.width * s.rect.height, `${name} ${s.name}`).toBeGreaterThan(0);
    }
    // The trap stops are marked as problems on the path; the clean page's are not.
    const trap = pageOf(report, `${KEYBOARD}/trap.html`).keyboard!;
    expect(trap.stops.filter((s) => s.problem).map((s) => s.name)).toEqual(['加粗']);
    expect(pageOf(report, `${KEYBOARD}/clean.html`).keyboard!.stops.some((s) => s.problem)).toBe(false);
    // A walk that saw the whole page and found nothing counts its rules as passed.
    expect(pageOf(report, `${KEYBOARD}/clean.html`).passedRules).toEqual(expect.arrayContaining(['kanjian-keyboard-trap', 'kanjian-keyboard-dialog']));
    // Localised like every rule: references and the 适老化 item.
    const trapFinding = pageOf(report, `${KEYBOARD}/trap.html`).violations.find((f) => f.id === 'kanjian-keyboard-trap')!;
    expect(trapFinding.wcag.map((w) => w.sc)).toEqual(['2.1.2']);
    expect(trapFinding.gbt37668.map((g) => g.clause)).toEqual(['6.1.2']);
    expect(trapFinding.help['zh-CN']).toBe('按 Tab 键必须能离开每个组件');
    expect(report.summary.verdict.failingRules).toEqual(expect.arrayContaining(['kanjian-keyboard-trap', 'kanjian-keyboard-focus-visible', 'kanjian-keyboard-unreachable', 'kanjian-keyboard-order', 'kanjian-keyboard-dialog']));

    const junit = readFileSync(join(out, 'report.junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase[^>]*name="kanjian-keyboard-trap"[^>]*>\s*<failure/);
    const sarif = JSON.parse(readFileSync(join(out, 'report.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; kind: string }> }> };
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results.filter((r) => r.ruleId === 'kanjian-keyboard-dialog' && r.kind === 'fail')).toHaveLength(3);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('kanjian-keyboard-trap');
    expect(html).toContain('kanjian-keyboard-focus-visible');
  });
}

test('--no-keyboard and "keyboard": false skip the walk; a rule can be switched off or run alone', async () => {
  const trap = `${KEYBOARD}/trap.html`;
  const plain = tmpDir();
  const off = await kanjian(['audit', trap, '--no-keyboard', '--format', 'json', '--out', plain]);
  expect(off.code, off.stdout + off.stderr).toBe(0);
  const skipped = pageOf(readReport(plain), trap);
  expect(skipped.keyboard).toBeUndefined();
  expect(keyboardFindings(skipped)).toEqual([]);
  expect(skipped.passedRules.filter((r) => r.startsWith('kanjian-keyboard'))).toEqual([]);

  // (A config file names pages inside its working directory.)
  const withConfig = (config: object): string => {
    const dir = tmpDir();
    copyFileSync(trap, join(dir, 'trap.html'));
    writeFileSync(join(dir, 'kanjian.config.json'), JSON.stringify({ urls: ['trap.html'], format: 'json', out: 'out', ...config }));
    return dir;
  };
  const dir = withConfig({ keyboard: false });
  const cfg = await kanjian(['audit'], { cwd: dir });
  expect(cfg.code, cfg.stdout + cfg.stderr).toBe(0);
  expect(readReport(join(dir, 'out')).pages[0]!.keyboard).toBeUndefined();

  // Rule selection applies to the walk's rules as to axe's: excluded, nothing; named alone, only it.
  const excl = withConfig({ exclude: ['kanjian-keyboard-trap'] });
  expect((await kanjian(['audit'], { cwd: excl })).code).toBe(0);
  expect(keyboardFindings(readReport(join(excl, 'out')).pages[0]!)).toEqual([]);
  const only = tmpDir();
  const alone = await kanjian(['audit', trap, '--rules', 'kanjian-keyboard-trap', '--format', 'json', '--out', only]);
  expect(alone.code, alone.stdout + alone.stderr).toBe(1);
  const page = readReport(only).pages[0]!;
  expect([...page.violations, ...page.incomplete].map((f) => f.id)).toEqual(['kanjian-keyboard-trap']);
});

test('no false alarm: the BAD "after" pages, the demo page and the clean portal pages give no keyboard finding', async () => {
  const after = ['home', 'news', 'tickets', 'survey', 'template'].map((p) => join(BAD, 'after', `${p}.html`));
  const pages = [...after, DEMO, ...CLEAN_PORTAL];
  const out = tmpDir();
  const run = await kanjian(['audit', ...pages, '--format', 'json', '--out', out, '--fail-on', 'none']);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const report = readReport(out);
  expect(report.pages).toHaveLength(pages.length);
  for (const p of report.pages) {
    expect(p.status, p.url).toBe('audited');
    expect(keyboardFindings(p), p.url).toEqual([]);
    expect(p.keyboard!.complete, p.url).toBe(true);
  }
  // (One clean page, the data tables, has nothing to focus at all.)
  expect(report.pages.filter((p) => p.keyboard!.stops.length > 0)).toHaveLength(pages.length - 1);
});
