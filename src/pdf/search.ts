/**
 * Search in the reflow text: every match as a DOM Range over the article's text nodes (so it follows
 * 繁简 conversion: the text searched is the text shown). Matches are shown with the CSS Custom
 * Highlight API where the browser has it, else by selecting the current one.
 */
export interface SearchMatch {
  range: Range;
  /** The page the match's block came from. */
  page: number;
}

/** Case-insensitive, whitespace-insensitive positions of `query` in `text`. */
export function findAll(text: string, query: string): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hay = text.toLowerCase();
  const out: number[] = [];
  for (let i = hay.indexOf(q); i >= 0; i = hay.indexOf(q, i + q.length)) out.push(i);
  return out;
}

export function searchIn(root: HTMLElement, query: string): SearchMatch[] {
  const doc = root.ownerDocument;
  const q = query.trim();
  const matches: SearchMatch[] = [];
  if (!q) return matches;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const at of findAll(text, q)) {
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + q.length);
      const block = (node.parentElement?.closest('[data-page]') as HTMLElement | null) ?? null;
      matches.push({ range, page: Number(block?.dataset.page ?? 1) });
    }
  }
  return matches;
}

const ALL = 'kjr-search';
const CURRENT = 'kjr-search-current';

interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(win: Window): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/** Paints all matches and the current one; scrolls the current one into view. */
export function showMatches(win: Window, matches: readonly SearchMatch[], current: number): void {
  const reg = registry(win);
  const cur = matches[current];
  if (reg) {
    reg.highlights.set(ALL, new reg.Highlight(...matches.map((m) => m.range)));
    if (cur) reg.highlights.set(CURRENT, new reg.Highlight(cur.range));
    else reg.highlights.delete(CURRENT);
  } else if (cur) {
    const sel = win.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(cur.range);
  }
  const target = cur?.range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center' });
}

export function clearMatches(win: Window): void {
  const reg = registry(win);
  reg?.highlights.delete(ALL);
  reg?.highlights.delete(CURRENT);
}
