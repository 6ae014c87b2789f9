import type { PageContext } from './aid';
import { PageStyle } from './page-style';
import { isMarkedOwnUi } from '../shared/own-ui';
import { UNRENDERED_TAGS } from '../shared/unrendered';
import { afterNextFrame } from '../shared/slices';
import { planSegments } from '../convert/page/chunks';
import { isBigLoadedPage } from '../shared/big-page';

/**
 * 页面放大 on a big page without one long freeze. A zoom changes the size of every box: one rule
 * makes the browser restyle and lay out the whole page in one frame (1.25 s on 80,000 elements).
 * Instead the parts of the page well off screen (subtrees of at most PART_ELEMENTS elements) are
 * first set aside with `content-visibility: auto` and an estimated height: the browser skips their
 * restyle and layout and keeps their place. The zoom then changes with only the screen laid out
 * again, and the parts are given back in slices paced by the frames after them, nearest first.
 * A part that scrolls into view meanwhile is rendered by the browser at once (that is what `auto`
 * does); its content stays in the accessibility tree, in find-in-page and in the tab order.
 */
export const ZOOM_PART_ATTR = 'data-kj-zoom-part';
const PART_ELEMENTS = 400;
/**
 * The time a frame that gives parts back may take (ms), low and high. Every frame of this page costs
 * more as more of it is laid out again (the browser's paint pre-pass walks all of it: ~100–150 ms per
 * frame at the end on 80,000 elements, traced, whatever changed), so slices are not sized by a cost
 * per part: the count per slice grows while frames stay under the low mark and shrinks above the high.
 */
const FRAME_LOW_MS = 110;
const FRAME_HIGH_MS = 160;
const FIRST_SLICE_PARTS = 8;
/**
 * A run gives every part back within about this many frames, however slow its frames: the page's own
 * scripts or a busy machine make frames slow that the slices did not (on a page polled by a test,
 * slices shrank to one part a frame and the run outlasted two minutes).
 */
const MOST_FRAMES = 100;
const MAX_SLICE_PARTS = 400;

/** Parts within this many window heights of the screen are never set aside. */
const NEAR_SCREENS = 1;

/**
 * Boxes whose place a set-aside part keeps exactly but for its height: block-level boxes in normal
 * flow. Their width comes from their container, not their content, so size containment changes only
 * their height (a flex item, a float or a table cell would shrink to nothing and move its neighbours).
 */
const SET_ASIDE_DISPLAYS = new Set(['block', 'flow-root', 'list-item', 'flex', 'grid']);
const BLOCK_CONTAINERS = new Set(['block', 'flow-root', 'list-item']);
/** The browser's scroll anchoring, off while parts come back (ReadingPlace keeps the reader's place). */
const NO_SCROLL_ANCHORING = 'html{overflow-anchor:none!important}';

const inFlow = (cs: CSSStyleDeclaration): boolean => (cs.position === 'static' || cs.position === 'relative') && (cs.writingMode === undefined || cs.writingMode === 'horizontal-tb');

const skipped = (el: Element): boolean => UNRENDERED_TAGS.has(el.localName) || isMarkedOwnUi(el);

/** Heights in steps of about 4 %: one rule per step in use, not one per part. */
export function heightStep(px: number): number {
  if (!(px > 0)) return 0;
  if (px <= 24) return Math.round(px);
  return Math.round(1.04 ** Math.round(Math.log(px) / Math.log(1.04)));
}

/** The rules that set parts aside, one per estimated height. */
export function buildSetAsideCss(steps: Iterable<number>): string {
  const I = '!important';
  return [...new Set(steps)]
    .sort((a, b) => a - b)
    .map((h) => `[${ZOOM_PART_ATTR}="${h}"]{content-visibility:auto${I};contain-intrinsic-block-size:auto ${h}px${I}}`)
    .join('');
}

/** What is known of a part before the zoom: its box in viewport coordinates, and whether it may be set aside. */
export interface PartBox {
  readonly el: Element;
  readonly top: number;
  readonly bottom: number;
  readonly settable: boolean;
}

