// kanjian's audit report model: types, buildReport (axe results → report.json) and summary helpers.
// Pure and DOM-free: runs in Node (the CLI) and in extension pages (the report page).
import { fingerprint, pageKey, type AxeTarget } from './fingerprint';
import { lt, type LocalizedText } from './locale';
import { getCatalog } from './localize/catalog';
import {
  criteriaFromTags, elderlyItemsForRule, gbtClauseFor, getCriterion, GBT_PRINCIPLES, PRINCIPLE_ORDER, tagsInScope,
  type Principle, type WcagLevel, type WcagStandard, type WcagVersion,
} from './mappings';
import { normalizeOptions, type AuditOptions, type AuditOptionsInput } from './options';
import type { KeyboardPath } from './keyboard/types';

export const SCHEMA_VERSION = '1.0.0' as const;

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
/** Least to most severe. */
export const IMPACT_ORDER: readonly Impact[] = ['minor', 'moderate', 'serious', 'critical'];
export type FailOn = Impact | 'none';

// ---- input: axe-core results (structural, so trimmed recordings and other axe versions fit) ----------

export interface AxeCheckLike { id: string; impact?: string | null; message?: string; data?: unknown }
export interface AxeNodeLike {
  target: AxeTarget;
  html?: string | null;
  impact?: string | null;
  failureSummary?: string;
  any?: readonly AxeCheckLike[];
  all?: readonly AxeCheckLike[];
  none?: readonly AxeCheckLike[];
}
export interface AxeResultLike {
  id: string;
  impact?: string | null;
  tags?: readonly string[];
  description?: string;
  help?: string;
  helpUrl?: string;
  nodes: readonly AxeNodeLike[];
  error?: { message?: string } | null;
}
export interface AxeResultsLike {
  url?: string;
  timestamp?: string;
  testEngine?: { name?: string; version?: string };
  violations: readonly AxeResultLike[];
  incomplete: readonly AxeResultLike[];
  passes?: readonly unknown[];
  inapplicable?: readonly unknown[];
}

export interface PageInput {
  /** Defaults to results.url. */
  url?: string;
  title?: string;
  /** axe results of the page as loaded. Omit (and give `error`) when the page could not be audited. */
  results?: AxeResultsLike;
  error?: unknown;
  /**
   * Extra runs of the same page with a transform applied (zoom, contrast, traditional script…). Their
   * findings that the plain run does not have are added, labelled with the transform.
   */
  transforms?: readonly { label: string; results: AxeResultsLike }[];
  /** The keyboard walk's path of tab stops (its findings are already in `results`). */
  keyboard?: KeyboardPath;
  /**
   * A named state of the page reached by steps (`kanjian audit` config: { "audit": "菜单展开" }). Its
   * findings get their own fingerprints, so two states of one page are told apart.
   */
  state?: string;
  /** Screenshot of the whole page (a path relative to the report folder). */
  screenshot?: string;
  /** Cropped screenshots of violating elements: node fingerprint → path relative to the report folder. */
  screenshots?: Readonly<Record<string, string>>;
}

export interface BuildReportInput {
  pages: PageInput | readonly PageInput[];
  options?: AuditOptionsInput;
  /** kanjian's version (the CLI passes package.json's). */
  toolVersion?: string;
  /** Defaults to the axe version found in the results. */
  axeVersion?: string;
  /** ISO time; defaults to now. Pass it for reproducible output. */
  generatedAt?: string | Date;
  /** Keep each page's axe results under pages[].raw (for toJson(report, { raw: true })). */
  keepRaw?: boolean;
  /** The part of a sharded run (`kanjian audit --shard I/N`) this report covers. */
  shard?: ShardInfo;
  /** Whether the run stopped before every page was audited (Ctrl-C, SIGTERM…). */
  interrupted?: boolean;
}

// ---- output: report.json -----------------------------------------------------------------------

export interface CheckRef { id: string; impact: Impact | null; message: string; data?: unknown }

export interface FindingNode {
  target: AxeTarget;
  html: string;
  failureSummary: string;
  impact: Impact | null;
  /** Stable across runs and unrelated DOM changes: rule id + normalised URL + selector (+ transform). */
  fingerprint: string;
  any: CheckRef[];
  all: CheckRef[];
  none: CheckRef[];
  /** A cropped screenshot of the element, outlined (path relative to the report folder). */
  screenshot?: string;
}

export interface WcagRef {
  sc: string;
  name: LocalizedText;
  level: WcagLevel;
  principle: Principle;
  version: WcagVersion;
  url: string;
}

export interface GbtRef {
  clause: string;
  wcag: string;
  principle: Principle;
  principleName: LocalizedText;
  /** false: derived by kanjian's mapping rule, not read from the standard (see data/gbt37668.json). */
  verified: boolean;
}

