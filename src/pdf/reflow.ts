/**
 * Reflow extraction: a PDF's text content (pdf.js getTextContent items, with marked content, and the
 * page's structure tree where the PDF is tagged) → the document's text in reading order as blocks:
 * headings, paragraphs, lists and tables. Pure functions, no DOM, no pdf.js: tested on recorded data.
 *
 * Tagged PDFs say what each run of text is (H1, P, L/LI, Table/TR/TD …): that is used first. Untagged
 * ones (most scanned-then-OCRed and older office exports) are read from the layout: lines from
 * baselines, headings from font size and 一、/（一） numbering, paragraphs from first-line indent,
 * gaps and short last lines, lists from markers, tables from aligned column gaps.
 */
import { normalizeGlyphText } from './glyph-text';

export interface TextRun {
  str: string;
  /** [a, b, c, d, e, f]: e/f is the baseline origin in PDF units (y up), hypot(c, d) the font size. */
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface MarkedContent {
  type: 'beginMarkedContent' | 'beginMarkedContentProps' | 'endMarkedContent';
  id?: string;
  tag?: string;
}

export type ContentItem = TextRun | MarkedContent;

export interface StructContent {
  type: string;
  id?: string;
}
export interface StructNode {
  role: string;
  children?: Array<StructNode | StructContent>;
  lang?: string;
  alt?: string;
}

export interface PageText {
  pageNumber: number;
  width: number;
  height: number;
  items: ContentItem[];
  structTree?: StructNode | null;
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;
export type ReflowBlock =
  | { kind: 'heading'; level: HeadingLevel; text: string; page: number }
  | { kind: 'paragraph'; text: string; page: number }
  | { kind: 'list'; ordered: boolean; items: string[]; page: number }
  | { kind: 'table'; caption: string | null; headerRows: number; rows: string[][]; page: number };

export interface ReflowOptions {
  /** The document is Simplified Chinese (decides ⼾ → 户 rather than 戶). */
  simplified?: boolean;
}

const isRun = (item: ContentItem): item is TextRun => 'str' in item;
const fontSize = (run: TextRun): number => Math.hypot(run.transform[2] ?? 0, run.transform[3] ?? 0) || Math.abs(run.transform[3] ?? 0) || run.height;

/** Sentence-final punctuation: a line ending in it may end a paragraph; one that doesn't continues. */
const SENTENCE_END = /[。！？；：!?;:．.”』」）)]\s*$/;
const LATIN_END = /[A-Za-z0-9,]$/;
const LATIN_START = /^[A-Za-z0-9(]/;

/** Joins pieces of one block's text: CJK lines run on; Latin words get their space back. */
function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  if (LATIN_END.test(a) && LATIN_START.test(b) && !/\s$/.test(a)) return `${a} ${b}`;
  return a + b;
}

const clean = (s: string): string => s.replace(/[ \t\u00a0\u3000]+$/g, '').replace(/^[ \t\u00a0]+/, '');

// ---------- tagged PDFs --------------------------------------------------------------------------

interface Tagged {
  role: string;
  /** A struct element, identified by object identity for grouping. */
  element: StructNode;
  ancestors: StructNode[];
}

const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'Title', 'LI', 'Lbl', 'LBody', 'TD', 'TH', 'Caption', 'BlockQuote', 'Note', 'Code', 'Quote']);
const SKIP_ROLES = new Set(['Artifact', 'Figure', 'Formula']);

/** Marked-content id → the struct element it belongs to (and that element's ancestors). */
function mapStructTree(root: StructNode): Map<string, Tagged> {
  const map = new Map<string, Tagged>();
  const walk = (node: StructNode, ancestors: StructNode[]): void => {
    const path = node.role ? [...ancestors, node] : ancestors;
    for (const child of node.children ?? []) {
      if ('role' in child && typeof child.role === 'string') walk(child, path);
      else if ((child as StructContent).type === 'content' && (child as StructContent).id) {
        // The innermost block-level element names the block; inline ones (Span, NonStruct) don't.
        const block = [...path].reverse().find((n) => BLOCK_ROLES.has(n.role)) ?? node;
        map.set((child as StructContent).id as string, { role: block.role, element: block, ancestors: path.slice(0, path.indexOf(block)) });
      }
    }
  };
  walk(root, []);
  return map;
}

