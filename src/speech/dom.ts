import { isOwnUi as isOwnElement } from '../shared/own-ui';
import { UNRENDERED_TAGS } from '../shared/unrendered';
// DOM predicates shared by extraction, reading order and accessible names. Read-only: nothing here
// changes the page.

/** Subtrees never read: not content, or content we cannot meaningfully read as text. */
const SKIP_TAGS = new Set([
  ...UNRENDERED_TAGS,
  'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'svg', 'datalist',
]);

/** Tags that start a new reading segment whatever their CSS says (list items styled inline are still items). */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br',
  'button',
]);

export function tagOf(el: Element): string {
  return el.localName.toLowerCase();
}

/** Our own UI (known by reference: see shared/own-ui.ts). */
export function isOwnUi(el: Element): boolean {
  return isOwnElement(el);
}

function ancestorTagIn(el: Element, tags: ReadonlySet<string>): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (tags.has(tagOf(p))) return true;
  return false;
}

const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

/**
 * Navigation-like regions skipped when skipNav is on: nav, role=navigation, and page-level header/footer
 * (a header inside an article is the article's own title block, so it is kept, as the HTML landmark
 * rules do), plus role=banner/contentinfo.
 */
export function isNavLike(el: Element): boolean {
  const role = (el.getAttribute('role') ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo') return true;
  const tag = tagOf(el);
  if (tag === 'nav') return true;
  if (tag === 'header' || tag === 'footer') return !ancestorTagIn(el, SECTIONING);
  return false;
}

function styleOf(el: Element): CSSStyleDeclaration | null {
  try {
    const view = el.ownerDocument?.defaultView;
    return view ? view.getComputedStyle(el) : null;
  } catch {
    return null;
  }
}

export interface PruneOptions {
  skipNav?: boolean;
  /** Skip our own toolbar (default true). Point reading turns this off to read toolbar buttons. */
  skipOwnUi?: boolean;
}

/** Whether an element and its whole subtree are out of reading: hidden, aria-hidden, non-content, ours, nav. */
export function isPruned(el: Element, opts: PruneOptions = {}): boolean {
  const tag = tagOf(el);
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'hidden') return true;
  if (el.hasAttribute('hidden')) return true;
  if ((el.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  if (opts.skipOwnUi !== false && isOwnUi(el)) return true;
  if (opts.skipNav && isNavLike(el)) return true;
  const style = styleOf(el);
  if (style && style.display === 'none') return true;
  return false;
}

/** Whether text directly inside el is visible (visibility is inherited, and a child can undo it). */
export function textVisibleIn(el: Element): boolean {
  const style = styleOf(el);
  if (!style) return true;
  return style.visibility !== 'hidden' && style.visibility !== 'collapse';
}

/**
 * Whether el starts a new reading segment. Semantic block tags always do; otherwise the computed display:
 * anything but inline/contents is its own box (inline-block menu items must not run together).
 */
export function isBlock(el: Element): boolean {
  if (BLOCK_TAGS.has(tagOf(el))) return true;
  const display = styleOf(el)?.display ?? '';
  if (!display) return false; // no layout info (test DOMs): tag list only
  return display !== 'inline' && display !== 'contents';
}

/** Pruned by itself or by any ancestor up to (not including) stop. */
export function isInPrunedSubtree(el: Element, opts: PruneOptions = {}, stop: Node | null = null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (isPruned(e, opts)) return true;
  return false;
}

/** Nearest lang attribute value, '' if none. */
export function langOf(el: Element): string {
  const holder = el.closest('[lang]');
  return holder?.getAttribute('lang')?.trim() ?? '';
}

/** Collapse whitespace runs to one space and trim. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Visible text of el (hidden parts, scripts and our UI left out), whitespace collapsed. */
export function visibleText(el: Element, opts: PruneOptions = {}): string {
  const out: string[] = [];
  const walk = (node: Node, visible: boolean): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (visible) out.push((c as Text).data);
      } else if (c.nodeType === 1) {
        const e = c as Element;
        if (isPruned(e, opts)) continue;
        const block = isBlock(e);
        if (block) out.push(' ');
        if (tagOf(e) === 'img') out.push(' ', e.getAttribute('alt') ?? '', ' ');
        walk(e, textVisibleIn(e));
        if (block) out.push(' ');
      }
    }
  };
  walk(el, textVisibleIn(el));
  return collapse(out.join(''));
}
