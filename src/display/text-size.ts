import { TEXT_SCALE_STEPS } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { isMarkedOwnUi } from '../shared/own-ui';
import { UNRENDERED_TAGS as SKIP } from '../shared/unrendered';
import { Listeners } from '../shared/listeners';
import { afterNextFrame, pauseFor, runInSlices, runPaced } from '../shared/slices';
import { orderForViewport, placeInViewport, planSegments, type Segment } from '../convert/page/chunks';

/**
 * Text size. Page text is usually sized in px, so scaling the root font-size does nothing on most
 * portals. Instead each element that holds text is tagged with its own computed size (measured with
 * our rules switched off) and one generated rule per distinct size scales it; px line heights scale
 * with it so lines never overlap. Tags and rules are removed on reset, leaving the page exact.
 */
const FS = 'data-kj-fs';
const LH = 'data-kj-lh';
const CONTROLS = 'input, button, select, textarea, option, optgroup, legend';
/** Pages up to this many elements are measured and tagged in one go; bigger ones in slices. */
const ONE_GO_ELEMENTS = 3000;
/** Largest subtree measured and tagged as one piece, and the work per slice (ms). */
const SEGMENT_ELEMENTS = 400;
const SLICE_MS = 10;
/** The browser's time per frame to restyle and lay out the text our tags resize (ms). */
const RENDER_MS = 100;
/** Content added later is measured with at most this many tags taken off; more, with our rules off. */
const UNTAG_AT_MOST = 64;

export function nextTextScale(current: number, direction: 1 | -1): number {
  const steps = TEXT_SCALE_STEPS as readonly number[];
  if (direction > 0) return steps.find((s) => s > current) ?? current;
  return [...steps].reverse().find((s) => s < current) ?? current;
}

/** Rounds a px size so nearly equal sizes share one rule and one attribute value. */
export function sizeKey(px: number): string {
  return String(Math.round(px * 100) / 100);
}

export function buildTextScaleCss(fontSizes: Iterable<string>, lineHeights: Iterable<string>, scalePercent: number): string {
  const k = scalePercent / 100;
  const rules: string[] = [];
  for (const v of fontSizes) rules.push(`[${FS}="${v}"]{font-size:${sizeKey(Number(v) * k)}px!important}`);
  for (const v of lineHeights) rules.push(`[${LH}="${v}"]{line-height:${sizeKey(Number(v) * k)}px!important}`);
  return rules.join('');
}

function hasOwnText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
  }
  return false;
}

const isTarget = (el: Element): boolean => hasOwnText(el) || el.matches(CONTROLS);
const isLeftOut = (el: Element): boolean => SKIP.has(el.localName) || isOwnUi(el);

/**
 * The elements under `root` (itself included) whose size is measured: those holding text, and form
 * controls. Plain child/sibling pointers: a TreeWalker filter calls into script for every node.
 */
function collectTargets(root: Element, deep: boolean, out: Element[]): void {
  if (isTarget(root)) out.push(root);
  if (!deep) return;
  let n: Element | null = root.firstElementChild;
  while (n) {
    let next: Element | null = null;
    // Inside a walk that started outside our UI, only an element itself can be ours (no climb to the root).
    if (!SKIP.has(n.localName) && !isMarkedOwnUi(n)) {
      if (isTarget(n)) out.push(n);
      next = n.firstElementChild;
    }
    if (next) {
      n = next;
      continue;
    }
    while (n && n !== root && !n.nextElementSibling) n = n.parentElement;
    n = n && n !== root ? n.nextElementSibling : null;
  }
}

type Measured = [Element, string, string | null];

