// 连读: the page's readable content in document order, as segments that map back to Text nodes so the
// highlighter can build Ranges without changing the DOM.
import { describeForSpeech, isDecorativeImage } from './describe';
import { isBlock, isInPrunedSubtree, isNavLike, isPruned, langOf, tagOf, textVisibleIn, visibleText } from './dom';
import type { ReadingSegment, SpeechLocale, TextPiece } from './types';

export interface ReadingOrderOptions {
  /** Skip nav, [role=navigation], page-level header/footer, banner and contentinfo. */
  skipNav?: boolean;
  /** Start here: the segment containing this node, or the first one after it in document order. */
  from?: Node | null;
  /** Speak images with alt text and form fields as descriptions (default true). */
  describeElements?: boolean;
  /** Wording of those descriptions. */
  locale?: SpeechLocale;
  /** Shown frames become 'frame' segments where they stand (else frames are skipped). */
  frames?: boolean;
}

/** A frame the person can see: not hidden, not aria-hidden, with a box. */
function shownFrame(el: Element, prune: { skipNav: boolean }): boolean {
  const tag = tagOf(el);
  if (tag !== 'iframe' && tag !== 'frame') return false;
  if (el.hasAttribute('hidden') || (el.getAttribute('aria-hidden') ?? '').trim().toLowerCase() === 'true') return false;
  if (prune.skipNav && isNavLike(el)) return false;
  const view = el.ownerDocument.defaultView;
  const style = view?.getComputedStyle(el);
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
}

/** Elements read as one description in reading order; their subtree is not walked. */
function describedElement(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'img') return !isDecorativeImage(el);
  if (tag === 'select' || tag === 'textarea') return true;
  if (tag === 'input') return true;
  return tag === 'svg' && ((el.getAttribute('role') ?? '') === 'img' || el.hasAttribute('aria-label'));
}

class Builder {
  readonly segments: ReadingSegment[] = [];
  private text = '';
  private pieces: TextPiece[] = [];
  private block: Element | null = null;

  constructor(private readonly opts: ReadingOrderOptions) {}

  addText(node: Text, block: Element): void {
    const data = node.data;
    if (!data) return;
    if (this.block === null) this.block = block;
    this.pieces.push({ node, nodeStart: 0, textStart: this.text.length, length: data.length });
    this.text += data;
  }

  addFrame(el: Element): void {
    this.flush();
    this.segments.push({ kind: 'frame', text: '', pieces: [], element: el, lang: langOf(el) });
  }

  addElement(el: Element): void {
    this.flush();
    if (this.opts.describeElements === false) return;
    const text = describeForSpeech(el, this.opts.locale ?? 'zh-CN');
    if (text) this.segments.push({ kind: 'element', text, pieces: [], element: el, lang: langOf(el) });
  }

  /** End the current segment (a block boundary). Whitespace-only text is dropped. */
  flush(): void {
    if (this.block && this.text.trim() !== '') {
      this.segments.push({ kind: 'text', text: this.text, pieces: this.pieces, element: this.block, lang: langOf(this.block) });
    }
    this.text = '';
    this.pieces = [];
    this.block = null;
  }
}

/**
 * Walk root in document order and return its readable segments. Skips hidden content (display:none,
 * visibility:hidden text, the hidden attribute), aria-hidden, script/style/noscript/template, our own UI
 * (known by reference, shared/own-ui.ts), and navigation when skipNav. Never changes the DOM; never throws.
 */
