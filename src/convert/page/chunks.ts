/**
 * Big pages, converted without freezing them: the tree is cut into segments of a bounded number of
 * elements, the segments on screen go first, and the rest run in short slices with a yield to the
 * page between them (so input, scrolling and painting go on). Pure planning plus a small runner,
 * both independent of what is done to each segment (conversion or restore).
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
  /** Elements in el's subtree, el included (injected for tests; the DOM's own count otherwise). */
  count?(el: Element): number;
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

const domCount = (el: Element): number => el.getElementsByTagName('*').length + 1;

/**
 * Cuts the tree under `root` into segments of at most `maxElements` elements, in document order. A
 * container too big to be one piece contributes itself (its attributes) and then its children.
 */
export function planSegments(root: Node, opts: PlanOptions): Segment[] {
  const count = opts.count ?? domCount;
  const out: Segment[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT) {
      out.push({ node, deep: true });
      return;
    }
    if (node.nodeType === ELEMENT) {
      const el = node as Element;
      if (opts.skip(el)) return;
      if (count(el) <= opts.maxElements) {
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

export interface ChunkRunOptions {
  /** Work per slice before yielding (ms); a slice ends after the segment that crosses it. */
  budgetMs: number;
  now(): number;
  /** Gives the page the main thread (input, rendering) and resumes. */
  pause(): Promise<void>;
  /** True once this run was superseded (restore issued mid-conversion, or the reverse). */
  cancelled(): boolean;
  /** Called at the end of every slice, before yielding (e.g. to drop our own mutation records). */
  endSlice?(): void;
  /** Called once the first `visibleCount` items are done. */
  onVisible?(): void;
  visibleCount?: number;
}

/** Runs `work` over the items in slices of about `budgetMs`; resolves false if cancelled midway. */
export async function runInSlices<T>(items: readonly T[], work: (item: T) => void, o: ChunkRunOptions): Promise<boolean> {
  const visibleCount = o.visibleCount ?? 0;
  let visibleSaid = false;
  const sayVisible = (done: number): void => {
    if (!visibleSaid && done >= visibleCount) {
      visibleSaid = true;
      o.onVisible?.();
    }
  };
  let deadline = o.now() + o.budgetMs;
  for (let i = 0; i < items.length; i++) {
    if (o.cancelled()) return false;
    work(items[i]!);
    if (i + 1 < items.length && o.now() >= deadline) {
      o.endSlice?.();
      sayVisible(i + 1);
      await o.pause();
      deadline = o.now() + o.budgetMs;
    }
  }
  if (o.cancelled()) return false;
  o.endSlice?.();
  sayVisible(items.length);
  return true;
}

interface YieldingScheduler {
  yield?(): Promise<void>;
}

/**
 * Yields the main thread to the page: scheduler.yield where the browser has it (the continuation
 * keeps its place ahead of other work), else a message to ourselves (not throttled like timers).
 */
export function pauseFor(win: Window): () => Promise<void> {
  const scheduler = (win as unknown as { scheduler?: YieldingScheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return () => scheduler.yield!();
  return () =>
    new Promise<void>((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
}
