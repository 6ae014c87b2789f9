import type { PageContext } from './aid';
import { PageStyle } from './page-style';
import { isMarkedOwnUi } from '../shared/own-ui';
import { UNRENDERED_TAGS } from '../shared/unrendered';
import { afterNextFrame } from '../shared/slices';
import { planSegments } from '../convert/page/chunks';

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
/** The browser's scroll anchoring, off while ReadingPlace keeps the reader's place. */
const NO_SCROLL_ANCHORING = 'html{overflow-anchor:none!important}';

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
  /** How many of them (the last ones) are above the screen: giving those back moves what is on it. */
  readonly above: number;
  /** The first part on screen, whose place the reader keeps (null: none). */
  readonly onScreen: Element | null;
}

/**
 * Which parts to set aside for a zoom by `ratio` (new over old), and in what order they come back:
 * those more than a window height (NEAR_SCREENS) above or below the screen (below: as far as the
 * screen will show after zooming out), the ones below first in document order, then the ones above,
 * nearest first. The estimated height grows as the square of the ratio: text gets bigger and its
 * lines shorter (measured on the 80,000-element page: 110 % made it 1.20 times as tall).
 */
export function planSetAside(parts: readonly PartBox[], viewportHeight: number, ratio: number): SetAsidePlan {
  const near = viewportHeight * NEAR_SCREENS;
  const reach = viewportHeight * Math.max(1, 1 / ratio) + near;
  const below: Array<{ el: Element; step: number }> = [];
  const above: Array<{ el: Element; step: number }> = [];
  let onScreen: Element | null = null;
  for (const p of parts) {
    if (!onScreen && p.bottom > 0 && p.top < viewportHeight && p.bottom > p.top) onScreen = p.el;
    if (!p.settable || p.bottom <= p.top) continue;
    const step = heightStep((p.bottom - p.top) * ratio);
    if (step <= 0) continue;
    if (p.top > reach) below.push({ el: p.el, step });
    else if (p.bottom < -near) above.push({ el: p.el, step });
  }
  return { aside: [...below, ...above.reverse()], above: above.length, onScreen };
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
 * scroll anchoring is off meanwhile: it keeps nothing in place across a zoom, measured).
 */
export class ReadingPlace {
  private readonly el: Element;
  private top: number;

  constructor(
    part: Element,
    private readonly win: Window,
  ) {
    let el = part;
    // Down to the smallest element at the window's top: a part can be screens tall.
    for (let depth = 0; depth < 32; depth++) {
      let next: Element | null = null;
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        const r = c.getBoundingClientRect();
        if (r.bottom > 0 && r.height > 0) {
          next = c;
          break;
        }
      }
      if (!next) break;
      el = next;
    }
    this.el = el;
    this.top = el.getBoundingClientRect().top;
  }

  /** Notes where it is now: the reader may have scrolled since. */
  note(): void {
    this.top = this.el.getBoundingClientRect().top;
  }

  /** Scrolls it back to where it was noted. */
  keep(): void {
    if (!this.el.isConnected) return;
    const moved = this.el.getBoundingClientRect().top - this.top;
    if (Math.abs(moved) >= 1) this.win.scrollBy({ top: moved, behavior: 'instant' });
  }
}

/** The reader's place on a page scrolled down (null at its top: a zoom keeps the top where it is). */
export function readingPlace(win: Window, from: Element | null): ReadingPlace | null {
  return from && win.scrollY > 0 ? new ReadingPlace(from, win) : null;
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
   * gives the parts back in paced slices. Resolves true once all are back, false if another change
   * or clear() took over.
   */
  async change(zoom: () => void, ratio: number): Promise<boolean> {
    const run = ++this.run;
    const { doc, win } = this.page;
    const body = doc.body;
    if (!body || !canSetAside(win)) {
      this.release();
      zoom();
      return true;
    }
    let plan: SetAsidePlan;
    let place: ReadingPlace | null;
    try {
      plan = planSetAside(this.boxes(body), win.innerHeight, ratio);
      const kept = new Set(plan.aside.map((a) => a.el));
      // Parts still aside from a run this one overtook: those now near the screen come back with the zoom.
      for (const el of this.aside) if (!kept.has(el)) this.giveBack(el);
      // Scrolled down the page: what the reader sees is kept in place.
      place = readingPlace(win, plan.onScreen);
      this.style.set(buildSetAsideCss(new Set(plan.aside.map((a) => a.step))) + (place ? NO_SCROLL_ANCHORING : ''));
      for (const { el, step } of plan.aside) {
        this.aside.add(el);
        el.setAttribute(ZOOM_PART_ATTR, String(step));
      }
    } catch {
      // Whatever stopped the plan, the zoom itself must happen: in one step, as on a small page.
      this.release();
      zoom();
      return true;
    }
    zoom();
    // Read after the writes, this lays out the screen (not the parts aside) in this task rather than the frame's.
    place?.keep();
    if (!plan.aside.length) {
      this.release();
      return true;
    }
    this.busy = true;
    const frame = afterNextFrame(win, 'call');
    let n = FIRST_SLICE_PARTS;
    // The zoom's own frame first: the screen shows it before any part comes back.
    await frame();
    for (let i = 0; i < plan.aside.length; ) {
      if (run !== this.run) return false;
      const end = Math.min(plan.aside.length, i + n);
      const movesScreen = place !== null && end > plan.aside.length - plan.above;
      if (movesScreen) place?.note();
      while (i < end) this.giveBack(plan.aside[i++]!.el);
      if (movesScreen) place?.keep();
      n = nextSliceParts(n, await frame());
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
    const containers = new Map<Element, boolean>();
    const inBlockFlow = (el: Element): boolean => {
      const parent = el.parentElement;
      if (!parent) return false;
      let ok = containers.get(parent);
      if (ok === undefined) {
        ok = BLOCK_CONTAINERS.has(view.getComputedStyle(parent).display);
        containers.set(parent, ok);
      }
      return ok;
    };
    return parts.map((el, i) => {
      const r = rects[i]!;
      // A part of ours already aside was checked when set aside (its style now says content-visibility).
      const ours = this.aside.has(el);
      let settable = r.height > 0 && (ours || inBlockFlow(el));
      if (settable && !ours) {
        const cs = view.getComputedStyle(el);
        settable =
          SET_ASIDE_DISPLAYS.has(cs.display) &&
          cs.float === 'none' &&
          (cs.position === 'static' || cs.position === 'relative') &&
          // The page's own content-visibility (or containment) is left as it is.
          (cs.contentVisibility === undefined || cs.contentVisibility === 'visible') &&
          (cs.contain === undefined || cs.contain === 'none');
      }
      return { el, top: r.top, bottom: r.bottom, settable };
    });
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