export interface ElderlyRef {
  id: string;
  title: LocalizedText;
  basis: 'website-spec' | 'app-spec' | 'kanjian';
  appSpecClause?: string;
}

export interface Finding {
  id: string;
  impact: Impact | null;
  tags: string[];
  help: LocalizedText;
  description: LocalizedText;
  helpUrl: string;
  wcag: WcagRef[];
  gbt37668: GbtRef[];
  elderly: ElderlyRef[];
  /** Set when the finding appears only with a transform applied (e.g. "zoom-200", "contrast", "traditional"). */
  transform?: string;
  /** axe's error when the rule crashed (such results are always "needs review"). */
  error?: string;
  nodes: FindingNode[];
}

export interface PageReport {
  url: string;
  /** The named state of the page this entry audits (reached by steps), when not the page as loaded. */
  state?: string;
  title?: string;
  /** Screenshot of the whole page (path relative to the report folder). */
  screenshot?: string;
  status: 'audited' | 'failed';
  error?: string;
  violations: Finding[];
  /** axe "incomplete": needs review. Never part of the verdict. */
  incomplete: Finding[];
  /** Number of rules that passed. */
  passes: number;
  /** Ids of the rules that passed (sorted), for per-rule CI reports. */
  passedRules: string[];
  /** Number of rules that found nothing to test. */
  inapplicable: number;
  /** The keyboard walk: how it ended and the path of tab stops (absent when it did not run). */
  keyboard?: KeyboardPath;
  raw?: unknown;
}

export type ImpactCounts = Record<Impact, number>;
export type PrincipleCounts = Record<Principle | 'other', number>;

export interface GroupSummary { rules: number; nodes: number; byImpact: ImpactCounts; byPrinciple: PrincipleCounts }

export interface Verdict {
  standard: WcagStandard;
  /** fail: a violation within the standard; error: none, but some page could not be audited. */
  result: 'pass' | 'fail' | 'error';
  failingRules: string[];
}

export interface ReportSummary {
  pages: { total: number; audited: number; failed: number };
  violations: GroupSummary;
  incomplete: GroupSummary;
  passes: number;
  worstImpact: Impact | null;
  verdict: Verdict;
}

/** Shard I of N (1-based). */
export interface ShardInfo { index: number; total: number }

export interface KanjianReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'kanjian'; version: string; axeVersion: string };
  generatedAt: string;
  /** Set by `kanjian audit --shard I/N`, so merge-reports can tell missing or repeated shards. */
  shard?: ShardInfo;
  /** true when the run was interrupted and some pages were not audited (the report is incomplete). */
  interrupted?: boolean;
  options: AuditOptions;
  pages: PageReport[];
  summary: ReportSummary;
  /** Present on reports returned by filterNew. */
  baseline?: { entries: number; suppressedNodes: number };
}

// ---- building --------------------------------------------------------------------------------

export function toImpact(v: unknown): Impact | null {
  return typeof v === 'string' && (IMPACT_ORDER as readonly string[]).includes(v) ? (v as Impact) : null;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return e === undefined ? 'unknown error' : JSON.stringify(e);
}

function checkRefs(list: readonly AxeCheckLike[] | undefined): CheckRef[] {
  return (list ?? []).map((c) => {
    const ref: CheckRef = { id: c.id, impact: toImpact(c.impact), message: c.message ?? '' };
    if (c.data !== undefined && c.data !== null) ref.data = c.data;
    return ref;
  });
}

function localizedRuleText(id: string, key: 'help' | 'description', fallback: string | undefined): LocalizedText {
  const get = (l: 'zh-CN' | 'zh-TW' | 'en') => getCatalog(l).rules[id]?.[key];
  const en = get('en') ?? fallback ?? id;
  return lt(get('zh-CN') ?? fallback ?? en, get('zh-TW') ?? fallback ?? en, en);
}

/** WCAG, GB/T 37668 and 适老化 references for a rule, from its tags and id. */
export function referencesFor(ruleId: string, tags: readonly string[]): Pick<Finding, 'wcag' | 'gbt37668' | 'elderly'> {
  const wcag: WcagRef[] = [];
  const gbt37668: GbtRef[] = [];
  for (const sc of criteriaFromTags(tags)) {
    const c = getCriterion(sc);
    if (!c) continue;
    wcag.push({ sc, name: c.name, level: c.level, principle: c.principle, version: c.introduced, url: c.understanding });
    const g = gbtClauseFor(sc);
    if (g) {
      const p = GBT_PRINCIPLES.find((x) => x.id === g.principle)!;
      gbt37668.push({ clause: g.clause, wcag: sc, principle: g.principle, principleName: p.name, verified: g.verified });
    }
  }
  const elderly = elderlyItemsForRule(ruleId).map((i) => {
    const ref: ElderlyRef = { id: i.id, title: i.title, basis: i.basis };
    if (i.appSpecClause) ref.appSpecClause = i.appSpecClause;
    return ref;
  });
  return { wcag, gbt37668, elderly };
}

