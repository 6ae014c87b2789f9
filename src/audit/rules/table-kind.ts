// Layout tables or data tables: the one heuristic every kanjian table rule uses. Old portals lay out
// whole pages with nested tables; flagging those as "data tables without headers" would bury the real
// findings, so a table counts as data only on clear evidence and stays "uncertain" otherwise (the
// rules then say nothing).
import { style } from './util';

export type TableKind = 'layout' | 'data' | 'uncertain';

export type TableReason =
  | 'role-presentation' | 'role-table' | 'single-row-or-column' | 'data-markup' | 'nested-table' | 'layout-content'
  | 'borders' | 'header-row-style' | 'grid-of-values' | 'no-evidence';

export interface TableVerdict {
  kind: TableKind;
  reason: TableReason;
  /** th, caption, summary, headers or scope: markup only data tables should carry. */
  dataMarkup: boolean;
  rows: number;
  cols: number;
}

export interface TableGrid {
  /** The table's own rows (never a nested table's), each with its cells. */
  rows: HTMLTableCellElement[][];
  /** Slots each row covers (colspan and rowspans from rows above included). */
  widths: number[];
  cols: number;
}

/** The table's own rows and cells and the width of each row in grid slots (HTML table model, simplified). */
export function tableGrid(table: Element): TableGrid {
  const rows = ownRows(table).map((tr) => Array.from(tr.children).filter((c): c is HTMLTableCellElement => c.nodeName === 'TD' || c.nodeName === 'TH'));
  let carry: number[] = []; // per column slot: rows still covered by a rowspan from above
  const widths: number[] = [];
  for (const cells of rows) {
    const occupied = carry.map((n) => n > 0);
    const nextCarry = carry.map((n) => Math.max(0, n - 1));
    let col = 0;
    for (const cell of cells) {
      while (occupied[col]) col++;
      const span = Math.max(1, Math.min(1000, parseInt(cell.getAttribute('colspan') ?? '1', 10) || 1));
      const rs = parseInt(cell.getAttribute('rowspan') ?? '1', 10);
      const rowspan = Number.isNaN(rs) ? 1 : rs === 0 ? rows.length : Math.max(1, rs);
      for (let k = 0; k < span; k++) {
        occupied[col + k] = true;
        nextCarry[col + k] = Math.max(nextCarry[col + k] ?? 0, rowspan - 1);
      }
      col += span;
    }
    widths.push(occupied.lastIndexOf(true) + 1);
    carry = Array.from(nextCarry, (n) => n ?? 0);
  }
  return { rows, widths, cols: widths.length ? Math.max(...widths) : 0 };
}

export function ownRows(table: Element): HTMLTableRowElement[] {
  const out: HTMLTableRowElement[] = [];
  for (const child of Array.from(table.children)) {
    if (child.nodeName === 'TR') out.push(child as HTMLTableRowElement);
    else if (child.nodeName === 'THEAD' || child.nodeName === 'TBODY' || child.nodeName === 'TFOOT') {
      for (const tr of Array.from(child.children)) if (tr.nodeName === 'TR') out.push(tr as HTMLTableRowElement);
    }
  }
  return out;
}

function ownCells(grid: TableGrid): HTMLTableCellElement[] {
  return grid.rows.flat();
}

export function hasDataMarkup(table: Element, grid: TableGrid = tableGrid(table)): boolean {
  const caption = Array.from(table.children).find((c) => c.nodeName === 'CAPTION');
  if (caption && (caption.textContent ?? '').trim()) return true;
  if ((table.getAttribute('summary') ?? '').trim()) return true;
  return ownCells(grid).some(
    (c) => c.nodeName === 'TH' || c.hasAttribute('headers') || c.hasAttribute('scope') || /^(columnheader|rowheader)$/.test(c.getAttribute('role') ?? ''),
  );
}

export function hasHeaderCells(grid: TableGrid): boolean {
  return ownCells(grid).some((c) => c.nodeName === 'TH' || c.hasAttribute('headers') || /^(columnheader|rowheader)$/.test(c.getAttribute('role') ?? ''));
}

const BLOCK_CONTENT = 'table, ul, ol, dl, h1, h2, h3, h4, h5, h6, form, iframe, object, embed, nav, fieldset, blockquote, marquee, select';

