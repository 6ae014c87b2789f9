// JUnit XML: one <testsuite> per page, one <testcase> per page × rule. Violations are <failure>s,
// needs-review rules are <skipped> with the reason, passed rules are plain testcases, and a page that
// could not be audited is one <error>. Readable by CI dashboards (GitLab, Jenkins, Azure, GitHub actions).
import { pickText, type AnyLocale } from '../locale';
import type { Finding, KanjianReport, PageReport } from '../model';
import { escapeXml, impactLabel, localized, reportLocale, targetToString, wcagText } from './shared';

export interface JunitExportOptions {
  locale?: AnyLocale;
  suiteName?: string;
  /** Where an element screenshot (node.screenshot, relative to the report folder) is for the CI server; default: as it is. */
  screenshotPath?: (path: string) => string;
}

interface Case { name: string; body: string; failed: boolean; skipped: boolean; error: boolean }

function caseName(f: Finding): string {
  return f.transform ? `${f.id} [${f.transform}]` : f.id;
}

function details(f: Finding, group: 'violations' | 'incomplete', locale: ReturnType<typeof reportLocale>): string {
  const loc = localized(f, group, locale);
  const lines = [`${pickText(f.help, locale)} (${f.helpUrl})`];
  const w = wcagText(f, locale);
  if (w) lines.push(`WCAG: ${w}`);
  f.nodes.forEach((n, i) => {
    lines.push('', `${targetToString(n.target)}  [${impactLabel(n.impact ?? f.impact, locale)}]`, n.html);
    const s = loc.nodes[i]?.failureSummary || n.failureSummary;
    if (s) lines.push(s);
  });
  return lines.join('\n');
}

/**
 * The screenshots of a failed case as `[[ATTACHMENT|path]]` lines in its system-out: the convention of
 * Jenkins' JUnit Attachments plugin and GitLab's test reports.
 */
function attachments(f: Finding, shotPath: (path: string) => string): string {
  const shots = f.nodes.flatMap((n) => (n.screenshot ? [`[[ATTACHMENT|${shotPath(n.screenshot)}]]`] : []));
  return shots.length ? `<system-out>${escapeXml(shots.join('\n'))}</system-out>` : '';
}

function pageCases(p: PageReport, locale: ReturnType<typeof reportLocale>, shotPath: (path: string) => string): Case[] {
  if (p.status === 'failed') {
    return [{ name: 'page-load', failed: false, skipped: false, error: true, body: `<error message="${escapeXml(p.error ?? 'failed')}" type="audit-error"/>` }];
  }
  const cases = new Map<string, Case>();
  for (const f of p.violations) {
    const msg = `${f.nodes.length} × ${pickText(f.help, locale)}`;
    cases.set(caseName(f), {
      name: caseName(f), failed: true, skipped: false, error: false,
      body:
        `<failure message="${escapeXml(msg)}" type="${escapeXml(f.impact ?? 'violation')}">${escapeXml(details(f, 'violations', locale))}</failure>` +
        attachments(f, shotPath),
    });
  }
  for (const f of p.incomplete) {
    const name = caseName(f);
    const text = details(f, 'incomplete', locale);
    const existing = cases.get(name);
    if (existing) {
      existing.body += `<system-out>${escapeXml(text)}</system-out>`;
      continue;
    }
    const msg = `needs review: ${f.nodes.length} × ${pickText(f.help, locale)}`;
    cases.set(name, {
      name, failed: false, skipped: true, error: false,
      body: `<skipped message="${escapeXml(msg)}"/><system-out>${escapeXml(text)}</system-out>`,
    });
  }
  for (const id of p.passedRules ?? []) if (!cases.has(id)) cases.set(id, { name: id, failed: false, skipped: false, error: false, body: '' });
  return [...cases.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function toJunit(report: KanjianReport, opts: JunitExportOptions = {}): string {
  const locale = reportLocale(report, opts.locale);
  const suites: string[] = [];
  let tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const p of report.pages) {
    const cases = pageCases(p, locale, opts.screenshotPath ?? ((x) => x));
    const suite = p.state ? `${p.url} [${p.state}]` : p.url;
    const f = cases.filter((c) => c.failed).length;
    const e = cases.filter((c) => c.error).length;
    const s = cases.filter((c) => c.skipped).length;
    tests += cases.length; failures += f; errors += e; skipped += s;
    const props = p.title ? `<properties><property name="title" value="${escapeXml(p.title)}"/></properties>` : '';
    const body = cases
      .map((c) => `    <testcase classname="${escapeXml(suite)}" name="${escapeXml(c.name)}" time="0"${c.body ? `>${c.body}</testcase>` : '/>'}`)
      .join('\n');
    suites.push(
      `  <testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="${s}" time="0" timestamp="${escapeXml(report.generatedAt.slice(0, 19))}">${props}\n${body}\n  </testsuite>`,
    );
  }
  const name = opts.suiteName ?? `kanjian ${report.tool.version} (axe-core ${report.tool.axeVersion}) ${report.options.standard}`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="${escapeXml(name)}" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="0">\n` +
    suites.join('\n') +
    '\n</testsuites>\n'
  );
}
