/**
 * What changed between two runs: each violation of the new report is new or unchanged, each of the
 * old one still there or fixed, told apart by the same fingerprints as a baseline (src/audit/baseline.ts:
 * the selector fingerprint, then the normalised-HTML one, one to one). Needs-review findings are left
 * out, as they never fail a run. A page audited in only one of the runs (or failed in one) cannot
 * have fixed findings: a page that is gone or broken is not an improvement.
 */
import { filterNew } from '../../audit/baseline';
import { targetToString } from '../../audit/fingerprint';
import { IMPACT_ORDER, summarize, type Impact, type ImpactCounts, type KanjianReport } from '../../audit/model';

export interface ChangedFinding {
  rule: string;
  impact: Impact | null;
  url: string;
  state?: string;
  target: string;
  html: string;
  fingerprint: string;
}

export interface Comparison {
  old: { generatedAt: string };
  new: { generatedAt: string };
  added: ChangedFinding[];
  fixed: ChangedFinding[];
  counts: { added: ImpactCounts; fixed: ImpactCounts; unchanged: ImpactCounts };
}

const pageId = (p: { url: string; state?: string }): string => `${p.url}\n${p.state ?? ''}`;

/** Only the violations, only of the pages given. */
function violationsOf(report: KanjianReport, keep: (p: KanjianReport['pages'][number]) => boolean): KanjianReport {
  const r: KanjianReport = { ...report, pages: report.pages.filter(keep).map((p) => ({ ...p, incomplete: [] })) };
  r.summary = summarize(r);
  return r;
}

function listed(report: KanjianReport): ChangedFinding[] {
  const out: ChangedFinding[] = [];
  for (const p of report.pages) {
    for (const f of p.violations) {
      for (const n of f.nodes) {
        out.push({ rule: f.id, impact: n.impact ?? f.impact, url: p.url, ...(p.state ? { state: p.state } : {}), target: targetToString(n.target), html: n.html, fingerprint: n.fingerprint });
      }
    }
  }
  return out;
}

function countImpacts(list: readonly ChangedFinding[]): ImpactCounts {
  const c: ImpactCounts = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  // A node without an impact counts as minor (as everywhere in the summaries' totals).
  for (const f of list) c[f.impact ?? 'minor']++;
  return c;
}

export function compareReports(oldReport: KanjianReport, newReport: KanjianReport): Comparison {
  const auditedOld = new Set(oldReport.pages.filter((p) => p.status === 'audited').map(pageId));
  const auditedNew = new Set(newReport.pages.filter((p) => p.status === 'audited').map(pageId));
  const newV = violationsOf(newReport, (p) => p.status === 'audited');
  const oldV = violationsOf(oldReport, (p) => p.status === 'audited');
  const added = listed(filterNew(newV, oldV));
  // Fixed: gone from a page audited in both runs.
  const fixed = listed(filterNew(violationsOf(oldReport, (p) => auditedOld.has(pageId(p)) && auditedNew.has(pageId(p))), newV));
  const all = countImpacts(listed(newV));
  const addedCounts = countImpacts(added);
  const unchanged = Object.fromEntries(IMPACT_ORDER.map((i) => [i, all[i] - addedCounts[i]])) as ImpactCounts;
  return {
    old: { generatedAt: oldReport.generatedAt },
    new: { generatedAt: newReport.generatedAt },
    added,
    fixed,
    counts: { added: addedCounts, fixed: countImpacts(fixed), unchanged },
  };
}

const total = (c: ImpactCounts): number => IMPACT_ORDER.reduce((s, i) => s + c[i], 0);

/** The comparison as text for a terminal or a CI log (Chinese, then English). */
export function comparisonText(c: Comparison): string {
  const row = (zh: string, en: string, counts: ImpactCounts): string =>
    `${zh} ${en}: ${total(counts)}（严重 critical ${counts.critical} · 较重 serious ${counts.serious} · 中等 moderate ${counts.moderate} · 轻微 minor ${counts.minor}）`;
  const item = (f: ChangedFinding): string => `    ${f.impact ?? '-'}  ${f.rule}  ${f.url}${f.state ? ` [${f.state}]` : ''}  ${f.target}`;
  return [
    `对比 Comparing ${c.old.generatedAt} → ${c.new.generatedAt}`,
    row('新增', 'new', c.counts.added),
    ...c.added.map(item),
    row('已修复', 'fixed', c.counts.fixed),
    ...c.fixed.map(item),
    row('未变', 'unchanged', c.counts.unchanged),
    '',
  ].join('\n');
}