interface TaggedPiece {
  tagged: Tagged;
  text: string;
}

/** The page's text runs grouped by the struct element they belong to, in content order. */
function taggedPieces(page: PageText, map: Map<string, Tagged>, simplified: boolean): { pieces: TaggedPiece[]; tagged: number; total: number } {
  const stack: Array<Tagged | null> = [];
  const pieces: TaggedPiece[] = [];
  let tagged = 0;
  let total = 0;
  let lastY: number | null = null;
  for (const item of page.items) {
    if (!isRun(item)) {
      if (item.type === 'endMarkedContent') stack.pop();
      else stack.push((item.id && map.get(item.id)) || null);
      continue;
    }
    const text = normalizeGlyphText(item.str, simplified);
    if (!text.trim() && !text) continue;
    total += text.length;
    const current = [...stack].reverse().find((t): t is Tagged => t !== null) ?? null;
    if (!current) continue;
    tagged += text.length;
    if (SKIP_ROLES.has(current.role) || current.ancestors.some((a) => SKIP_ROLES.has(a.role))) continue;
    const y = item.transform[5] ?? 0;
    const prev = pieces.at(-1);
    if (prev && prev.tagged.element === current.element) {
      // A new line inside the same element: Latin words need the space the line break stood for.
      prev.text = lastY !== null && Math.abs(lastY - y) > 1 ? joinText(prev.text, text) : prev.text + text;
    } else {
      pieces.push({ tagged: current, text });
    }
    lastY = y;
  }
  return { pieces, tagged, total };
}

function headingLevel(role: string): HeadingLevel | null {
  if (role === 'Title') return 1;
  const m = /^H([1-6])$/.exec(role);
  if (m) return Number(m[1]) as HeadingLevel;
  return role === 'H' ? 2 : null;
}

function taggedBlocks(pieces: TaggedPiece[], page: number): ReflowBlock[] {
  const blocks: ReflowBlock[] = [];
  let list: { node: StructNode; block: Extract<ReflowBlock, { kind: 'list' }>; item: StructNode | null } | null = null;
  let table: { node: StructNode; block: Extract<ReflowBlock, { kind: 'table' }>; row: StructNode | null; cell: StructNode | null } | null = null;
  for (const { tagged, text } of pieces) {
    const t = clean(text);
    const listNode = [...tagged.ancestors].reverse().find((a) => a.role === 'L');
    const tableNode = [...tagged.ancestors, tagged.element].reverse().find((a) => a.role === 'Table');
    if (tableNode) {
      if (!table || table.node !== tableNode) {
        table = { node: tableNode, block: { kind: 'table', caption: null, headerRows: 0, rows: [], page }, row: null, cell: null };
        blocks.push(table.block);
      }
      if (tagged.role === 'Caption') {
        table.block.caption = joinText(table.block.caption ?? '', t);
        continue;
      }
      const row = [...tagged.ancestors].reverse().find((a) => a.role === 'TR') ?? null;
      if (row !== table.row) {
        table.row = row;
        table.block.rows.push([]);
        if (tagged.role === 'TH' && table.block.rows.length === table.block.headerRows + 1) table.block.headerRows++;
      }
      const cells = table.block.rows.at(-1) as string[];
      if (tagged.element !== table.cell) {
        table.cell = tagged.element;
        cells.push(t);
      } else cells[cells.length - 1] = joinText(cells[cells.length - 1] ?? '', t);
      continue;
    }
    table = null;
    if (listNode) {
      if (!list || list.node !== listNode) {
        list = { node: listNode, block: { kind: 'list', ordered: false, items: [], page }, item: null };
        blocks.push(list.block);
      }
      const li = [...tagged.ancestors, tagged.element].reverse().find((a) => a.role === 'LI') ?? tagged.element;
      if (li !== list.item) {
        list.item = li;
        list.block.items.push(t);
        if (tagged.role === 'Lbl' && /\d|[一二三四五六七八九十]|[a-z]\W/i.test(t)) list.block.ordered = true;
      } else {
        const items = list.block.items;
        items[items.length - 1] = joinText(items[items.length - 1] ?? '', tagged.role === 'Lbl' ? t : t);
      }
      continue;
    }
    list = null;
    if (!t) continue;
    const level = headingLevel(tagged.role);
    blocks.push(level ? { kind: 'heading', level, text: t, page } : { kind: 'paragraph', text: t, page });
  }
  return blocks.map((b) => (b.kind === 'list' ? { ...b, items: b.items.map((i) => i.replace(/^(\S+?[.、．)）])\s*/, '$1 ').trim()) } : b));
}

