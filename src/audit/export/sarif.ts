// SARIF 2.1.0 for code-scanning dashboards. Rules carry helpUri; each element is a result located by
// the page (artifactLocation.uri: the URL, or a local file's relative path), a line (region.startLine:
// where the element's start tag is in the local file, else 1), its CSS selector (a logical location)
// and its HTML (region snippet). partialFingerprints carry kanjian's fingerprint, also as GitHub's
// primaryLocationLineHash (GitHub cannot compute one for a page that is not a file of the repository).
import { pickText, type AnyLocale } from '../locale';
import type { Finding, Impact, KanjianReport } from '../model';
import { localized, reportLocale, safeHttpUrl, targetToString } from './shared';

export interface SarifExportOptions {
  locale?: AnyLocale;
  /** Needs-review findings as results of kind "review" (on by default). */
  includeIncomplete?: boolean;
  /**
   * The source text of a local page (a page whose name is a relative path, as the CLI names files),
   * or undefined; used to find each element's line. Without it every result is on line 1.
   */
  readSource?: (pageUrl: string) => string | undefined;
  /** Where an element screenshot (node.screenshot, relative to the report folder) is for the SARIF consumer; default: as it is. */
  screenshotUri?: (path: string) => string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_FINGERPRINT_KEY = 'kanjianFingerprint/v1';

type Level = 'error' | 'warning' | 'note' | 'none';

/** A page named by a URL (http://…, file://…) rather than by a relative file path. */
function isAbsoluteUri(name: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(name) || /^(about|data|blob):/i.test(name);
}

/**
 * The artifact URI of a page: a URL as it is; a relative file path (the report names it with
 * encodeURI, which leaves # ? ; : @ & = + $ , alone) re-encoded segment by segment, so a "#" or "?" in
 * a file name stays part of the path. Undefined for an empty name (SARIF must not get an empty uri).
 */
export function artifactUri(pageUrl: string): string | undefined {
  const name = pageUrl.trim();
  if (!name) return undefined;
  if (isAbsoluteUri(name)) return name;
  let path = name;
  try {
    path = decodeURI(name);
  } catch {
    // Not percent-encoded by kanjian: encode it as it is.
  }
  return path
    .split('/')
    .map((seg) => (seg === '.' || seg === '..' ? seg : encodeURIComponent(seg)))
    .join('/');
}

const START_TAG = /^<[a-zA-Z][^\s/>]*(?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The start tag an element's HTML snippet begins with ("" when it does not start with one). */
export function startTagOf(html: string): string {
  const s = html.trimStart();
  const m = START_TAG.exec(s);
  if (m) return m[0];
  // axe cuts long snippets after the first ">", which may fall inside an attribute value.
  const gt = s.indexOf('>');
  return s.startsWith('<') && gt > 0 ? s.slice(0, gt + 1) : '';
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for a start tag as the source may spell it: any case, any whitespace and quoting,
 * entities or not, other attributes in between. The browser re-serialises the tag (outerHTML), so
 * the source often differs from the snippet in exactly these ways.
 */
function looseTagPattern(tag: string): RegExp | null {
  const m = /^<([a-zA-Z][^\s/>]*)([\s\S]*?)\/?>$/.exec(tag);
  if (!m) return null;
  const skip = `(?:[^>"']|"[^"]*"|'[^']*')*?`;
  let re = `<${escapeRe(m[1]!)}(?=[\\s/>])`;
  for (const a of m[2]!.matchAll(ATTRIBUTE)) {
    const value = a[2] ?? a[3] ?? a[4] ?? '';
    const v = value
      .split(/(&amp;|&quot;|&lt;|&gt;|&#39;|\s+)/)
      .map((part) =>
        part === '&amp;' ? '&(?:amp;)?' : part === '&quot;' ? '(?:"|&quot;|&#34;)' : part === '&lt;' ? '(?:<|&lt;)' : part === '&gt;' ? '(?:>|&gt;)' : part === '&#39;' ? "(?:'|&#39;)" : /^\s+$/.test(part) ? '\\s+' : escapeRe(part),
      )
      .join('');
    const q = value ? `(?:"${v}"|'${v}'|${v})` : `(?:""|'')`;
    re += `${skip}\\s${escapeRe(a[1]!)}${value ? `\\s*=\\s*${q}` : `(?:\\s*=\\s*${q})?`}(?=[\\s/>])`;
  }
  try {
    return new RegExp(re, 'gi');
  } catch {
    return null;
  }
}

function lineAt(source: string, index: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < index; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The 1-based line of the `occurrence`-th (0-based) place the snippet's start tag is in the source:
 * the exact text first, then as the source may spell it; 1 when it is not there (an element made
 * by a script, or inside a frame).
 */
export function startLineOf(source: string, html: string, occurrence = 0): number {
  const tag = startTagOf(html);
  if (!tag) return 1;
  const exact: number[] = [];
  for (let i = source.indexOf(tag); i !== -1; i = source.indexOf(tag, i + 1)) exact.push(i);
  let found = exact;
  if (!found.length) {
    const re = looseTagPattern(tag);
    found = re ? [...source.matchAll(re)].map((m) => m.index) : [];
  }
  if (!found.length) return 1;
  return lineAt(source, found[Math.min(occurrence, found.length - 1)]!);
}

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
    const uri = artifactUri(p.url);
    if (uri !== undefined && p.status === 'audited' && !artifacts.includes(uri)) artifacts.push(uri);
    // Only a local file's own source can place an element; a URL's response is not in the repository.
    const source = uri !== undefined && !isAbsoluteUri(p.url.trim()) ? opts.readSource?.(p.url) : undefined;
    for (const group of groups) {
      for (const f of p[group]) {
        const idx = ruleFor(f);
        const loc = localized(f, group, locale);
        // The k-th node of a rule with a given start tag is at the k-th place that tag is (document order).
        const occurrences = new Map<string, number>();
        f.nodes.forEach((n, i) => {
          const summary = loc.nodes[i]?.failureSummary || n.failureSummary;
          const text = [pickText(f.help, locale), summary].filter(Boolean).join('\n');
          const impact = n.impact ?? f.impact;
          let startLine = 1;
          // An element inside a frame is in the frame's document, not this file.
          if (source !== undefined && n.target.length === 1) {
            const tag = startTagOf(n.html);
            const k = occurrences.get(tag) ?? 0;
            occurrences.set(tag, k + 1);
            startLine = startLineOf(source, n.html, k);
          }
          const region = { startLine, snippet: { text: n.html } };
          const location: Record<string, unknown> = {
            ...(uri !== undefined ? { physicalLocation: { artifactLocation: { uri, index: artifacts.indexOf(uri) }, region } } : {}),
            logicalLocations: [{ fullyQualifiedName: targetToString(n.target), kind: 'element' }],
          };
          const result: Record<string, unknown> = {
            ruleId: f.id,
            ruleIndex: idx,
            kind: group === 'violations' ? 'fail' : 'review',
            level: group === 'violations' ? levelFor(impact) : 'none',
            message: { text },
            locations: [location],
            partialFingerprints: { [SARIF_FINGERPRINT_KEY]: n.fingerprint, primaryLocationLineHash: `${n.fingerprint}:1` },
            properties: { impact, ...(f.transform ? { transform: f.transform } : {}), ...(p.state ? { state: p.state } : {}) },
          };
          if (n.screenshot && group === 'violations') {
            // SARIF 2.1.0 §3.27.26: an attachment is an artifact relevant to the result.
            const shot = opts.screenshotUri ? opts.screenshotUri(n.screenshot) : n.screenshot;
            result.attachments = [{ description: { text: 'Screenshot of the element, outlined / 元素截图（已框出）' }, artifactLocation: { uri: artifactUri(shot) ?? shot } }];
          }
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
