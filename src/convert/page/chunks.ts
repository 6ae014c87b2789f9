/**
 * Big pages, converted without freezing them: the tree is cut into segments of a bounded number of
 * elements, the segments on screen go first, and the rest run in short slices with a yield to the
 * page between them (so input, scrolling and painting go on). Pure planning, independent of what
 * is done to each segment (conversion or restore); the runner is in shared/slices.ts.
 */

/** A piece of the tree: a whole subtree (`deep`), or only the element itself (a container that was split). */
export interface Segment {
  readonly node: Node;
  readonly deep: boolean;
}

export interface PlanOptions {
  /** Largest subtree (in elements) done as one piece. */
  maxElements: number;
  /** Subtrees left out entirely (they are never converted). */
  skip(el: Element): boolean;
  /** True when el's subtree (el included) has at most `max` elements (injected for tests; the DOM's own otherwise). */
  fits?(el: Element, max: number): boolean;
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

/**
 * Whether a subtree is small enough, without counting all of it: the collection is walked only up
 * to the first element past the limit (counting <html> and <body> of an 80,000-element page in full
 * cost ~15 ms for nothing but the answer "too big").
 */
export const domFits = (el: Element, max: number): boolean => max >= 1 && el.getElementsByTagName('*').item(max - 1) === null;

/**
 * Cuts the tree under `root` into segments of at most `maxElements` elements, in document order. A
 * container too big to be one piece contributes itself (its attributes) and then its children.
 */
export function planSegments(root: Node, opts: PlanOptions): Segment[] {
  const fits = opts.fits ?? domFits;
  const out: Segment[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT) {
      out.push({ node, deep: true });
      return;
    }
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (opts.skip(el)) return;
      if (fits(el, opts.maxElements)) {
        out.push({ node, deep: true });
        return;
      }
      out.push({ node, deep: false });
    } else if (node.nodeType !== FRAGMENT) return; // comments, doctype, processing instructions
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(root);
  return out;
}

/** Where a segment sits relative to the viewport. */
export type Place = 'in' | 'below' | 'above' | 'unseen';

/**
 * The order to work in: split containers first (a few attributes, and the page's lang), then what is
 * on screen, then what comes below it in document order, then what is above it nearest first, then
 * what takes no space (hidden).
 */
export function orderForViewport(segments: readonly Segment[], place: (s: Segment) => Place): { order: Segment[]; visibleCount: number } {
  const shallow: Segment[] = [];
  const groups: Record<Place, Segment[]> = { in: [], below: [], above: [], unseen: [] };
  for (const s of segments) {
    if (!s.deep) shallow.push(s);
    else groups[place(s)].push(s);
  }
  const order = [...shallow, ...groups.in, ...groups.below, ...groups.above.reverse(), ...groups.unseen];
  return { order, visibleCount: shallow.length + groups.in.length };
}

/** A segment's place from its box in viewport coordinates (text: the box of its characters). */
export function placeInViewport(s: Segment, win: Window): Place {
  let r: DOMRect;
  if (s.node.nodeType === TEXT) {
    const range = s.node.ownerDocument!.createRange();
    range.selectNodeContents(s.node);
    r = range.getBoundingClientRect();
  } else if (s.node.nodeType === ELEMENT) r = (s.node as Element).getBoundingClientRect();
  else return 'in';
  if (r.width === 0 && r.height === 0) return 'unseen';
  if (r.bottom < 0) return 'above';
  if (r.top > win.innerHeight) return 'below';
  return 'in';
}

// The slice runner is shared with the display aids that read or write a big page in slices.
export { frameBoundedPause, pauseFor, runInSlices, type ChunkRunOptions } from '../../shared/slices';
