import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { Listeners } from '../shared/listeners';

/**
 * 大鼠标: 48 px arrow, hand and I-beam cursors (SVG in data: URLs, so no web_accessible_resources),
 * black with a white edge or white with a black edge. Applied to every element of the page; an
 * element that asks for its own cursor (a clickable <div> with cursor: pointer, a text box) gets
 * the big version of that kind, found by measuring the page's own cursor with our rules off.
 */
export type CursorVariant = Exclude<SiteSettings['bigCursor'], 'off'>;
export type CursorKind = 'arrow' | 'hand' | 'text';

export const CURSOR_SIZE = 48;
const UNITS = 32; // the shapes are drawn on a 32×32 grid and scaled to CURSOR_SIZE

const SHAPES: Record<CursorKind, { path: string; hotspot: [number, number]; fallback: string }> = {
  arrow: { path: 'M3 2 L3 26 L9 20.5 L13 30 L17.5 28 L13.5 18.8 L21.5 18.8 Z', hotspot: [3, 2], fallback: 'default' },
  hand: {
    path:
      'M11 4 a2 2 0 0 1 4 0 V13 a2 2 0 0 1 4 0 V14 a2 2 0 0 1 4 0 V15.5 a2 2 0 0 1 4 0 V22 ' +
      'c0 4.5 -3 8 -7.5 8 H16 c-3 0 -5 -1.8 -7 -4.8 L4.6 19.3 a2.1 2.1 0 0 1 3.2 -2.7 L11 20 Z',
    hotspot: [13, 2],
    fallback: 'pointer',
  },
  text: { path: 'M10 3 H22 V6.5 H18 V25.5 H22 V29 H10 V25.5 H14 V6.5 H10 Z', hotspot: [16, 16], fallback: 'text' },
};

/** The SVG of one cursor, sized CURSOR_SIZE px. */
export function cursorSvg(kind: CursorKind, variant: CursorVariant): string {
  const [fill, edge] = variant === 'black' ? ['#000', '#fff'] : ['#fff', '#000'];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CURSOR_SIZE}" height="${CURSOR_SIZE}" viewBox="0 0 ${UNITS} ${UNITS}">` +
    `<path d="${SHAPES[kind].path}" fill="${fill}" stroke="${edge}" stroke-width="1.6" stroke-linejoin="round"/></svg>`
  );
}

/** A complete `cursor` value: the SVG as a data: URL, its hotspot in px, and a keyword fallback. */
export function cursorValue(kind: CursorKind, variant: CursorVariant): string {
  const k = CURSOR_SIZE / UNITS;
  const [x, y] = SHAPES[kind].hotspot.map((v) => Math.round(v * k)) as [number, number];
  return `url("data:image/svg+xml,${encodeURIComponent(cursorSvg(kind, variant))}") ${x} ${y}, ${SHAPES[kind].fallback}`;
}

const CUR = 'data-kj-cur';
const HAND_SELECTOR = [
  'a[href]',
  'area[href]',
  'button',
  'summary',
  'select',
  'label',
  '[role="button"]',
  '[role="link"]',
  '[role="menuitem"]',
  '[role="tab"]',
  '[onclick]',
  'input[type="checkbox"]',
  'input[type="radio"]',
  'input[type="submit"]',
  'input[type="button"]',
  'input[type="reset"]',
  'input[type="image"]',
  'input[type="file"]',
  'input[type="color"]',
  'input[type="range"]',
  `[${CUR}="hand"]`,
];
const TEXT_SELECTOR = [
  'textarea',
  'input:not([type])',
  'input[type="text"]',
  'input[type="search"]',
  'input[type="email"]',
  'input[type="url"]',
  'input[type="tel"]',
  'input[type="password"]',
  'input[type="number"]',
  '[contenteditable=""]',
  '[contenteditable="true"]',
  `[${CUR}="text"]`,
];

export function buildCursorCss(variant: CursorVariant): string {
  const I = '!important';
  const arrow = cursorValue('arrow', variant);
  const hand = cursorValue('hand', variant);
  const text = cursorValue('text', variant);
  const within = (sels: string[]): string => sels.flatMap((s) => [`body ${s}`, `body ${s} *`]).join(',');
  return [
    `html, body, body *{cursor:${arrow}${I}}`,
    `${within(HAND_SELECTOR)}{cursor:${hand}${I}}`,
    `${TEXT_SELECTOR.map((s) => `body ${s}`).join(',')}{cursor:${text}${I}}`,
    // kanjian's own UI (shadow roots) reads these, so the toolbar shows the same big cursors.
    `html{--kanjian-cursor-arrow:${arrow};--kanjian-cursor-hand:${hand};--kanjian-cursor-text:${text}}`,
  ].join('');
}