function buildFinding(r: AxeResultLike, pageUrl: string, nodes: readonly AxeNodeLike[], transform?: string): Finding {
  const tags = [...(r.tags ?? [])];
  const f: Finding = {
    id: r.id,
    impact: toImpact(r.impact),
    tags,
    help: localizedRuleText(r.id, 'help', r.help),
    description: localizedRuleText(r.id, 'description', r.description),
    helpUrl: r.helpUrl ?? '',
    ...referencesFor(r.id, tags),
    nodes: nodes.map((n) => ({
      target: n.target,
      html: n.html ?? '',
      failureSummary: n.failureSummary ?? '',
      impact: toImpact(n.impact),
      fingerprint: fingerprint(r.id, pageUrl, n.target, transform),
      any: checkRefs(n.any),
      all: checkRefs(n.all),
      none: checkRefs(n.none),
    })),
  };
  if (transform) f.transform = transform;
  if (r.error) f.error = errorText(r.error);
  return f;
}

export function compareFindings(a: Finding, b: Finding): number {
  const ia = a.impact ? IMPACT_ORDER.indexOf(a.impact) : -1;
  const ib = b.impact ? IMPACT_ORDER.indexOf(b.impact) : -1;
  if (ia !== ib) return ib - ia;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const ta = a.transform ?? '';
  const tb = b.transform ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

export function comparePages(a: PageReport, b: PageReport): number {
  if (a.url !== b.url) return a.url < b.url ? -1 : 1;
  const sa = a.state ?? '';
  const sb = b.state ?? '';
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function buildPage(input: PageInput, keepRaw: boolean): PageReport {
  const url = input.url ?? input.results?.url ?? '';
  const page: PageReport = { url, status: 'audited', violations: [], incomplete: [], passes: 0, passedRules: [], inapplicable: 0 };
  if (input.state) page.state = input.state;
  if (input.title !== undefined) page.title = input.title;
  if (input.screenshot) page.screenshot = input.screenshot;
  // Fingerprints name the page with its state, so the findings of two states of one page stay apart.
  const key = pageKey(url, input.state);
  const res = input.results;
  if (!res || input.error !== undefined) {
    page.status = 'failed';
    page.error = errorText(input.error ?? 'no axe results');
    return page;
  }
  page.violations = res.violations.map((r) => buildFinding(r, key, r.nodes));
  page.incomplete = res.incomplete.map((r) => buildFinding(r, key, r.nodes));
  page.passes = res.passes?.length ?? 0;
  page.passedRules = (res.passes ?? [])
    .map((r) => (r && typeof r === 'object' ? (r as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string')
    .sort();
  page.inapplicable = res.inapplicable?.length ?? 0;
  if (input.keyboard) page.keyboard = input.keyboard;
  if (input.transforms?.length) {
    const seen = new Set<string>();
    for (const f of [...page.violations, ...page.incomplete]) for (const n of f.nodes) seen.add(fingerprint(f.id, key, n.target));
    for (const t of input.transforms) {
      for (const group of ['violations', 'incomplete'] as const) {
        for (const r of t.results[group]) {
          const fresh = r.nodes.filter((n) => !seen.has(fingerprint(r.id, key, n.target)));
          if (fresh.length) page[group].push(buildFinding(r, key, fresh, t.label));
        }
      }
    }
  }
  const shots = input.screenshots;
  if (shots) for (const f of page.violations) for (const n of f.nodes) if (Object.hasOwn(shots, n.fingerprint)) n.screenshot = shots[n.fingerprint]!;
  page.violations.sort(compareFindings);
  page.incomplete.sort(compareFindings);
  if (keepRaw) page.raw = input.transforms?.length ? { results: res, transforms: input.transforms } : res;
  return page;
}

/**
 * Turns raw axe-core results (one or many pages, nodes in iframes carry frame paths in `target`) plus
 * metadata into kanjian's report. Pages are ordered by URL so sharded runs merge to the same report.
 */
export function buildReport(input: BuildReportInput): KanjianReport {
  const inputs = (Array.isArray(input.pages) ? input.pages : [input.pages]) as readonly PageInput[];
  const pages = inputs.map((p) => buildPage(p, !!input.keepRaw)).sort(comparePages);
  const axeVersion =
    input.axeVersion ?? inputs.find((p) => p.results?.testEngine?.version)?.results?.testEngine?.version ?? 'unknown';
  const generatedAt =
    input.generatedAt instanceof Date ? input.generatedAt.toISOString() : (input.generatedAt ?? new Date().toISOString());
  const options = normalizeOptions(input.options);
  const report: Omit<KanjianReport, 'summary'> = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'kanjian', version: input.toolVersion ?? 'dev', axeVersion },
    generatedAt,
    ...(input.shard ? { shard: { index: input.shard.index, total: input.shard.total } } : {}),
    ...(input.interrupted !== undefined ? { interrupted: input.interrupted } : {}),
    options,
    pages,
  };
  return { ...report, summary: summarize(report) };
}

// ---- summaries -------------------------------------------------------------------------------

function zeroImpacts(): ImpactCounts {
  return { critical: 0, serious: 0, moderate: 0, minor: 0 };
}
function zeroPrinciples(): PrincipleCounts {
  return { perceivable: 0, operable: 0, understandable: 0, robust: 0, other: 0 };
}

/** Node counts by impact (a node without its own impact takes its finding's). */
export function countByImpact(findings: readonly Finding[]): ImpactCounts {
  const out = zeroImpacts();
  for (const f of findings) for (const n of f.nodes) {
    const i = n.impact ?? f.impact;
    if (i) out[i]++;
  }
  return out;
}

/** Node counts by WCAG principle (可感知/可操作/可理解/鲁棒); findings without WCAG criteria count as other. */
export function countByPrinciple(findings: readonly Finding[]): PrincipleCounts {
  const out = zeroPrinciples();
  for (const f of findings) {
    const ps = PRINCIPLE_ORDER.filter((p) => f.wcag.some((w) => w.principle === p));
    if (!ps.length) out.other += f.nodes.length;
    for (const p of ps) out[p] += f.nodes.length;
  }
  return out;
}

function groupSummary(findings: readonly Finding[]): GroupSummary {
  return {
    rules: new Set(findings.map((f) => f.id)).size,
    nodes: findings.reduce((s, f) => s + f.nodes.length, 0),
    byImpact: countByImpact(findings),
    byPrinciple: countByPrinciple(findings),
  };
}

type ReportLike = Pick<KanjianReport, 'pages' | 'options'>;

function allFindings(pages: readonly PageReport[], group: 'violations' | 'incomplete'): Finding[] {
  return pages.flatMap((p) => p[group]);
}

/**
 * Pass/fail for a conformance level: fail when any violation is tagged within the level (a WCAG level
 * tag such as wcag2aa). Needs-review findings and best-practice-only rules never fail.
 */
export function verdict(report: ReportLike, standard: WcagStandard = report.options.standard): Verdict {
  const failing = new Set<string>();
  for (const f of allFindings(report.pages, 'violations')) if (f.nodes.length && tagsInScope(f.tags, standard)) failing.add(f.id);
  const failingRules = [...failing].sort();
  const anyFailedPage = report.pages.some((p) => p.status === 'failed');
  return { standard, result: failingRules.length ? 'fail' : anyFailedPage ? 'error' : 'pass', failingRules };
}

export function summarize(report: ReportLike): ReportSummary {
  const violations = allFindings(report.pages, 'violations');
  return {
    pages: {
      total: report.pages.length,
      audited: report.pages.filter((p) => p.status === 'audited').length,
      failed: report.pages.filter((p) => p.status === 'failed').length,
    },
    violations: groupSummary(violations),
    incomplete: groupSummary(allFindings(report.pages, 'incomplete')),
    passes: report.pages.reduce((s, p) => s + p.passes, 0),
    worstImpact: worstImpact(violations),
    verdict: verdict(report),
  };
}

/** The most severe impact among violations (of a report, a page or a list of findings). */
export function worstImpact(x: Pick<KanjianReport, 'pages'> | PageReport | readonly Finding[]): Impact | null {
  const findings: readonly Finding[] = Array.isArray(x)
    ? (x as readonly Finding[])
    : 'pages' in (x as object)
      ? allFindings((x as KanjianReport).pages, 'violations')
      : (x as PageReport).violations;
  let worst = -1;
  for (const f of findings) for (const n of f.nodes) {
    const i = n.impact ?? f.impact;
    if (i) worst = Math.max(worst, IMPACT_ORDER.indexOf(i));
  }
  return worst < 0 ? null : IMPACT_ORDER[worst]!;
}

/**
 * True when the report should fail a CI run under `--fail-on LEVEL`: some violation has at least that
 * impact. 'none' never fails. Needs-review findings are not considered.
 */
export function meetsFailOn(report: Pick<KanjianReport, 'pages'>, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const worst = worstImpact(report);
  return worst !== null && IMPACT_ORDER.indexOf(worst) >= IMPACT_ORDER.indexOf(failOn);
}