// ---------- untagged PDFs: reading the layout ----------------------------------------------------

interface Line {
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
  /** Text cells separated by wide gaps (a table row when there are several). */
  cells: Array<{ x: number; text: string }>;
}

/** Runs → lines by baseline, in content order (which is reading order for nearly every producer). */
export function layoutLines(page: PageText, simplified = false): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const item of page.items) {
    if (!isRun(item) || !item.str) continue;
    const text = normalizeGlyphText(item.str, simplified);
    const size = fontSize(item);
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    // pdf.js's own whitespace runs span gaps loosely (wider than the gap): the real runs' positions decide.
    if (!text.trim()) continue;
    // Same baseline, not jumping back to the left: the same line (CJK punctuation may overlap the run before: 》、).
    if (cur && Math.abs(cur.y - y) <= Math.max(cur.size, size) * 0.4 && x >= cur.right - size * 1.5) {
      const gap = x - cur.right;
      if (gap > size * 1.2) cur.cells.push({ x, text });
      else {
        const cell = cur.cells[cur.cells.length - 1] as { x: number; text: string };
        cell.text = gap > size * 0.2 && LATIN_END.test(cell.text) ? `${cell.text} ${text}` : cell.text + text;
      }
      cur.right = Math.max(cur.right, x + item.width);
      cur.size = Math.max(cur.size, size);
    } else {
      cur = { x, right: x + item.width, y, size, text: '', cells: [{ x, text }] };
      lines.push(cur);
    }
  }
  for (const l of lines) l.text = l.cells.map((c) => c.text).join(' ');
  // Running headers/footers that are only a page number (— 3 —, - 3 -, 第3页): not the document's text.
  return lines.filter((l) => !/^[\s\-—–_·]*(第\s*)?\d+(\s*页)?(\s*\/\s*\d+)?[\s\-—–_·]*$/.test(l.text));
}

/** The most common font size, weighted by text length: the body text's size. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const s = Math.round(l.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + l.text.length);
  }
  let best = 12;
  let max = -1;
  for (const [s, w] of weight) if (w > max) [best, max] = [s, w];
  return best;
}

const ORDERED_MARK = /^(\d{1,3}[.、．)）]|[（(]\d{1,3}[)）]|[a-z][.)]\s|[①-⑳])/;
const BULLET_MARK = /^[·•●○▪■◆◇▶►\-–—*]\s*/;
/** 一、 and （一） number the sections of a 政策文件: headings when short and not a sentence. */
const CN_SECTION = /^[一二三四五六七八九十]{1,3}、/;
const CN_SUBSECTION = /^[（(][一二三四五六七八九十]{1,3}[)）]/;

function isHeadingLike(text: string, size: number, body: number): boolean {
  return text.length <= 40 && !/[。；;]/.test(text.slice(0, -1)) && !/[，,。；;]$/.test(text) && size >= body * 0.95;
}

/** Sizes larger than the body, largest first: their rank is the heading level. */
function headingSizes(lines: Line[], body: number): number[] {
  return [...new Set(lines.map((l) => Math.round(l.size * 2) / 2).filter((s) => s > body * 1.08))].sort((a, b) => b - a);
}