class TextScaler {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  private scale = 100;
  private readonly fontSizes = new Set<string>();
  private readonly lineHeights = new Set<string>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Element>();
  private frame = 0;
  /** Bumped by remove: a first measure running in slices that sees it change stops. */
  private run = 0;
  private readonly onLoad = (): void => this.measure([this.page.doc.documentElement]);

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
  }

  apply(scale: number): void {
    if (scale === this.scale && this.observer) return;
    this.scale = scale;
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(this.page.doc, { childList: true, subtree: true });
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.onLoad);
      this.listeners.on(this.page.win, 'load', this.onLoad);
      const root = this.page.doc.documentElement;
      if (root && root.getElementsByTagName('*').length > ONE_GO_ELEMENTS) {
        // Rendered once measured: every change to our stylesheet restyles the whole page.
        void this.measureInSlices(root, ++this.run);
        return;
      }
      this.measure([root]);
    }
    this.render();
  }

  remove(): void {
    this.run++;
    this.observer?.disconnect();
    this.observer = null;
    this.listeners.off();
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending.clear();
    this.style.remove();
    for (const el of this.page.doc.querySelectorAll(`[${FS}],[${LH}]`)) {
      el.removeAttribute(FS);
      el.removeAttribute(LH);
    }
    this.fontSizes.clear();
    this.lineHeights.clear();
    this.scale = 100;
  }

  private render(): void {
    // The custom property lets kanjian's own reading view follow the text size. Set on its host, not
    // on <html>: every element inherits a custom property of <html>, so a new value there restyles
    // the whole page at each step, and only the reading view reads it.
    const shared = `html>kanjian-reader{--kanjian-text-scale:${this.scale / 100}}`;
    this.style.set(shared + buildTextScaleCss(this.fontSizes, this.lineHeights, this.scale));
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (el && !isOwnUi(el)) this.pending.add(el);
      }
    }
    if (this.pending.size && !this.frame) {
      // Batch per frame: rAF runs before the next paint, so new content never shows at the old size.
      this.frame = this.page.win.requestAnimationFrame(() => {
        this.frame = 0;
        const roots = [...this.pending];
        this.pending.clear();
        this.measure(roots);
      });
    }
  }

  /** Measures the page's own sizes under `roots` with our rules off, then tags and re-renders. */
  private measure(roots: Array<Element | null>): void {
    const list: Element[] = [];
    for (const root of roots) {
      if (!root || !root.isConnected || isOwnUi(root)) continue;
      collectTargets(root, true, list);
    }
    const targets = new Set(list);
    if (!targets.size) return;
    const view = this.page.doc.defaultView ?? this.page.win;
    let found: Measured[];
    const ours = taggedAround(roots, targets, UNTAG_AT_MOST);
    if (ours) {
      // Our rules reach only tagged elements: take off the few tags that bear on these sizes (the
      // targets' own and their ancestors', whose size and line height they inherit) while reading.
      // Switching the rules off instead restyles every tagged element, twice (1.0–1.3 s on the
      // 80,000-element page for each piece of content the page added, measured).
      const saved = ours.map((el): [Element, string | null, string | null] => [el, el.getAttribute(FS), el.getAttribute(LH)]);
      for (const el of ours) {
        el.removeAttribute(FS);
        el.removeAttribute(LH);
      }
      try {
        found = readSizes(targets, view);
      } finally {
        for (const [el, fs, lh] of saved) {
          if (fs !== null) el.setAttribute(FS, fs);
          if (lh !== null) el.setAttribute(LH, lh);
        }
      }
    } else {
      this.style.setDisabled(true);
      try {
        found = readSizes(targets, view);
      } finally {
        this.style.setDisabled(false);
      }
    }
    if (this.tag(found)) this.render();
  }

  /**
   * The first measure of a big page: every size is read first, in slices (before any tag: a tagged
   * container would pass its new size on to what is read after it), then the tags are written in
   * slices, what is on screen first, each slice's new rules with it. Nothing is tagged yet, so our
   * rules need not be switched off to read (which would restyle the whole page each slice);
   * elements tagged meanwhile (content the page added, measured on its own) are left as they are.
   */
  private async measureInSlices(root: Element, run: number): Promise<void> {
    const win = this.page.win;
    const view = this.page.doc.defaultView ?? win;
    const segments = planSegments(root, { maxElements: SEGMENT_ELEMENTS, skip: isLeftOut }).filter((s) => s.node.nodeType === 1);
    const sizes = new Map<Segment, Measured[]>();
    const slices = { budgetMs: SLICE_MS, now: () => win.performance.now(), pause: pauseFor(win), cancelled: () => run !== this.run };
    const read = (seg: Segment): void => {
      const targets: Element[] = [];
      collectTargets(seg.node as Element, seg.deep, targets);
      sizes.set(seg, readSizes(targets.filter((el) => !el.hasAttribute(FS)), view));
    };
    if (!(await runInSlices(segments, read, slices))) return;
    // Every rule first, in one change of our stylesheet (each change restyles the whole page, a
    // cost of the browser's that no slicing divides); the tags then only resize what they mark.
    for (const list of sizes.values()) {
      for (const [, fs, lh] of list) {
        this.fontSizes.add(fs);
        if (lh) this.lineHeights.add(lh);
      }
    }
    this.render();
    const { order, visibleCount } = orderForViewport(segments, (s) => placeInViewport(s, win));
    let grew = false;
    // Resized text is laid out again: each slice writes what the frame after it can take, timed
    // from the slice's end (the restyle may come before the frame's callbacks; bench: longest frame
    // 273 → 232 ms, no task over 50 ms).
    await runPaced(order, (seg) => (grew = this.tag(sizes.get(seg)!.filter(([el]) => el.isConnected)) || grew), {
      scriptBudgetMs: SLICE_MS,
      renderBudgetMs: RENDER_MS,
      firstItems: visibleCount,
      now: slices.now,
      frame: afterNextFrame(win, 'call'),
      cancelled: slices.cancelled,
      visibleCount,
      // Rules for new sizes go in with the tags that use them, before the page gets to paint.
      endSlice: () => {
        if (grew) this.render();
        grew = false;
      },
    });
  }

  /** Writes the measured sizes as tags; true when a new size needs a rule. */
  private tag(found: readonly Measured[]): boolean {
    let grew = false;
    for (const [el, fs, lh] of found) {
      if (el.getAttribute(FS) !== fs) el.setAttribute(FS, fs);
      if (!this.fontSizes.has(fs)) {
        this.fontSizes.add(fs);
        grew = true;
      }
      if (lh) {
        if (el.getAttribute(LH) !== lh) el.setAttribute(LH, lh);
        if (!this.lineHeights.has(lh)) {
          this.lineHeights.add(lh);
          grew = true;
        }
      } else if (el.hasAttribute(LH)) el.removeAttribute(LH);
    }
    return grew;
  }
}

