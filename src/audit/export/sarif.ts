// SARIF 2.1.0 for code-scanning dashboards. Rules carry helpUri; each element is a result located by
// the page URL (artifactLocation.uri), its CSS selector (a logical location) and its HTML (region
// snippet); partialFingerprints carry kanjian's fingerprint so dashboards track findings across runs.
import { pickText, type AnyLocale } from '../locale';
import type { Finding, Impact, KanjianReport } from '../model';
import { localized, reportLocale, safeHttpUrl, targetToString } from './shared';

export interface SarifExportOptions {
  locale?: AnyLocale;
  /** Needs-review findings as results of kind "review" (on by default). */
  includeIncomplete?: boolean;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_FINGERPRINT_KEY = 'kanjianFingerprint/v1';

type Level = 'error' | 'warning' | 'note' | 'none';

function levelFor(impact: Impact | null): Level {
  return impact === 'critical' || impact === 'serious' ? 'error' : impact === 'moderate' ? 'warning' : 'note';
}

// A plain-object view of the SARIF log (only the parts kanjian writes).
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri?: string;
  defaultConfiguration: { level: Level };
  properties: { tags: string[]; wcag: string[]; gbt37668: string[]; elderly: string[] };
}

export function toSarifLog(report: KanjianReport, opts: SarifExportOptions = {}): Record<string, unknown> {
  const locale = reportLocale(report, opts.locale);
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const ruleFor = (f: Finding): number => {
    let i = ruleIndex.get(f.id);
    if (i !== undefined) return i;
    const rule: SarifRule = {
      id: f.id,
      name: f.id.replace(/(^|-)([a-z])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: pickText(f.help, locale) },
      fullDescription: { text: pickText(f.description, locale) || pickText(f.help, locale) },
      help: { text: `${pickText(f.help, locale)}${f.helpUrl ? ` — ${f.helpUrl}` : ''}` },
      defaultConfiguration: { level: levelFor(f.impact) },
      properties: {
        tags: [...f.tags],
        wcag: f.wcag.map((w) => w.sc),
        gbt37668: f.gbt37668.map((g) => g.clause),
        elderly: f.elderly.map((e) => e.id),
      },
    };
    const helpUri = safeHttpUrl(f.helpUrl);
    if (helpUri) rule.helpUri = helpUri;
    i = rules.length;
    rules.push(rule);
    ruleIndex.set(f.id, i);
    return i;
  };

  const results: Record<string, unknown>[] = [];
  const artifacts: string[] = [];
  const groups = opts.includeIncomplete ?? true ? (['violations', 'incomplete'] as const) : (['violations'] as const);
  for (const p of report.pages) {
    if (p.status === 'audited' && !artifacts.includes(p.url)) artifacts.push(p.url);
    for (const group of groups) {
      for (const f of p[group]) {
        const idx = ruleFor(f);
        const loc = localized(f, group, locale);
        f.nodes.forEach((n, i) => {
          const summary = loc.nodes[i]?.failureSummary || n.failureSummary;
          const text = [pickText(f.help, locale), summary].filter(Boolean).join('\n');
          const impact = n.impact ?? f.impact;
          const result: Record<string, unknown> = {
            ruleId: f.id,
            ruleIndex: idx,
            kind: group === 'violations' ? 'fail' : 'review',
            level: group === 'violations' ? levelFor(impact) : 'none',
            message: { text },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri: p.url, index: artifacts.indexOf(p.url) }, region: { snippet: { text: n.html } } },
                logicalLocations: [{ fullyQualifiedName: targetToString(n.target), kind: 'element' }],
              },
            ],
            partialFingerprints: { [SARIF_FINGERPRINT_KEY]: n.fingerprint },
            properties: { impact, ...(f.transform ? { transform: f.transform } : {}) },
          };
          results.push(result);
        });
      }
    }
  }

  const notifications = report.pages
    .filter((p) => p.status === 'failed')
    .map((p) => ({ level: 'error', message: { text: `${p.url}: ${p.error ?? 'failed'}` } }));

  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kanjian',
            version: report.tool.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(report.tool.version) ? report.tool.version : undefined,
            rules,
          },
          extensions: [{ name: 'axe-core', version: report.tool.axeVersion }],
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications, endTimeUtc: report.generatedAt }],
        language: locale,
        artifacts: artifacts.map((uri) => ({ location: { uri } })),
        results,
        properties: { standard: report.options.standard, verdict: report.summary.verdict.result },
      },
    ],
  };
}

export function toSarif(report: KanjianReport, opts: SarifExportOptions = {}): string {
  return JSON.stringify(toSarifLog(report, opts), null, 2) + '\n';
}
