import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { clearUnclip, fitOverflowing, overflowsVertically, unclipCss } from './unclip';
import { Listeners } from '../shared/listeners';

/**
 * 页面放大: CSS `zoom` on the page's body. It reflows like browser zoom (Chromium, Firefox ≥ 126)
 * but leaves kanjian's own UI alone: the toolbar and overlays live in <html>, outside <body>.
 * While zoomed, reflow rules keep fixed-width layouts inside the window (WCAG 1.4.10), and the
 * few absolutely positioned boxes that still stick out are pulled back in, each tagged and untagged.
 */
export const ZOOM_STEPS = [100, 110, 125, 150, 175, 200, 225, 250, 275, 300] as const;
const REFLOW = 'data-kj-reflow';

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
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;
    const fix = r.right > viewportWidth + 1 ? 'edge' : overflowsVertically(el.scrollHeight, el.clientHeight) ? 'flow' : null;
    if (!fix) continue;
    const pos = position(el);
    if (pos === 'absolute' || pos === 'fixed') out.push([el, fix]);
  }
  return out;
}

class Zoomer {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  private percent = 100;
  private frame = 0;
  private listening = false;
  private readonly refit = (): void => this.scheduleFit();

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc, 'zoom');
  }

  apply(percent: number): void {
    if (percent === this.percent && this.listening) return;
    this.percent = percent;
    this.untag();
    this.style.set(buildZoomCss(percent));
    if (!this.listening) {
      this.listening = true;
      this.listeners.on(this.page.win, 'resize', this.refit, { passive: true });
      this.listeners.on(this.page.win, 'load', this.refit);
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.refit);
    }
    this.scheduleFit();
  }

  remove(): void {
    if (this.listening) {
      this.listeners.off();
      this.listening = false;
    }
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.untag();
    this.style.remove();
    this.percent = 100;
  }

  private scheduleFit(): void {
    if (this.frame || !this.page.doc.body) return;
    this.frame = this.page.win.requestAnimationFrame(() => {
      this.frame = 0;
      this.fit();
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
      z?.remove();
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
