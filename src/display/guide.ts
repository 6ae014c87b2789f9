import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { Overlay } from './overlay';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';

/**
 * 十字线 and 阅读尺: full-width and full-height lines through the pointer, or a horizontal reading
 * band that follows it. Drawn in our own shadow root with pointer-events: none, so they never take
 * a click. Listeners exist only while a guide is on; moves are coalesced to one update per frame.
 */
export type GuideMode = Exclude<SiteSettings['guide'], 'off'>;
export type GuideColor = SiteSettings['guideColor'];

/** Line colour and the edge drawn around it so the line shows on light and dark pages alike. */
export const GUIDE_COLORS: Readonly<Record<GuideColor, { line: string; edge: string }>> = {
  red: { line: '#e00000', edge: '#ffffff' },
  blue: { line: '#0047ff', edge: '#ffffff' },
  green: { line: '#008a00', edge: '#ffffff' },
  yellow: { line: '#ffd800', edge: '#000000' },
  black: { line: '#000000', edge: '#ffffff' },
};

export const RULER_HEIGHT = 56;
const LINE = 4;

export function guideCss(color: GuideColor): string {
  const { line, edge } = GUIDE_COLORS[color];
  return (
    ':host{all:initial!important;position:fixed!important;inset:0!important;display:block!important;' +
    'pointer-events:none!important;z-index:2147483646!important;contain:strict!important}' +
    '.g{position:absolute;pointer-events:none;will-change:transform}' +
    '.g[hidden]{display:none}' +
    `.h{left:0;top:0;width:100%;height:${LINE}px;background:${line};box-shadow:0 0 0 1px ${edge}}` +
    `.v{left:0;top:0;height:100%;width:${LINE}px;background:${line};box-shadow:0 0 0 1px ${edge}}` +
    `.r{left:0;top:0;width:100%;height:${RULER_HEIGHT}px;box-sizing:border-box;` +
    `border-top:${LINE}px solid ${line};border-bottom:${LINE}px solid ${line};` +
    `outline:1px solid ${edge};background:color-mix(in srgb, ${line} 12%, transparent)}`
  );
}

/** Where each piece goes for a pointer at (x, y): translate offsets in px. */
export function guideLayout(mode: GuideMode, x: number, y: number): Array<{ cls: 'h' | 'v' | 'r'; tx: number; ty: number }> {
  if (mode === 'ruler') return [{ cls: 'r', tx: 0, ty: Math.round(y - RULER_HEIGHT / 2) }];
  return [
    { cls: 'h', tx: 0, ty: Math.round(y - LINE / 2) },
    { cls: 'v', tx: Math.round(x - LINE / 2), ty: 0 },
  ];
}

class Guide {
  private readonly listeners = new Listeners();
  private overlay: Overlay | null = null;
  private mode: GuideMode | null = null;
  color: GuideColor = 'red';
  private readonly parts = new Map<string, HTMLElement>();
  private x = -1;
  private y = -1;
  private frame = 0;
  private readonly onMove = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    this.x = e.clientX;
    this.y = e.clientY;
    if (!this.frame) this.frame = this.page.win.requestAnimationFrame(() => this.draw());
  };
  private readonly onLeave = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    if (!e.relatedTarget) this.hide();
  };

  constructor(private readonly page: PageContext) {}

  apply(mode: GuideMode): void {
    if (this.mode === mode && this.overlay) return;
    this.mode = mode;
    if (!this.overlay) {
      this.overlay = new Overlay(this.page.doc, 'guide', guideCss(this.color));
      const win = this.page.win;
      this.listeners.on(win, 'pointermove', this.onMove, { capture: true, passive: true });
      this.listeners.on(win, 'pointerdown', this.onMove, { capture: true, passive: true });
      this.listeners.on(this.page.doc, 'pointerout', this.onLeave, { capture: true, passive: true });
    }
    for (const el of this.parts.values()) el.remove();
    this.parts.clear();
    for (const p of guideLayout(mode, 0, 0)) {
      const el = this.page.doc.createElement('div');
      el.className = `g ${p.cls}`;
      el.hidden = true;
      this.overlay.root.append(el);
      this.parts.set(p.cls, el);
    }
    if (this.x >= 0) this.draw();
  }

  setColor(color: GuideColor): void {
    if (this.color === color) return;
    this.color = color;
    const style = this.overlay?.root.querySelector('style');
    if (style) style.textContent = guideCss(color);
  }

  remove(): void {
    const win = this.page.win;
    this.listeners.off();
    if (this.frame) win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.overlay?.destroy();
    this.overlay = null;
    this.parts.clear();
    this.mode = null;
  }

  private draw(): void {
    this.frame = 0;
    if (!this.mode || !this.overlay) return;
    this.overlay.ensureAttached();
    for (const p of guideLayout(this.mode, this.x, this.y)) {
      const el = this.parts.get(p.cls);
      if (!el) continue;
      el.style.transform = `translate(${p.tx}px, ${p.ty}px)`;
      el.hidden = false;
    }
  }

  private hide(): void {
    for (const el of this.parts.values()) el.hidden = true;
  }
}

const guides = new WeakMap<Document, Guide>();
function guideFor(page: PageContext): Guide {
  let g = guides.get(page.doc);
  if (!g) {
    g = new Guide(page);
    guides.set(page.doc, g);
  }
  return g;
}

export const guideAid: Aid<'guide'> = {
  id: 'guide',
  setting: 'guide',
  apply(page, value) {
    if (value === 'off') {
      guides.get(page.doc)?.remove();
      return;
    }
    guideFor(page).apply(value);
  },
  remove(page) {
    guides.get(page.doc)?.remove();
  },
};

/** The guide's colour. Listed before guideAid in the registry so the lines are drawn in it at once. */
export const guideColorAid: Aid<'guideColor'> = {
  id: 'guide-color',
  setting: 'guideColor',
  apply(page, value) {
    guideFor(page).setColor(value);
  },
  remove(page) {
    guides.get(page.doc)?.setColor('red');
  },
};

const COLOR_LABEL = { red: 'colorRed', blue: 'colorBlue', green: 'colorGreen', yellow: 'colorYellow', black: 'colorBlack' } as const;

export const guideControls: ControlSpec[] = [
  {
    id: 'crosshair',
    label: 'crosshair',
    icon: '✛',
    group: 'pointer',
    pressed: (s) => s.guide === 'crosshair',
    run: (s) =>
      s.guide === 'crosshair'
        ? { patch: { guide: 'off' }, announce: { key: 'crosshairOff' } }
        : { patch: { guide: 'crosshair' }, announce: { key: 'crosshairOn' } },
  },
  {
    id: 'ruler',
    label: 'ruler',
    icon: '▭',
    group: 'pointer',
    pressed: (s) => s.guide === 'ruler',
    run: (s) =>
      s.guide === 'ruler' ? { patch: { guide: 'off' }, announce: { key: 'rulerOff' } } : { patch: { guide: 'ruler' }, announce: { key: 'rulerOn' } },
  },
  {
    id: 'guide-color',
    label: 'guideColor',
    icon: '◐',
    group: 'pointer',
    run: () => null,
    menu: () =>
      (Object.keys(GUIDE_COLORS) as GuideColor[]).map(
        (c): ControlSpec => ({
          id: `guide-color-${c}`,
          label: COLOR_LABEL[c],
          icon: '',
          group: 'pointer',
          pressed: (s) => s.guideColor === c,
          run: () => ({ patch: { guideColor: c }, announce: { key: 'guideColorNow', params: [{ key: COLOR_LABEL[c] }] } }),
        }),
      ),
  },
];