export interface SetAsidePlan {
  /** Parts to set aside, each with its estimated height at the new zoom, in the order they come back. */
  readonly aside: Array<{ el: Element; step: number }>;
  /** How many of them (the last ones) are above the screen. */
  readonly above: number;
}

/**
 * Which parts to set aside for a zoom by `ratio` (new over old) from `fromZoom` (the zoom on the page
 * now, 1 for none), and in what order they come back: those more than a window height (NEAR_SCREENS)
 * above or below the screen (below: as far as the screen will show after zooming out), the ones below
 * first in document order, then the ones above, nearest first.
 *
 * The estimate is the part's height now in the page's own CSS pixels (its drawn height over the zoom
 * now): the rule's length sits inside the zoomed body, so the browser draws it at the new zoom, as it
 * would the part (whose text also rewraps: measured on the 80,000-element page, 110 % made it 1.05
 * times as tall, not 1.1).
 */
export function planSetAside(parts: readonly PartBox[], viewportHeight: number, ratio: number, fromZoom = 1): SetAsidePlan {
  const near = viewportHeight * NEAR_SCREENS;
  const reach = viewportHeight * Math.max(1, 1 / ratio) + near;
  const below: Array<{ el: Element; step: number }> = [];
  const above: Array<{ el: Element; step: number }> = [];
  for (const p of parts) {
    if (!p.settable || p.bottom <= p.top) continue;
    const step = heightStep((p.bottom - p.top) / fromZoom);
    if (step <= 0) continue;
    if (p.top > reach) below.push({ el: p.el, step });
    else if (p.bottom < -near) above.push({ el: p.el, step });
  }
  return { aside: [...below, ...above.reverse()], above: above.length };
}

/** Parts to give back in the next slice, from this slice's count and the time of the frame after it (0: no frame, a hidden tab). */
export function nextSliceParts(parts: number, frameMs: number): number {
  if (frameMs > FRAME_HIGH_MS) return Math.max(1, Math.floor(parts * 0.6));
  if (frameMs < FRAME_LOW_MS) return Math.min(MAX_SLICE_PARTS, Math.ceil(parts * 1.5));
  return parts;
}

/**
 * Where the reader is: the element at the top of the window and how far from it. A zoom moves
 * everything below the top of the page, and parts given back above the screen move what is on it;
 * the window is scrolled after each so that this element stays where it was (the browser's own
 * scroll anchoring is off during a run: it keeps nothing in place across a zoom, measured, and it
 * made giving back the parts above the screen five times as slow).
 */
export class ReadingPlace {
  private readonly el: Element;
  private top: number;

  private constructor(el: Element, private readonly win: Window) {
    this.el = el;
    this.top = el.getBoundingClientRect().top;
  }

  /**
   * The smallest element at the window's top, found down from `from`: at each level the first child
   * the window shows there. Fixed and sticky boxes do not move with the page (a header kept on
   * screen would anchor nothing), nor do boxes off to the side (a drawer slid out of view): skipped.
   */
  static at(win: Window, from: Element): ReadingPlace | null {
    const view = from.ownerDocument.defaultView ?? win;
    const width = win.innerWidth;
    let el: Element | null = null;
    let level: Element = from;
    for (let depth = 0; depth < 32; depth++) {
      let next: Element | null = null;
      for (let c = level.firstElementChild; c; c = c.nextElementSibling) {
        const r = c.getBoundingClientRect();
        if (r.bottom <= 0 || r.height <= 0 || r.right <= 0 || r.left >= width) continue;
        const position = view.getComputedStyle(c).position;
        if (position === 'fixed' || position === 'sticky') continue;
        next = c;
        break;
      }
      if (!next) break;
      el = level = next;
    }
    return el ? new ReadingPlace(el, win) : null;
  }

  /** Scrolls it back to where it was found. */
  keep(): void {
    if (!this.el.isConnected) return;
    const moved = this.el.getBoundingClientRect().top - this.top;
    if (Math.abs(moved) >= 1) this.win.scrollBy({ top: moved, behavior: 'instant' });
  }
}

