// CI baselines: remember the fingerprints of known findings, then report only new ones.
import { targetToString } from './fingerprint';
import { summarize, type Finding, type KanjianReport, type PageReport } from './model';

export interface BaselineEntry { fingerprint: string; rule: string; url: string; target: string; group: 'violations' | 'incomplete' }
export interface Baseline {
  schemaVersion: '1.0.0';
  kind: 'kanjian-baseline';
  createdFrom: string;
  entries: BaselineEntry[];
}

export function makeBaseline(report: KanjianReport): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const p of report.pages) {
    for (const group of ['violations', 'incomplete'] as const) {
      for (const f of p[group]) for (const n of f.nodes) {
        if (!entries.has(n.fingerprint)) {
          entries.set(n.fingerprint, { fingerprint: n.fingerprint, rule: f.id, url: p.url, target: targetToString(n.target), group });
        }
      }
    }
  }
  return {
    schemaVersion: '1.0.0',
    kind: 'kanjian-baseline',
    createdFrom: report.generatedAt,
    entries: [...entries.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0)),
  };
}

function fingerprintsOf(baseline: Baseline | KanjianReport | readonly string[]): Set<string> {
  if (Array.isArray(baseline)) return new Set(baseline as readonly string[]);
  if ((baseline as Baseline).kind === 'kanjian-baseline') return new Set((baseline as Baseline).entries.map((e) => e.fingerprint));
  return new Set(makeBaseline(baseline as KanjianReport).entries.map((e) => e.fingerprint));
}

/** The report without the nodes the baseline knows (by fingerprint); empty findings are dropped. */
export function filterNew(report: KanjianReport, baseline: Baseline | KanjianReport | readonly string[]): KanjianReport {
  const known = fingerprintsOf(baseline);
  let suppressed = 0;
  const keep = (findings: Finding[]): Finding[] =>
    findings.flatMap((f) => {
      const nodes = f.nodes.filter((n) => !known.has(n.fingerprint));
      suppressed += f.nodes.length - nodes.length;
      return nodes.length ? [{ ...f, nodes }] : [];
    });
  const pages: PageReport[] = report.pages.map((p) => ({ ...p, violations: keep(p.violations), incomplete: keep(p.incomplete) }));
  const out: KanjianReport = { ...report, pages, baseline: { entries: known.size, suppressedNodes: suppressed } };
  out.summary = summarize(out);
  return out;
}
