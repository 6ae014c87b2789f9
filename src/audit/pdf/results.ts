/**
 * Linked-PDF checks as axe-like results (rule ids kanjian-pdf-*), so they flow into buildReport with
 * the page's axe results. Every finding is 需复核 (needs review): whether a missing title or a scan
 * matters is for a person to judge, and the check says what it found and why it matters.
 */
import type { AxeNodeLike, AxeResultLike, AxeResultsLike } from '../model';
import { englishMessage, type KanjianMsg } from '../localize/english';
import type { LinkedPdf } from './links';
import type { PdfInspection } from './inspect';
import { PDF_CHECK_TEXT, PDF_RULE_TAGS, PDF_RULE_TEXT, type PdfRuleId } from './messages';

export interface LinkedPdfCheck {
  link: LinkedPdf;
  inspection: PdfInspection;
  /** HTTP status or similar detail when the download failed. */
  detail?: string;
}

const PAGES_READ = 3;

function finding(rule: PdfRuleId, link: LinkedPdf, data: Record<string, unknown>): AxeNodeLike {
  const message = englishMessage(PDF_CHECK_TEXT[rule].incomplete as KanjianMsg, data);
  return {
    target: link.target,
    html: link.html,
    impact: 'moderate',
    any: [{ id: rule, impact: 'moderate', message, data }],
    all: [],
    none: [],
    failureSummary: `Review:\n  ${message}`,
  };
}

function result(rule: PdfRuleId, nodes: AxeNodeLike[]): AxeResultLike {
  const t = PDF_RULE_TEXT[rule];
  return { id: rule, impact: 'moderate', tags: PDF_RULE_TAGS[rule], description: t.description.en, help: t.help.en, helpUrl: t.helpUrl, nodes };
}

/** The checks' findings by rule (needs review) and the rules every checked PDF passed. */
export function pdfResults(checks: readonly LinkedPdfCheck[]): { incomplete: AxeResultLike[]; passes: AxeResultLike[] } {
  const found = new Map<PdfRuleId, AxeNodeLike[]>();
  const add = (rule: PdfRuleId, node: AxeNodeLike) => found.set(rule, [...(found.get(rule) ?? []), node]);
  let opened = 0;
  for (const { link, inspection, detail } of checks) {
    const data: Record<string, unknown> = { url: link.url };
    if ('unchecked' in inspection) {
      add('kanjian-pdf-unchecked', finding('kanjian-pdf-unchecked', link, { ...data, messageKey: inspection.unchecked, detail: detail ?? '' }));
      continue;
    }
    opened++;
    const f = inspection.facts;
    if (f.textChars === 0) add('kanjian-pdf-text-layer', finding('kanjian-pdf-text-layer', link, { ...data, pagesRead: Math.min(f.pages, PAGES_READ) }));
    if (!f.title) add('kanjian-pdf-title', finding('kanjian-pdf-title', link, data));
    if (!f.language) add('kanjian-pdf-language', finding('kanjian-pdf-language', link, data));
    if (!f.tagged) add('kanjian-pdf-tagged', finding('kanjian-pdf-tagged', link, data));
  }
  const basics: PdfRuleId[] = ['kanjian-pdf-text-layer', 'kanjian-pdf-title', 'kanjian-pdf-language', 'kanjian-pdf-tagged'];
  return {
    incomplete: [...found].map(([rule, nodes]) => result(rule, nodes)),
    passes: opened ? basics.filter((r) => !found.has(r)).map((r) => result(r, [])) : [],
  };
}

/** A page's results with its linked PDFs' findings added (nothing changes when it links none). */
export function withPdfResults<T extends AxeResultsLike>(results: T, checks: readonly LinkedPdfCheck[]): T {
  if (!checks.length) return results;
  const r = pdfResults(checks);
  return { ...results, incomplete: [...results.incomplete, ...r.incomplete], passes: [...(results.passes ?? []), ...r.passes] };
}