/** The reader's place on a page scrolled down (null at its top: a zoom keeps the top where it is). */
export function readingPlace(win: Window, from: Element | null): ReadingPlace | null {
  return from && win.scrollY > 0 ? ReadingPlace.at(win, from) : null;
}

/**
 * The frame after now, timed (afterNextFrame), or 0 after a second without one: a frame the browser
 * does not render (a hidden or far-off iframe) must not hold parts aside for good.
 */
function frameOrTimeout(win: Window): () => Promise<number> {
  const next = afterNextFrame(win, 'call');
  return () =>
    new Promise<number>((resolve) => {
      const timer = win.setTimeout(() => resolve(0), 1000);
      void next().then((ms) => {
        win.clearTimeout(timer);
        resolve(ms);
      });
    });
}

/** Whether the browser can set parts aside (Chromium ≥ 85, Firefox ≥ 125). */
function canSetAside(win: Window): boolean {
  const css = (win as unknown as { CSS?: { supports?(p: string, v: string): boolean } }).CSS;
  return typeof css?.supports === 'function' && css.supports('content-visibility', 'auto') && css.supports('contain-intrinsic-block-size', 'auto 1px');
}

export class ZoomParts {
  private readonly style: PageStyle;
  /** Parts carrying our tag now (connected or not), to take it off each one. */
  private readonly aside = new Set<Element>();
  private run = 0;
  private busy = false;

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
  }

  /** True while parts are set aside (a new zoom's layout is not all there yet). */
  get running(): boolean {
    return this.busy;
  }

  /**
   * Sets the parts off screen aside, calls `zoom` (which writes the new zoom) in the same task, and
   * gives the parts back in paced slices; on a page that is not big (isBigLoadedPage), or still
   * loading, just the zoom. Resolves true once all are back, false if another change or clear()
   * took over.
   */
  async change(zoom: () => void, ratio: number, fromZoom: number): Promise<boolean> {
    const run = ++this.run;
    const { doc, win } = this.page;
    const body = doc.body;
    // Scrolled down the page: what the reader sees is kept in place (found before anything moves).
    const place = readingPlace(win, body);
    const oneStep = (): boolean => {
      this.release();
      zoom();
      place?.keep();
      return true;
    };
    // A page small enough (or still loading) zooms in one step, the reader's place kept all the same.
    if (!body || !isBigLoadedPage(doc) || !canSetAside(win)) return oneStep();
    let plan: SetAsidePlan;
    try {
      plan = planSetAside(this.boxes(body), win.innerHeight, ratio, fromZoom);
      const kept = new Set(plan.aside.map((a) => a.el));
      // Parts still aside from a run this one overtook: those now near the screen come back with the zoom.
      for (const el of this.aside) if (!kept.has(el)) this.giveBack(el);
      this.style.set(buildSetAsideCss(new Set(plan.aside.map((a) => a.step))) + NO_SCROLL_ANCHORING);
      for (const { el, step } of plan.aside) {
        this.aside.add(el);
        el.setAttribute(ZOOM_PART_ATTR, String(step));
      }
    } catch {
      // Whatever stopped the plan, the zoom itself must happen: in one step, as on a small page.
      return oneStep();
    }
    try {
      zoom();
      // Read after the writes, this lays out the screen (not the parts aside) in this task rather than the frame's.
      place?.keep();
    } catch (err) {
      this.release();
      throw err;
    }
    if (!plan.aside.length) {
      this.release();
      return true;
    }
    this.busy = true;
    const frame = frameOrTimeout(win);
    const least = Math.ceil(plan.aside.length / MOST_FRAMES);
    let n = Math.max(least, FIRST_SLICE_PARTS);
    // The zoom's own frame first: the screen shows it before any part comes back.
    await frame();
    for (let i = 0; i < plan.aside.length; ) {
      if (run !== this.run) return false;
      const start = win.performance.now();
      const end = Math.min(plan.aside.length, i + n);
      // The reader may have scrolled since: their place now, kept while the parts come back (a part
      // above it changes from its estimate to its height; the browser's anchoring is off meanwhile).
      const here = readingPlace(win, body);
      while (i < end) this.giveBack(plan.aside[i++]!.el);
      here?.keep();
      // keep() laid the page out in this task: that counts with the frame's time.
      const taskMs = win.performance.now() - start;
      n = Math.max(least, nextSliceParts(n, taskMs + (await frame())));
    }
    if (run !== this.run) return false;
    this.release();
    return true;
  }

  /** Every part back at once, and our rules gone (the aid removed, an audit about to run). */
  clear(): void {
    this.run++;
    this.release();
  }

  /**
   * The parts and their boxes. All boxes are read before any style (one layout, if the page had
   * one pending); a container's display is read once for all its children.
   */
  private boxes(body: HTMLElement): PartBox[] {
    const view = this.page.doc.defaultView ?? this.page.win;
    const parts: Element[] = [];
    for (const s of planSegments(body, { maxElements: PART_ELEMENTS, skip: skipped })) {
      if (s.deep && s.node.nodeType === 1) parts.push(s.node as Element);
    }
    const rects = parts.map((el) => el.getBoundingClientRect());
    const unsettable = this.showingThrough(body, new Set(parts));
    // Every box from the part up to <body> must be a block container in normal flow: then a part's
    // width comes from above it, and setting it aside changes nothing but its height. (A flex item, a
    // float or a shrink-to-fit box anywhere above would take its width from the part's content.)
    const flowing = new Map<Element, boolean>();
    const inBlockFlow = (el: Element): boolean => {
      const parent = el.parentElement;
      if (!parent || (el as HTMLElement).assignedSlot) return false;
      let ok = flowing.get(parent);
      if (ok === undefined) {
        const cs = view.getComputedStyle(parent);
        ok = BLOCK_CONTAINERS.has(cs.display) && cs.float === 'none' && inFlow(cs) && (parent === body || inBlockFlow(parent));
        flowing.set(parent, ok);
      }
      return ok;
    };
    return parts.map((el, i) => {
      const r = rects[i]!;
      // A part of ours already aside was checked when set aside (its style now says content-visibility).
      const ours = this.aside.has(el);
      let settable = r.height > 0 && (ours || (!unsettable.has(el) && !(el as HTMLElement).isContentEditable && inBlockFlow(el)));
      if (settable && !ours) {
        const cs = view.getComputedStyle(el);
        settable =
          SET_ASIDE_DISPLAYS.has(cs.display) &&
          cs.float === 'none' &&
          inFlow(cs) &&
          // The page's own content-visibility (or containment) is left as it is.
          (cs.contentVisibility === undefined || cs.contentVisibility === 'visible') &&
          (cs.contain === undefined || cs.contain === 'none');
      }
      return { el, top: r.top, bottom: r.bottom, settable };
    });
  }

  /**
   * Parts that show something on screen from wherever they are: a fixed or absolutely positioned box
   * inside (a "back to top" button in the footer, a chat window) is drawn on screen although its part
   * is not. Set aside, the part would contain and hide it, so such parts stay. Found by hit-testing a
   * grid of points across the window (edges included, where such widgets sit).
   */
  private showingThrough(body: HTMLElement, parts: ReadonlySet<Element>): Set<Element> {
    const { doc, win } = this.page;
    const found = new Set<Element>();
    const w = win.innerWidth;
    const h = win.innerHeight;
    const across = (n: number): number[] => [4, 48, n / 4, n / 2, (3 * n) / 4, n - 48, n - 4];
    for (const x of across(w)) {
      for (const y of across(h)) {
        for (const hit of doc.elementsFromPoint(x, y)) {
          for (let el: Element | null = hit; el && el !== body; el = el.parentElement) {
            if (parts.has(el)) {
              found.add(el);
              break;
            }
          }
        }
      }
    }
    return found;
  }

  private giveBack(el: Element): void {
    this.aside.delete(el);
    if (el.hasAttribute(ZOOM_PART_ATTR)) el.removeAttribute(ZOOM_PART_ATTR);
  }

  private release(): void {
    for (const el of [...this.aside]) this.giveBack(el);
    this.busy = false;
    this.style.remove();
  }
}