/** The big cursor kind for a page element's own computed cursor; null where the arrow is right. */
export function kindForCursor(cursor: string): CursorKind | null {
  const keyword = cursor.split(',').pop()!.trim();
  if (keyword === 'pointer') return 'hand';
  if (keyword === 'text' || keyword === 'vertical-text') return 'text';
  return null;
}

class BigCursor {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  private variant: CursorVariant | null = null;
  private observer: MutationObserver | null = null;
  private readonly pending = new Set<Element>();
  private frame = 0;
  private readonly onLoad = (): void => this.measure([this.page.doc.documentElement]);

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
  }

  apply(variant: CursorVariant): void {
    if (this.variant === variant) return;
    this.variant = variant;
    this.style.set(buildCursorCss(variant));
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(this.page.doc, { childList: true, subtree: true });
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.onLoad);
      this.listeners.on(this.page.win, 'load', this.onLoad);
      this.measure([this.page.doc.documentElement]);
    }
  }

  remove(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.listeners.off();
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending.clear();
    this.style.remove();
    for (const el of this.page.doc.querySelectorAll(`[${CUR}]`)) el.removeAttribute(CUR);
    this.variant = null;
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of r.addedNodes) if (n.nodeType === 1 && !isOwnUi(n)) this.pending.add(n as Element);
    }
    if (this.pending.size && !this.frame) {
      this.frame = this.page.win.requestAnimationFrame(() => {
        this.frame = 0;
        const roots = [...this.pending];
        this.pending.clear();
        this.measure(roots);
      });
    }
  }

  /** Reads each element's own cursor with our rules off, then tags hands and I-beams. */
  private measure(roots: Element[]): void {
    const doc = this.page.doc;
    const view = doc.defaultView ?? this.page.win;
    const els: Element[] = [];
    for (const root of roots) {
      if (!root.isConnected || isOwnUi(root)) continue;
      els.push(root, ...root.querySelectorAll('*'));
    }
    if (!els.length) return;
    const found: Array<[Element, CursorKind | null]> = [];
    this.style.setDisabled(true);
    try {
      for (const el of els) {
        if (isOwnUi(el)) continue;
        found.push([el, kindForCursor(view.getComputedStyle(el).cursor)]);
      }
    } finally {
      this.style.setDisabled(false);
    }
    for (const [el, want] of found) {
      if (want) {
        if (el.getAttribute(CUR) !== want) el.setAttribute(CUR, want);
      } else if (el.hasAttribute(CUR)) el.removeAttribute(CUR);
    }
  }
}

const cursors = new WeakMap<Document, BigCursor>();

export const bigCursorAid: Aid<'bigCursor'> = {
  id: 'big-cursor',
  setting: 'bigCursor',
  apply(page, value) {
    if (value === 'off') {
      cursors.get(page.doc)?.remove();
      return;
    }
    let c = cursors.get(page.doc);
    if (!c) {
      c = new BigCursor(page);
      cursors.set(page.doc, c);
    }
    c.apply(value);
  },
  remove(page) {
    cursors.get(page.doc)?.remove();
  },
};

const CURSOR_LABEL = { off: 'cursorOff', black: 'cursorBlack', white: 'cursorWhite' } as const;

export const cursorControls: ControlSpec[] = [
  {
    id: 'big-cursor',
    label: 'bigCursor',
    icon: '➚',
    group: 'pointer',
    active: (s) => s.bigCursor !== 'off',
    run: () => null,
    menu: () =>
      (['off', 'black', 'white'] as const).map(
        (v): ControlSpec => ({
          id: `big-cursor-${v}`,
          label: CURSOR_LABEL[v],
          icon: '',
          group: 'pointer',
          pressed: (s) => s.bigCursor === v,
          run: () => ({ patch: { bigCursor: v }, announce: { key: v === 'off' ? 'cursorOffNow' : 'cursorOnNow' } }),
        }),
      ),
  },
];