/** Blocks from the layout of one page's lines. `ranks` come from the whole document. */
export function layoutBlocks(lines: Line[], page: number, body: number, ranks: number[]): ReflowBlock[] {
  const blocks: ReflowBlock[] = [];
  if (!lines.length) return blocks;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.right));
  let para: { block: Extract<ReflowBlock, { kind: 'paragraph' }>; last: Line } | null = null;
  let list: { block: Extract<ReflowBlock, { kind: 'list' }>; last: Line } | null = null;
  let table: { block: Extract<ReflowBlock, { kind: 'table' }>; columns: number[] } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = clean(line.text);
    const size = Math.round(line.size * 2) / 2;
    const prev = lines[i - 1];
    const pitch = prev ? prev.y - line.y : 0;
    const bigGap = prev ? pitch > Math.max(prev.size, line.size) * 2.1 : true;

    // Table rows: several cells; consecutive rows whose columns line up.
    const next = lines[i + 1];
    if (line.cells.length >= 2) {
      const columns = line.cells.map((c) => c.x);
      const aligned = (cols: number[]): boolean => cols.length >= 2 && cols.every((x) => columns.some((c) => Math.abs(c - x) < body * 1.5));
      const continues = table && aligned(table.columns);
      const starts = !continues && next && next.cells.length >= 2 && aligned(next.cells.map((c) => c.x));
      if (continues || starts) {
        if (!continues) {
          table = { block: { kind: 'table', caption: null, headerRows: 0, rows: [], page }, columns };
          // A short centred line right above is the table's caption (表1 …).
          const above = blocks.at(-1);
          if (above?.kind === 'paragraph' && /^(表|Table)\s*\d*/.test(above.text) && above.text.length < 40) {
            blocks.pop();
            table.block.caption = above.text;
          }
          blocks.push(table.block);
        }
        const t = table as { block: Extract<ReflowBlock, { kind: 'table' }>; columns: number[] };
        // Each cell goes to the nearest column of the first row.
        const row = t.columns.map(() => '');
        for (const c of line.cells) {
          let best = 0;
          t.columns.forEach((x, j) => {
            if (Math.abs(x - c.x) < Math.abs((t.columns[best] ?? 0) - c.x)) best = j;
          });
          row[best] = joinText(row[best] ?? '', clean(c.text));
        }
        t.block.rows.push(row);
        para = null;
        list = null;
        continue;
      }
    }
    table = null;

    // Headings: larger type, or 一、/（一） numbering on a short line of its own.
    const rank = ranks.indexOf(size);
    const standalone = !next || next.y < line.y - line.size * 1.2 || next.size !== line.size || next.x > line.x + body;
    let level: HeadingLevel | null = null;
    if (rank >= 0 && isHeadingLike(text, size, body) && (rank < 5)) level = (rank + 1) as HeadingLevel;
    else if (CN_SECTION.test(text) && isHeadingLike(text, size, body) && line.right < right - body && standalone) level = Math.min(ranks.length + 1, 6) as HeadingLevel;
    else if (CN_SUBSECTION.test(text) && isHeadingLike(text, size, body) && line.right < right - body && standalone) level = Math.min(ranks.length + 2, 6) as HeadingLevel;
    if (level) {
      const last = blocks.at(-1);
      // A heading that wraps: the next line at the same size continues it.
      if (last?.kind === 'heading' && last.level === level && prev && Math.abs(prev.size - line.size) < 0.5 && !bigGap && rank >= 0) last.text = joinText(last.text, text);
      else blocks.push({ kind: 'heading', level, text, page });
      para = null;
      list = null;
      continue;
    }

    // Lists: a marker at the start of the line; following lines indented past it continue the item.
    const ordered = ORDERED_MARK.test(text);
    const bullet = !ordered && BULLET_MARK.test(text) && text.length > 1;
    if (ordered || bullet) {
      if (!list || list.block.ordered !== ordered || bigGap) {
        list = { block: { kind: 'list', ordered, items: [], page }, last: line };
        blocks.push(list.block);
      }
      list.block.items.push(bullet ? text.replace(BULLET_MARK, '') : text);
      list.last = line;
      para = null;
      continue;
    }
    if (list && !bigGap && line.x > left + body * 0.5 && !SENTENCE_END.test(list.block.items.at(-1) ?? '')) {
      const items = list.block.items;
      items[items.length - 1] = joinText(items[items.length - 1] ?? '', text);
      list.last = line;
      continue;
    }
    list = null;

    // Paragraphs: a new one after a gap, at a first-line indent, or after a line that ended short.
    const indented = line.x > left + body * 1.2;
    const endedShort = para ? para.last.right < right - body * 1.5 && SENTENCE_END.test(para.block.text) : true;
    const sizeChange = para ? Math.abs(para.last.size - line.size) > 0.6 : true;
    if (!para || bigGap || indented || endedShort || sizeChange) {
      para = { block: { kind: 'paragraph', text, page }, last: line };
      blocks.push(para.block);
    } else {
      para.block.text = joinText(para.block.text, text);
      para.last = line;
    }
  }
  return blocks;
}