export function collectReadingOrder(root: Element | Document, opts: ReadingOrderOptions = {}): ReadingSegment[] {
  const b = new Builder(opts);
  const start: Element | null = 'documentElement' in root ? (root.body ?? root.documentElement) : root;
  if (!start) return [];
  try {
    const prune = { skipNav: opts.skipNav ?? false };
    // Ancestors of a non-document root may hide it; then there is nothing to read.
    for (let e: Element | null = start; e; e = e.parentElement) if (isPruned(e, prune)) return [];

    const walk = (el: Element, block: Element, visible: boolean): void => {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          if (visible) b.addText(c as Text, block);
          continue;
        }
        if (c.nodeType !== 1) continue;
        const child = c as Element;
        if (tagOf(child) === 'svg') {
          // Inline SVG is never walked as text; a named one is spoken as an image.
          if (describedElement(child) && !isHiddenSvg(child)) b.addElement(child);
          continue;
        }
        if (opts.frames && shownFrame(child, prune)) {
          b.addFrame(child);
          continue;
        }
        if (isPruned(child, prune)) continue;
        if (describedElement(child)) {
          b.addElement(child);
          continue;
        }
        if (tagOf(child) === 'label' && labelsAControl(child)) {
          // The control's description already says its label ("编辑框 姓名 …"): read the controls only.
          b.flush();
          for (const control of Array.from(child.querySelectorAll('input, select, textarea'))) {
            if (!isInPrunedSubtree(control, prune, child)) b.addElement(control);
          }
          continue;
        }
        if (tagOf(child) === 'br') {
          b.flush();
          continue;
        }
        if (isBlock(child)) {
          b.flush();
          walk(child, child, textVisibleIn(child));
          b.flush();
        } else {
          walk(child, block, textVisibleIn(child));
        }
      }
    };
    walk(start, start, textVisibleIn(start));
    b.flush();
  } catch {
    // A hostile or half-torn-down DOM: read what we have so far.
    b.flush();
  }
  const segments = b.segments;
  if (opts.from) return segments.slice(startIndexFor(segments, opts.from));
  return segments;
}

/** A label wrapping a form control, or pointing (for=) at one that exists. */
function labelsAControl(label: Element): boolean {
  if (label.querySelector('input, select, textarea')) return true;
  const id = label.getAttribute('for');
  if (!id) return false;
  const root = label.getRootNode() as Document | ShadowRoot;
  const target = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
  return !!target && ['input', 'select', 'textarea'].includes(tagOf(target));
}

function isHiddenSvg(el: Element): boolean {
  return (el.getAttribute('aria-hidden') ?? '').trim() === 'true' || el.hasAttribute('hidden');
}

/** Index of the first segment at or after node in document order (segments.length if none). */
export function startIndexFor(segments: readonly ReadingSegment[], node: Node): number {
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const el = seg.element;
    if (el === node || el.contains(node)) {
      // One block can yield several segments (text, nested block, more text): skip those that end before node.
      if (seg.kind === 'text' && segmentEndsBefore(seg, node)) continue;
      return i;
    }
    // CONTAINED_BY (16): node contains the segment; FOLLOWING (4) without CONTAINS (8): it comes after node.
    const pos = node.compareDocumentPosition(el);
    if (pos & 16 || (pos & 4 && !(pos & 8))) return i;
  }
  return segments.length;
}

function segmentEndsBefore(seg: ReadingSegment, node: Node): boolean {
  const last = seg.pieces[seg.pieces.length - 1]?.node;
  if (!last || last === node || node.contains(last)) return false;
  return (last.compareDocumentPosition(node) & 4) !== 0;
}

/** Text of a segment list joined, for tests and diagnostics. */
export function segmentsText(segments: readonly ReadingSegment[]): string[] {
  return segments.map((s) => s.text.replace(/\s+/g, ' ').trim());
}

const CANDIDATE_SELECTOR = 'p, div, td, section, article, li, dd, blockquote, pre';

/**
 * Where 连读 starts by default: main / [role=main], else the first article, else the block whose direct
 * paragraphs hold the most text (a Readability-style score), else body.
 */
export function findMainContent(doc: Document): Element | null {
  try {
    const prune = {};
    const visible = (e: Element) => {
      for (let x: Element | null = e; x; x = x.parentElement) if (isPruned(x, prune)) return false;
      return true;
    };
    for (const sel of ['main', '[role="main"]', 'article']) {
      for (const e of Array.from(doc.querySelectorAll(sel))) if (visible(e) && visibleText(e)) return e;
    }
    const scores = new Map<Element, number>();
    for (const e of Array.from(doc.body?.querySelectorAll(CANDIDATE_SELECTOR) ?? [])) {
      let own = 0;
      for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) own += (c as Text).data.trim().length;
      if (own < 20) continue;
      const parent = e.parentElement;
      if (!parent || !visible(e)) continue;
      scores.set(parent, (scores.get(parent) ?? 0) + own);
      const grand = parent.parentElement;
      if (grand) scores.set(grand, (scores.get(grand) ?? 0) + own / 2);
    }
    let best: Element | null = null;
    let bestScore = 0;
    for (const [e, s] of scores) {
      if (s > bestScore && tagOf(e) !== 'body' && tagOf(e) !== 'html') {
        best = e;
        bestScore = s;
      }
    }
    return best ?? doc.body;
  } catch {
    return doc.body;
  }
}
