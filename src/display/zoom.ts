import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { clearUnclip, fitOverflowing, overflowsVertically, textOverflows, unclipCss } from './unclip';
import { Listeners } from '../shared/listeners';
import { pauseFor, runInSlices } from '../shared/slices';
import { ZoomParts } from './zoom-parts';

/**
 * 页面放大: CSS `zoom` on the page's body. It reflows like browser zoom (Chromium, Firefox ≥ 126)
 * but leaves kanjian's own UI alone: the toolbar and overlays live in <html>, outside <body>.
 * While zoomed, reflow rules keep fixed-width layouts inside the window (WCAG 1.4.10), and the
 * few absolutely positioned boxes that still stick out are pulled back in, each tagged and untagged.
 * A big page loaded this far zooms in and out with its parts off screen set aside (zoom-parts.ts).
 */
export const ZOOM_STEPS = [100, 110, 125, 150, 175, 200, 225, 250, 275, 300] as const;
const REFLOW = 'data-kj-reflow';
/** Pages up to this many elements are checked in one go in the frame; bigger ones after it, in slices. */
const FIT_ONE_GO_ELEMENTS = 3000;
/** Reading per slice before the page gets the main thread back (ms). */
const FIT_SLICE_MS = 10;

export function nextZoom(current: number, direction: 1 | -1): number {
  const steps = ZOOM_STEPS as readonly number[];
  if (direction > 0) return steps.find((s) => s > current) ?? current;
  return [...steps].reverse().find((s) => s < current) ?? current;
}

export function buildZoomCss(percent: number): string {
  if (percent === 100) return '';
  const I = '!important';
  return [
    `body{zoom:${percent / 100}${I}}`,
    // Reflow: nothing wider than its container, long words wrap, tables size to their content.
    `body *{max-width:100%${I};min-width:0${I};overflow-wrap:anywhere${I}}`,
    `body table{width:auto${I};table-layout:auto${I}}`,
    `body img, body video, body canvas{height:auto${I}}`,
    `body pre{white-space:pre-wrap${I}}`,
    `[${REFLOW}="edge"]{left:auto${I};right:0${I};margin-left:0${I};margin-right:0${I}}`,
    `[${REFLOW}="flow"]{position:static${I};height:auto${I}}`,
    unclipCss('zoom'),
  ].join('');
}

/**
 * The absolutely or fixed positioned boxes that reflow cannot fix: 'edge' for those ending right of
 * the viewport (moved back to the right edge), 'flow' for those squeezed so narrow (e.g. left: 23em;
 * right: 0 in a narrowed container) that their text overflows (put back into the normal flow).
 */
export function misplacedPositioned(
  elements: Iterable<Element>,
  viewportWidth: number,
  position: (el: Element) => string,
): Array<[Element, 'edge' | 'flow']> {
  const out: Array<[Element, 'edge' | 'flow']> = [];
  for (const el of elements) {
    const fix = misplacement(el, viewportWidth, position);
    if (fix) out.push([el, fix]);
  }
  return out;
}

/** One element's fix, if it needs one (see misplacedPositioned); its box is read first, its style last. */
function misplacement(el: Element, viewportWidth: number, position: (el: Element) => string): 'edge' | 'flow' | null {
  const r = el.getBoundingClientRect();
  if (r.width === 0) return null;
  let fix: 'edge' | 'flow' | null = null;
  if (r.right > viewportWidth + 1) fix = 'edge';
  else {
    const clientHeight = el.clientHeight;
    if (clientHeight > 0 && overflowsVertically(el.scrollHeight, clientHeight)) fix = 'flow';
  }
  if (!fix) return null;
  const pos = position(el);
  return pos === 'absolute' || pos === 'fixed' ? fix : null;
}