// ---------- the document -------------------------------------------------------------------------

/** Does the page carry a structure tree that covers most of its text? */
function usableTree(page: PageText, simplified: boolean): TaggedPiece[] | null {
  if (!page.structTree) return null;
  const map = mapStructTree(page.structTree);
  if (!map.size) return null;
  const { pieces, tagged, total } = taggedPieces(page, map, simplified);
  return total > 0 && tagged / total > 0.8 ? pieces : null;
}

/**
 * A paragraph cut by a page break is one paragraph: merged when the first page's last block does not
 * end a sentence. Tables continued on the next page (same column count) are merged too.
 */
function mergeAcrossPages(blocks: ReflowBlock[]): ReflowBlock[] {
  const out: ReflowBlock[] = [];
  for (const b of blocks) {
    const last = out.at(-1);
    if (last && last.page !== b.page) {
      if (last.kind === 'paragraph' && b.kind === 'paragraph' && !SENTENCE_END.test(last.text)) {
        last.text = joinText(last.text, b.text);
        continue;
      }
      if (last.kind === 'list' && b.kind === 'list' && last.ordered === b.ordered) {
        last.items.push(...b.items);
        continue;
      }
      if (last.kind === 'table' && b.kind === 'table' && !b.caption && (last.rows[0]?.length ?? 0) === (b.rows[0]?.length ?? -1)) {
        last.rows.push(...b.rows.slice(b.headerRows && sameRow(b.rows[0], last.rows[0]) ? b.headerRows : 0));
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

const sameRow = (a: string[] | undefined, b: string[] | undefined): boolean => !!a && !!b && a.join('\u0000') === b.join('\u0000');

/** The document's text in reading order, as blocks. */
export function reflowDocument(pages: PageText[], options: ReflowOptions = {}): ReflowBlock[] {
  const simplified = options.simplified ?? false;
  const blocks: ReflowBlock[] = [];
  const untagged: Array<{ page: PageText; lines: Line[] }> = [];
  const perPage: Array<ReflowBlock[] | null> = [];
  for (const page of pages) {
    const pieces = usableTree(page, simplified);
    if (pieces) perPage.push(taggedBlocks(pieces, page.pageNumber));
    else {
      perPage.push(null);
      untagged.push({ page, lines: layoutLines(page, simplified) });
    }
  }
  // Body size and heading sizes are the document's, not one page's (a page of only a title exists).
  const allLines = untagged.flatMap((u) => u.lines);
  const body = bodySize(allLines);
  const ranks = headingSizes(allLines, body);
  let u = 0;
  for (let i = 0; i < pages.length; i++) {
    const tagged = perPage[i];
    if (tagged) blocks.push(...tagged);
    else {
      const entry = untagged[u++] as { page: PageText; lines: Line[] };
      blocks.push(...layoutBlocks(entry.lines, entry.page.pageNumber, body, ranks));
    }
  }
  return mergeAcrossPages(blocks);
}

/** The whole text of the blocks, one block per line (for search, read-aloud checks and tests). */
export function blocksText(blocks: readonly ReflowBlock[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'list') return b.items.join('\n');
      if (b.kind === 'table') return [b.caption, ...b.rows.map((r) => r.join('\t'))].filter(Boolean).join('\n');
      return b.text;
    })
    .join('\n');
}

/** How much text the pages have: a scanned (image-only) PDF has none. */
export function textLength(pages: readonly PageText[]): number {
  let n = 0;
  for (const p of pages) for (const item of p.items) if (isRun(item)) n += item.str.trim().length;
  return n;
}
