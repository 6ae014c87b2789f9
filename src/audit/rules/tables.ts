// Table rules (WCAG 1.3.1 Info and Relationships; techniques H51, H63, H43, H39; failure F46). Every
// rule asks classifyTable first: only tables that clearly hold data are judged as data tables, and
// layout tables are judged only for carrying data-table markup.
import type { CheckHelper } from 'axe-core';
import { clean } from './axe-commons';
import { defineKanjianRule } from './define';
import { classifyTable, hasHeaderCells, tableGrid, type TableGrid } from './table-kind';

const WCAG_131 = ['kanjian', 'wcag2a', 'wcag131', 'cat.tables'];

function isData(node: Element): boolean {
  return classifyTable(node).kind === 'data';
}

// ---- kanjian-table-no-headers --------------------------------------------------------------------

export function noHeadersMatches(node: Element): boolean {
  return isData(node);
}

export function noHeadersEvaluate(this: CheckHelper, node: Element): boolean {
  const v = classifyTable(node);
  this.data({ rows: v.rows, cols: v.cols, messageKey: v.reason === 'borders' || v.reason === 'header-row-style' || v.reason === 'grid-of-values' ? v.reason : 'default' });
  return hasHeaderCells(tableGrid(node));
}

export const tableNoHeaders = defineKanjianRule({
  id: 'kanjian-table-no-headers',
  selector: 'table',
  matches: noHeadersMatches,
  evaluate: noHeadersEvaluate,
  impact: 'serious',
  tags: WCAG_131,
});

// ---- kanjian-table-all-th ------------------------------------------------------------------------

export function allThMatches(node: Element): boolean {
  const g = tableGrid(node);
  // Two rows of th are a (multi-level) header with no body yet; three rows all th have data marked as headers.
  return g.rows.length >= 3 && g.cols >= 2 && isData(node);
}

export function allThEvaluate(this: CheckHelper, node: Element): boolean {
  const cells = tableGrid(node).rows.flat();
  const th = cells.filter((c) => c.nodeName === 'TH').length;
  this.data({ cells: cells.length });
  return th < cells.length;
}

export const tableAllTh = defineKanjianRule({
  id: 'kanjian-table-all-th',
  selector: 'table',
  matches: allThMatches,
  evaluate: allThEvaluate,
  impact: 'serious',
  tags: WCAG_131,
});

// ---- kanjian-table-header-rows-scope -------------------------------------------------------------

/** Leading rows made of header cells only (how multi-level column headers are built). */
export function headerRowCount(g: TableGrid): number {
  let n = 0;
  for (const row of g.rows) {
    if (row.length && row.every((c) => c.nodeName === 'TH')) n++;
    else break;
  }
  return n;
}

export function headerRowsMatches(node: Element): boolean {
  const g = tableGrid(node);
  return headerRowCount(g) >= 2 && g.rows.length > headerRowCount(g) && isData(node);
}

export function headerRowsEvaluate(this: CheckHelper, node: Element): boolean {
  const g = tableGrid(node);
  const cells = g.rows.flat();
  this.data({ headerRows: headerRowCount(g) });
  const headers = cells.some((c) => c.nodeName === 'TD' && c.hasAttribute('headers'));
  const scoped = cells.filter((c) => c.nodeName === 'TH').some((c) => /^(col|colgroup)$/i.test(c.getAttribute('scope') ?? ''));
  return headers || scoped;
}

export const tableHeaderRowsScope = defineKanjianRule({
  id: 'kanjian-table-header-rows-scope',
  selector: 'table',
  matches: headerRowsMatches,
  evaluate: headerRowsEvaluate,
  impact: 'moderate',
  tags: WCAG_131,
});

// ---- kanjian-table-nested ------------------------------------------------------------------------

export function nestedMatches(node: Element): boolean {
  return isData(node) && tableGrid(node).rows.flat().some((c) => c.querySelector('table'));
}