class Zoomer {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  private readonly parts: ZoomParts;
  private percent = 100;
  private frame = 0;
  /** Bumped by every fit and by remove: a fit running in slices that sees it change stops. */
  private fitRun = 0;
  private listening = false;
  private readonly refit = (): void => this.scheduleFit();

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
    this.parts = new ZoomParts(page);
  }

  apply(percent: number): void {
    if (percent === this.percent && this.listening) return;
    const from = this.percent;
    this.percent = percent;
    this.cancelFit();
    this.untag();
    const css = buildZoomCss(percent);
    if (!this.listening) {
      this.listening = true;
      this.listeners.on(this.page.win, 'resize', this.refit, { passive: true });
      this.listeners.on(this.page.win, 'load', this.refit);
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.refit);
    }
    void this.parts.change(() => this.style.set(css), percent / from, from / 100).then(
      (done) => {
        if (done) this.scheduleFit();
      },
      // An aid must never break the page: one that failed is left off.
      () => this.remove(),
    );
  }

  /** Back to 100 % the way a zoom goes (the aid's own off, remove, is at once). */
  reset(): void {
    if (!this.listening) return this.remove();
    const from = this.percent;
    this.stop();
    void this.parts.change(() => this.style.remove(), 100 / from, from / 100).catch(() => this.remove());
  }

  remove(): void {
    this.stop();
    this.parts.clear();
    this.style.remove();
  }

  /** Listening and fitting stopped, our reflow tags off, the zoom noted as 100 %. */
  private stop(): void {
    if (this.listening) {
      this.listeners.off();
      this.listening = false;
    }
    this.cancelFit();
    this.untag();
    this.percent = 100;
  }

  /** A fit scheduled or running stops: the zoom it was for has changed. */
  private cancelFit(): void {
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.fitRun++;
  }

  private scheduleFit(): void {
    // While parts are set aside, reading boxes would lay them out here: the fit comes once they are back.
    if (this.frame || !this.page.doc.body || this.parts.running) return;
    this.frame = this.page.win.requestAnimationFrame(() => {
      this.frame = 0;
      const run = ++this.fitRun;
      const body = this.page.doc.body;
      if (!body || this.parts.running) return;
      if (body.getElementsByTagName('*').length <= FIT_ONE_GO_ELEMENTS) return this.fit();
      // A big page: reading every box here would force the zoomed restyle and layout into this
      // script's task, on top of the reads. Let the frame do its own, then read in slices after it.
      void pauseFor(this.page.win)().then(() => this.fitInSlices(run));
    });
  }

  /** Pulls misplaced positioned boxes back (two passes: moving one can reveal another), then unclips. */
  private fit(): void {
    const doc = this.page.doc;
    if (!doc.body) return;
    const view = doc.defaultView ?? this.page.win;
    for (let pass = 0; pass < 2; pass++) {
      const width = doc.documentElement.clientWidth;
      const candidates = [...doc.body.querySelectorAll('*')].filter((el) => !el.hasAttribute(REFLOW) && !isOwnUi(el));
      const found = misplacedPositioned(candidates, width, (el) => view.getComputedStyle(el).position);
      if (!found.length) break;
      for (const [el, fix] of found) el.setAttribute(REFLOW, fix);
    }
    fitOverflowing(doc, [this.style], 'zoom');
  }

  /**
   * fit() for a big page: the same checks, each element read once per pass (misplaced, and text
   * that overflows), in slices; a new zoom or a reset meanwhile stops it.
   */
  private async fitInSlices(run: number): Promise<void> {
    const doc = this.page.doc;
    const win = this.page.win;
    const view = doc.defaultView ?? win;
    const slices = { budgetMs: FIT_SLICE_MS, now: () => win.performance.now(), pause: pauseFor(win), cancelled: () => run !== this.fitRun || !doc.body || this.parts.running };
    const position = (el: Element): string => view.getComputedStyle(el).position;
    for (let pass = 0; pass < 3; pass++) {
      const width = doc.documentElement.clientWidth;
      const misplaced: Array<[Element, 'edge' | 'flow']> = [];
      const overflowing: HTMLElement[] = [];
      const all = [...doc.body!.getElementsByTagName('*')];
      const finished = await runInSlices(
        all,
        (el) => {
          if (pass < 2 && !el.hasAttribute(REFLOW)) {
            const fix = misplacement(el, width, position);
            if (fix && !isOwnUi(el)) misplaced.push([el, fix]);
          }
          if ('clientHeight' in el && textOverflows(el as HTMLElement, view)) overflowing.push(el as HTMLElement);
        },
        slices,
      );
      if (!finished) return;
      if (!misplaced.length) {
        // What overflows in the layout just read: tag what fitted before the zoom (one toggle of our sheet).
        fitOverflowing(doc, [this.style], 'zoom', overflowing);
        return;
      }
      for (const [el, fix] of misplaced) el.setAttribute(REFLOW, fix);
    }
  }

  private untag(): void {
    for (const el of this.page.doc.querySelectorAll(`[${REFLOW}]`)) el.removeAttribute(REFLOW);
    clearUnclip(this.page.doc, 'zoom');
  }
}

const zoomers = new WeakMap<Document, Zoomer>();

export const zoomAid: Aid<'pageZoom'> = {
  id: 'zoom',
  setting: 'pageZoom',
  apply(page, value) {
    let z = zoomers.get(page.doc);
    if (value === 100) {
      z?.reset();
      return;
    }
    if (!z) {
      z = new Zoomer(page);
      zoomers.set(page.doc, z);
    }
    z.apply(value);
  },
  remove(page) {
    zoomers.get(page.doc)?.remove();
  },
};

export const zoomControls: ControlSpec[] = [
  {
    id: 'zoom-in',
    label: 'zoomIn',
    icon: '⊕',
    group: 'zoom',
    disabled: (s) => nextZoom(s.pageZoom, 1) === s.pageZoom,
    run(s) {
      const next = nextZoom(s.pageZoom, 1);
      if (next === s.pageZoom) return { patch: {}, announce: { key: 'zoomMax' } };
      return { patch: { pageZoom: next }, announce: { key: 'zoomInNow', params: [next] } };
    },
  },
  {
    id: 'zoom-out',
    label: 'zoomOut',
    icon: '⊖',
    group: 'zoom',
    disabled: (s) => nextZoom(s.pageZoom, -1) === s.pageZoom,
    run(s) {
      const next = nextZoom(s.pageZoom, -1);
      if (next === s.pageZoom) return { patch: {}, announce: { key: 'zoomMin' } };
      return { patch: { pageZoom: next }, announce: { key: 'zoomOutNow', params: [next] } };
    },
  },
  {
    id: 'zoom-reset',
    label: 'zoomReset',
    icon: '1:1',
    group: 'zoom',
    run: () => ({ patch: { pageZoom: 100 }, announce: { key: 'zoomNow', params: [100] } }),
  },
];
