// CI baselines: remember the fingerprints of known findings, then report only new ones.
// Each entry has two fingerprints (fingerprint.ts): the selector one and, since it can change when an
// unrelated element gains the same class, one of the element's normalised HTML. A finding is known
// when either matches. Baselines written before htmlFingerprint existed still work (selector only).
import { htmlFingerprint, pageKey, targetToString } from './fingerprint';
import { summarize, type Finding, type FindingNode, type KanjianReport, type PageReport } from './model';

export interface BaselineEntry {
  fingerprint: string;
  /** Rule + page + normalised HTML (absent for nodes without HTML, and in older baselines). */
  htmlFingerprint?: string;
  rule: string;
  url: string;
  target: string;
  group: 'violations' | 'incomplete';
}
export interface Baseline {
  schemaVersion: '1.0.0';
  kind: 'kanjian-baseline';
  createdFrom: string;
  entries: BaselineEntry[];
}

function nodeHtmlFingerprint(f: Finding, pageUrl: string, n: FindingNode): string | undefined {
  return htmlFingerprint(f.id, pageUrl, n.html, f.transform);
}

export function makeBaseline(report: KanjianReport): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const p of report.pages) {
    for (const group of ['violations', 'incomplete'] as const) {
      for (const f of p[group]) for (const n of f.nodes) {
        if (!entries.has(n.fingerprint)) {
          const html = nodeHtmlFingerprint(f, pageKey(p.url, p.state), n);
          entries.set(n.fingerprint, {
            fingerprint: n.fingerprint,
            ...(html ? { htmlFingerprint: html } : {}),
            rule: f.id,
            url: pageKey(p.url, p.state),
            target: targetToString(n.target),
            group,
          });
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

type BaselineLike = Baseline | KanjianReport | readonly string[];

/**
 * Which nodes of the report the baseline knows. First by the selector fingerprint; then each
 * remaining node by its HTML fingerprint, each baseline entry matching at most one node that way (so
 * a new copy of a known element is still new). A plain list of strings is a set of fingerprints of
 * either kind.
 */
function knownNodes(report: KanjianReport, baseline: BaselineLike): { known: Set<FindingNode>; entries: number } {
  const known = new Set<FindingNode>();
  const all: Array<{ f: Finding; url: string; n: FindingNode }> = [];
  for (const p of report.pages) for (const group of ['violations', 'incomplete'] as const) for (const f of p[group]) for (const n of f.nodes) all.push({ f, url: pageKey(p.url, p.state), n });

  if (Array.isArray(baseline)) {
    const set = new Set(baseline as readonly string[]);
    for (const { f, url, n } of all) {
      const html = nodeHtmlFingerprint(f, url, n);
      if (set.has(n.fingerprint) || (html !== undefined && set.has(html))) known.add(n);
    }
    return { known, entries: set.size };
  }
  const entries = (baseline as Baseline).kind === 'kanjian-baseline' ? (baseline as Baseline).entries : makeBaseline(baseline as KanjianReport).entries;
  const bySelector = new Map<string, BaselineEntry>();
  for (const e of entries) bySelector.set(e.fingerprint, e);
  const used = new Set<BaselineEntry>();
  for (const { n } of all) {
    const e = bySelector.get(n.fingerprint);
    if (e) {
      known.add(n);
      used.add(e);
    }
  }
  const byHtml = new Map<string, BaselineEntry[]>();
  for (const e of entries) {
    if (!e.htmlFingerprint || used.has(e)) continue;
    const list = byHtml.get(e.htmlFingerprint);
    if (list) list.push(e);
    else byHtml.set(e.htmlFingerprint, [e]);
  }
  for (const { f, url, n } of all) {
    if (known.has(n)) continue;
    const html = nodeHtmlFingerprint(f, url, n);
    const e = html === undefined ? undefined : byHtml.get(html)?.pop();
    if (e) known.add(n);
  }
  return { known, entries: bySelector.size };
}

/** The report without the nodes the baseline knows (by either fingerprint); empty findings are dropped. */
export function filterNew(report: KanjianReport, baseline: BaselineLike): KanjianReport {
  const { known, entries } = knownNodes(report, baseline);
  let suppressed = 0;
  const keep = (findings: Finding[]): Finding[] =>
    findings.flatMap((f) => {
      const nodes = f.nodes.filter((n) => !known.has(n));
      suppressed += f.nodes.length - nodes.length;
      return nodes.length ? [{ ...f, nodes }] : [];
    });
  const pages: PageReport[] = report.pages.map((p) => ({ ...p, violations: keep(p.violations), incomplete: keep(p.incomplete) }));
  const out: KanjianReport = { ...report, pages, baseline: { entries, suppressedNodes: suppressed } };
  out.summary = summarize(out);
  return out;
}