/**
 * The tagged elements whose tags bear on the sizes of `targets` under `roots`: tagged targets, and
 * tagged ancestors of the roots. Null if more than `limit` (a whole-page measure): then it is
 * cheaper to switch our rules off for the read.
 */
function taggedAround(roots: ReadonlyArray<Element | null>, targets: ReadonlySet<Element>, limit: number): Element[] | null {
  const found = new Set<Element>();
  const isTagged = (el: Element): boolean => el.hasAttribute(FS) || el.hasAttribute(LH);
  for (const el of targets) {
    if (isTagged(el)) found.add(el);
    if (found.size > limit) return null;
  }
  const climbed = new Set<Element>();
  for (const root of roots) {
    for (let a = root?.parentElement ?? null; a && !climbed.has(a); a = a.parentElement) {
      climbed.add(a);
      if (isTagged(a)) found.add(a);
    }
    if (found.size > limit) return null;
  }
  return [...found];
}

/** Each element's computed font size and px line height, as tag values. */
function readSizes(targets: Iterable<Element>, view: Window): Measured[] {
  const found: Measured[] = [];
  for (const el of targets) {
    const cs = view.getComputedStyle(el);
    const fs = parseFloat(cs.fontSize);
    if (!(fs > 0)) continue;
    const lh = cs.lineHeight.endsWith('px') ? parseFloat(cs.lineHeight) : NaN;
    found.push([el, sizeKey(fs), lh > 0 ? sizeKey(lh) : null]);
  }
  return found;
}

const scalers = new WeakMap<Document, TextScaler>();

export const textSizeAid: Aid<'textScale'> = {
  id: 'text-size',
  setting: 'textScale',
  apply(page, value) {
    let scaler = scalers.get(page.doc);
    if (value === 100) {
      scaler?.remove();
      return;
    }
    if (!scaler) {
      scaler = new TextScaler(page);
      scalers.set(page.doc, scaler);
    }
    scaler.apply(value);
  },
  remove(page) {
    scalers.get(page.doc)?.remove();
  },
};

export const textSizeControls: ControlSpec[] = [
  {
    id: 'text-larger',
    label: 'textLarger',
    icon: 'A+',
    group: 'text',
    disabled: (s) => nextTextScale(s.textScale, 1) === s.textScale,
    run(s) {
      const next = nextTextScale(s.textScale, 1);
      if (next === s.textScale) return { patch: {}, announce: { key: 'textSizeMax' } };
      return { patch: { textScale: next }, announce: { key: 'textSizeNow', params: [next] } };
    },
  },
  {
    id: 'text-smaller',
    label: 'textSmaller',
    icon: 'A−',
    group: 'text',
    disabled: (s) => nextTextScale(s.textScale, -1) === s.textScale,
    run(s) {
      const next = nextTextScale(s.textScale, -1);
      if (next === s.textScale) return { patch: {}, announce: { key: 'textSizeMin' } };
      return { patch: { textScale: next }, announce: { key: 'textSizeNow', params: [next] } };
    },
  },
  {
    id: 'text-reset',
    label: 'textReset',
    icon: 'A',
    group: 'text',
    run: () => ({ patch: { textScale: 100 }, announce: { key: 'textSizeNow', params: [100] } }),
  },
];