export function nestedEvaluate(this: CheckHelper, node: Element): boolean {
  const inner = tableGrid(node).rows.flat().map((c) => c.querySelector('table')).filter((t): t is HTMLTableElement => !!t);
  if (inner.length) this.relatedNodes(inner);
  return inner.length === 0;
}

export const tableNested = defineKanjianRule({
  id: 'kanjian-table-nested',
  selector: 'table',
  matches: nestedMatches,
  evaluate: nestedEvaluate,
  impact: 'moderate',
  tags: WCAG_131,
});

// ---- kanjian-table-irregular ---------------------------------------------------------------------

export function irregularMatches(node: Element): boolean {
  return isData(node);
}

export function irregularEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const g = tableGrid(node);
  const short = g.widths.map((w, i) => ({ w, i })).filter((r) => r.w > 0 && r.w < g.cols);
  if (!short.length) return true;
  this.data({ rowNumber: short[0]!.i + 1, cells: short[0]!.w, cols: g.cols });
  // The table model fills missing cells with empty slots; whether headers still line up needs a person.
  return undefined;
}

export const tableIrregular = defineKanjianRule({
  id: 'kanjian-table-irregular',
  selector: 'table',
  matches: irregularMatches,
  evaluate: irregularEvaluate,
  impact: 'moderate',
  tags: WCAG_131,
});

// ---- kanjian-table-caption -----------------------------------------------------------------------

export const CAPTION_MIN_ROWS = 4;

/**
 * Data tables of at least four rows (a header and three of data) with no heading right before them:
 * small tables and tables introduced by a heading are named well enough.
 */
export function captionMatches(node: Element): boolean {
  if (tableGrid(node).rows.length < CAPTION_MIN_ROWS || !isData(node)) return false;
  const prev = node.previousElementSibling;
  return !(prev && /^H[1-6]$/.test(prev.nodeName));
}

export function captionEvaluate(this: CheckHelper, node: Element): boolean {
  const caption = Array.from(node.children).find((c) => c.nodeName === 'CAPTION');
  if (caption && clean(caption.textContent)) return true;
  if (clean(node.getAttribute('aria-label')) || clean(node.getAttribute('aria-labelledby')) || clean(node.getAttribute('summary'))) return true;
  // A figure with a figcaption names the table too.
  const fig = node.closest('figure');
  return !!fig?.querySelector('figcaption') && !!clean(fig.querySelector('figcaption')!.textContent);
}

export const tableCaption = defineKanjianRule({
  id: 'kanjian-table-caption',
  selector: 'table',
  matches: captionMatches,
  evaluate: captionEvaluate,
  impact: 'minor',
  tags: ['kanjian', 'best-practice', 'cat.tables'],
});

// ---- kanjian-table-layout-markup -----------------------------------------------------------------

/**
 * A table of one cell (a frame around a picture or a heading) that carries data-table markup. With
 * role=none/presentation the markup is hidden from assistive technology, so those are left alone.
 */
export function layoutMarkupMatches(node: Element): boolean {
  const v = classifyTable(node);
  return v.kind === 'layout' && v.reason === 'single-row-or-column' && v.dataMarkup && v.rows <= 1 && v.cols <= 1;
}

export function layoutMarkupEvaluate(this: CheckHelper, node: Element): boolean {
  const cells = tableGrid(node).rows.flat();
  const found: string[] = [];
  if (cells.some((c) => c.nodeName === 'TH')) found.push('th');
  if (Array.from(node.children).some((c) => c.nodeName === 'CAPTION')) found.push('caption');
  if (node.hasAttribute('summary')) found.push('summary');
  if (cells.some((c) => c.hasAttribute('scope') || c.hasAttribute('headers'))) found.push('scope/headers');
  this.data({ markup: found.join(', ') });
  return found.length === 0;
}

export const tableLayoutMarkup = defineKanjianRule({
  id: 'kanjian-table-layout-markup',
  selector: 'table',
  matches: layoutMarkupMatches,
  evaluate: layoutMarkupEvaluate,
  impact: 'moderate',
  tags: WCAG_131,
});
