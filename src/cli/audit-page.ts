/**
 * The page side of `kanjian audit` and of the kanjian/playwright fixture. Bundled (esbuild IIFE, see
 * audit-bundle.ts) and added to every frame right after axe.min.js, once per document (an init
 * script). It prepares axe exactly as the extension's injected audit-frame script does
 * (src/audit/runner/in-page.ts), registers the transform checks, and exposes the toolbar's
 * transforms, applied with the extension's own modules (text size, colour scheme, page conversion).
 *
 * Everything it exposes lives on globalThis[Symbol.for('kanjian.cli')] (see PageApi).
 */
import type { AxeResults, NodeResult, Result } from 'axe-core';
import type { AuditOptionsInput } from '../audit/options';
import { prepareAxe, runAxe } from '../audit/runner/in-page';
import { countScriptChars } from '../convert/engine/detect-script';
import { PageConverter } from '../convert/page/page-converter';
import { colorSchemeAid } from '../display/color-scheme';
import type { PageContext } from '../display/aid';
import { textSizeAid } from '../display/text-size';
import type { SchemeId } from '../display/schemes';
import { SCRIPT_RULE_IDS, TRANSFORM_RULE_IDS, transformProfile, ZOOM_RULE_IDS } from './audit-rules';

type Axe = typeof import('axe-core');

export const PAGE_API_KEY = 'kanjian.cli';

/** What a transform switches on (and off again) in the top document. */
export type TransformSpec =
  | { kind: 'zoom'; percent: number }
  | { kind: 'contrast'; scheme: SchemeId }
  | { kind: 'convert'; map: Record<string, string>; langTag: string };

export interface AuditRequest {
  options: AuditOptionsInput;
  /** Transform checks to run besides the options' rules (ids from TRANSFORM_RULE_IDS). */
  checks?: readonly string[];
  /**
   * Apply this transform, audit, take it away, then re-compute the found elements' selectors on the
   * untransformed page, so a finding's fingerprint does not depend on the transform's own marks
   * (data-kj-fs attributes, converted lang values).
   */
  transform?: TransformSpec;
}

export interface PageApi {
  readonly version: 1;
  audit(req: AuditRequest): Promise<AxeResults>;
  /** Strings the 繁体版 conversion would convert in this document (text, readable attributes). */
  convertibleStrings(langTag: string): string[];
  /** The script the page is written in: its text, else its lang (as the extension's feature.ts). */
  pageScript(): 'simplified' | 'traditional';
  /** Absolute http(s) link targets, for --crawl. */
  links(): string[];
}

function pageContext(): PageContext {
  return { doc: document, win: window };
}

let converter: PageConverter | null = null;

function apply(t: TransformSpec): void {
  const page = pageContext();
  if (t.kind === 'zoom') textSizeAid.apply(page, t.percent);
  else if (t.kind === 'contrast') colorSchemeAid.apply(page, t.scheme);
  else {
    const map = t.map;
    converter = new PageConverter(document, { convert: (s) => map[s] ?? s, langTag: t.langTag, schedule: (cb) => cb() });
    converter.start();
  }
}

function remove(t: TransformSpec): void {
  const page = pageContext();
  if (t.kind === 'zoom') textSizeAid.remove(page);
  else if (t.kind === 'contrast') colorSchemeAid.remove(page);
  else {
    converter?.restore();
    converter = null;
  }
}

/** Two frames: style and layout changes made by the aids are in place before axe measures. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(() => requestAnimationFrame(finish));
    // A background tab has no frames.
    setTimeout(finish, 100);
  });
}

type RefNode = NodeResult & { element?: Element };

/** Replaces top-frame targets with the selectors axe gives the same elements on the untransformed page. */
function retarget(axe: Axe, results: AxeResults): void {
  const groups: Result[][] = [results.violations, results.incomplete, results.passes ?? [], results.inapplicable ?? []];
  const nodes: RefNode[] = groups.flat().flatMap((r) => r.nodes as RefNode[]);
  const top = nodes.filter((n) => n.element && n.element.isConnected && n.target.length === 1);
  if (top.length) {
    const utils = axe.utils as unknown as { DqElement: new (el: Element) => { selector: NodeResult['target'] } };
    axe.setup(document);
    try {
      for (const n of top) n.target = new utils.DqElement(n.element!).selector;
    } finally {
      axe.teardown();
    }
  }
  for (const n of nodes) delete n.element;
}

function withChecks(options: AuditOptionsInput, checks: readonly string[]): AuditOptionsInput {
  const want = new Set(checks);
  const rules = options.rules ?? {};
  return {
    ...options,
    rules: {
      ...rules,
      include: [...(rules.include ?? []), ...TRANSFORM_RULE_IDS.filter((id) => want.has(id))],
      exclude: [...(rules.exclude ?? []), ...TRANSFORM_RULE_IDS.filter((id) => !want.has(id))],
    },
  };
}

function makeApi(axe: Axe): PageApi {
  return {
    version: 1,
    async audit(req) {
      const options = withChecks(req.options, req.checks ?? []);
      if (!req.transform) return runAxe(axe, options);
      const t = req.transform;
      apply(t);
      let results: AxeResults;
      try {
        await settle();
        results = await runAxe(axe, options, document, { elementRef: true });
      } finally {
        remove(t);
      }
      await settle();
      retarget(axe, results);
      return results;
    },
    convertibleStrings(langTag) {
      const seen = new Set<string>();
      // The converter's own walk decides what is converted: record what it asks for, change nothing.
      const probe = new PageConverter(document, {
        convert: (s) => {
          seen.add(s);
          return s;
        },
        langTag,
        schedule: (cb) => cb(),
      });
      probe.start();
      probe.restore();
      return [...seen];
    },
    pageScript() {
      const counts = countScriptChars((document.body?.textContent ?? '').slice(0, 20000));
      if (counts.simplified > 0 && counts.simplified >= 3 * counts.traditional) return 'simplified';
      if (counts.traditional > 0 && counts.traditional >= 3 * counts.simplified) return 'traditional';
      const lang = (document.documentElement?.getAttribute('lang') ?? '').toLowerCase();
      return /hant|-tw|-hk|-mo/.test(lang) ? 'traditional' : 'simplified';
    },
    links() {
      const out = new Set<string>();
      for (const a of Array.from(document.querySelectorAll('a[href], area[href]'))) {
        const href = (a as HTMLAnchorElement).href;
        if (/^https?:/i.test(href)) out.add(href.replace(/#.*$/, ''));
      }
      return [...out];
    },
  };
}

/** Runs once per document, right after axe.min.js: prepares axe in this frame and exposes the API. */
export function install(): void {
  const g = globalThis as unknown as Record<symbol, unknown> & { axe?: Axe };
  const key = Symbol.for(PAGE_API_KEY);
  if (g[key]) return;
  const axe = g.axe;
  if (!axe) return;
  prepareAxe(axe);
  axe.configure({ rules: transformProfile.rules, checks: transformProfile.checks });
  g[key] = makeApi(axe);
  // The audited document must stay put: a meta refresh (even "0; url=…") starts its timer only after
  // the load event, and stopping the document inside the load event cancels it.
  if (document.readyState !== 'complete') window.addEventListener('load', () => window.stop(), { capture: true, once: true });
}

export { TRANSFORM_RULE_IDS, ZOOM_RULE_IDS, SCRIPT_RULE_IDS };

install();