function cellText(c: Element): string {
  return (c.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** A cell laid out like a page region: lists, headings, forms, several paragraphs, long prose. */
function isLayoutCell(c: Element): boolean {
  if (c.querySelector(BLOCK_CONTENT)) return true;
  if (c.querySelectorAll('p, div, br').length >= 3) return true;
  if (c.querySelectorAll('a[href]').length >= 3) return true;
  return cellText(c).length > 200;
}

function isBold(el: Element): boolean {
  const w = style(el).fontWeight;
  const n = w === 'bold' || w === 'bolder' ? 700 : parseInt(w, 10);
  return n >= 600;
}

/** Text of the cell is bold throughout (its own weight, or wrapped in b/strong/th-like markup). */
function boldCell(c: Element): boolean {
  const text = cellText(c);
  if (!text) return false;
  if (isBold(c)) return true;
  const bold = Array.from(c.querySelectorAll('b, strong')).map(cellText).join('');
  return bold.replace(/\s/g, '') === text.replace(/\s/g, '');
}

function background(el: Element): string {
  const bg = el.getAttribute('bgcolor') ?? '';
  const cs = style(el).backgroundColor;
  return (bg || (cs && cs !== 'rgba(0, 0, 0, 0)' && cs !== 'transparent' ? cs : '')).toLowerCase();
}

function hasVisibleBorders(table: Element, cells: Element[]): boolean {
  const b = table.getAttribute('border');
  if (b !== null && (b === '' || parseInt(b, 10) > 0)) return true;
  if (table.hasAttribute('rules') && table.getAttribute('rules') !== 'none') return true;
  const sample = cells.slice(0, 6);
  return sample.length > 0 && sample.every((c) => {
    const cs = style(c);
    return ['Top', 'Right', 'Bottom', 'Left'].some((side) => {
      const st = cs.getPropertyValue(`border-${side.toLowerCase()}-style`);
      const w = parseFloat(cs.getPropertyValue(`border-${side.toLowerCase()}-width`));
      return st && st !== 'none' && st !== 'hidden' && w > 0;
    });
  });
}

/** First row styled as headers (bold or a background of its own) while the rows below are not. */
function headerRowStyled(grid: TableGrid): boolean {
  const [first, ...rest] = grid.rows;
  if (!first || first.length < 2 || rest.length < 1) return false;
  const firstBold = first.every(boldCell);
  const tr = first[0]!.parentElement!;
  const firstBg = background(tr) || background(first[0]!);
  const restRows = rest.filter((r) => r.length === first.length || r.length >= 2);
  if (!restRows.length) return false;
  const restBold = restRows.every((r) => r.every(boldCell));
  const restBg = restRows.map((r) => background(r[0]!.parentElement!) || background(r[0]!));
  return (firstBold && !restBold) || (!!firstBg && restBg.some((bg) => bg !== firstBg));
}

/** Rows of short values (numbers, dates, prices) in a regular grid of at least 3 × 3. */
function gridOfValues(grid: TableGrid): boolean {
  if (grid.rows.length < 3 || grid.cols < 3) return false;
  const cells = ownCells(grid);
  const regular = grid.widths.filter((w) => w === grid.cols).length >= grid.rows.length * 0.8;
  const short = cells.filter((c) => cellText(c).length <= 40).length >= cells.length * 0.9;
  const values = cells.filter((c) => /^[\s$¥￥€£+\-\d.,:%/年月日时分秒元]+$/.test(cellText(c))).length;
  return regular && short && values >= cells.length * 0.3;
}

/** Decides whether a table presents data or lays out the page. */
export function classifyTable(table: Element): TableVerdict {
  const grid = tableGrid(table);
  const rows = grid.rows.length;
  const cols = grid.cols;
  const markup = hasDataMarkup(table, grid);
  const base = { dataMarkup: markup, rows, cols };
  const role = (table.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  if (role === 'presentation' || role === 'none') return { kind: 'layout', reason: 'role-presentation', ...base };
  if (rows < 2 || cols < 2) return { kind: 'layout', reason: 'single-row-or-column', ...base };
  if (role === 'table' || role === 'grid' || role === 'treegrid') return { kind: 'data', reason: 'role-table', ...base };
  if (markup) return { kind: 'data', reason: 'data-markup', ...base };
  const cells = ownCells(grid);
  if (cells.some((c) => c.querySelector('table'))) return { kind: 'layout', reason: 'nested-table', ...base };
  if (cells.some(isLayoutCell)) return { kind: 'layout', reason: 'layout-content', ...base };
  // Spacer cells (empty or holding only an image) are what layout grids are made of.
  const empty = cells.filter((c) => !cellText(c)).length;
  if (empty > cells.length * 0.4) return { kind: 'layout', reason: 'layout-content', ...base };
  if (hasVisibleBorders(table, cells)) return { kind: 'data', reason: 'borders', ...base };
  if (headerRowStyled(grid)) return { kind: 'data', reason: 'header-row-style', ...base };
  if (gridOfValues(grid)) return { kind: 'data', reason: 'grid-of-values', ...base };
  return { kind: 'uncertain', reason: 'no-evidence', ...base };
}

/** The nearest enclosing table of an element, skipping the element itself. */
export function enclosingTable(el: Element): Element | null {
  return el.parentElement?.closest('table') ?? null;
}
