import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { Overlay } from './overlay';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';
import { displayFeature, type FeatureDef, type TabFrames } from '../content/feature';
import { frameElementAt, framePath, isFramesetDocument } from '../content/frames';
import type { FrameMessage } from '../messaging/protocol';

/**
 * 十字线 and 阅读尺: full-width and full-height lines through the pointer, or a horizontal reading
 * band that follows it. Drawn in our own shadow root with pointer-events: none, so they never take
 * a click. Listeners exist only while a guide is on; moves are coalesced to one update per frame.
 *
 * Across frames the lines are drawn once, in the top frame, over the whole window: a frame draws
 * nothing itself and tells its parent where the user's pointer is (through the background, one
 * message per animation frame, only while a guide is on); each parent moves the point into its own
 * viewport by the frame element's box and passes it up, until the top draws it.
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

type GuideFrameMessage = Extract<FrameMessage, { kind: 'guidePoint' | 'guideLeave' }>;

/**
 * A point in a frame's viewport moved into the viewport of the document holding the frame element:
 * by the element's border and padding, and scaled where the element is zoomed or transformed (its
 * drawn box against its layout box) or its document is zoomed (its content box against the frame's
 * own viewport).
 */
export function pointInParent(
  box: { left: number; top: number; width: number; height: number },
  el: { offsetWidth: number; offsetHeight: number; clientLeft: number; clientTop: number; clientWidth: number; clientHeight: number },
  pad: { left: number; top: number; right: number; bottom: number },
  p: { x: number; y: number; vw: number; vh: number },
): { x: number; y: number } {
  const sx = el.offsetWidth > 0 ? box.width / el.offsetWidth : 1;
  const sy = el.offsetHeight > 0 ? box.height / el.offsetHeight : 1;
  const innerW = el.clientWidth - pad.left - pad.right;
  const innerH = el.clientHeight - pad.top - pad.bottom;
  const kx = innerW > 0 && p.vw > 0 ? innerW / p.vw : 1;
  const ky = innerH > 0 && p.vh > 0 ? innerH / p.vh : 1;
  return { x: box.left + (el.clientLeft + pad.left + p.x * kx) * sx, y: box.top + (el.clientTop + pad.top + p.y * ky) * sy };
}

class Guide {
  private readonly listeners = new Listeners();
  private listening = false;
  private overlay: Overlay | null = null;
  private mode: GuideMode | null = null;
  color: GuideColor = 'red';
  private readonly parts = new Map<string, HTMLElement>();
  private x = -1;
  private y = -1;
  /** Where the point came from: '' this document, else the path of the child frame that told us. */
  private source = '';
  private frame = 0;
  /** Below the top, the top could not draw (a frameset page): this frame draws its own lines. */
  private local = false;
  private readonly onMove = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    this.x = e.clientX;
    this.y = e.clientY;
    this.source = '';
    this.schedule();
  };
  private readonly onLeave = (e: PointerEvent): void => {
    if (!isUserInput(e)) return;
    if (e.relatedTarget) return;
    if (this.drawsHere) this.hide();
    else this.tellParent({ kind: 'guideLeave' });
  };

  constructor(
    private readonly page: PageContext,
    private readonly tab: TabFrames | null,
  ) {}

  /** The top frame (or a page standing alone) draws; a frame below only reports. */
  private get drawsHere(): boolean {
    return !this.tab || this.tab.isTop || this.local;
  }

  apply(mode: GuideMode): void {
    if (this.mode === mode && (this.overlay || !this.drawsHere)) return;
    this.mode = mode;
    if (!this.listening) {
      this.listening = true;
      const win = this.page.win;
      this.listeners.on(win, 'pointermove', this.onMove, { capture: true, passive: true });
      this.listeners.on(win, 'pointerdown', this.onMove, { capture: true, passive: true });
      this.listeners.on(this.page.doc, 'pointerout', this.onLeave, { capture: true, passive: true });
    }
    if (this.drawsHere) this.mountLines(mode);
  }

  private mountLines(mode: GuideMode): void {
    if (!this.overlay) this.overlay = new Overlay(this.page.doc, 'guide', guideCss(this.color), 'closed');
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
    this.listening = false;
    if (this.frame) win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.overlay?.destroy();
    this.overlay = null;
    this.parts.clear();
    this.mode = null;
  }

  /**
   * A child frame of this document tells where the pointer is (relayed by the background; frames of
   * other parents, and anything while the guide is off, are not ours). Answers whether the top drew.
   */
  fromFrame(msg: GuideFrameMessage): { drawn: boolean } | undefined {
    if (!this.mode) return undefined;
    const own = framePath(this.page.win);
    if (!own || msg.path.length !== own.length + 1 || own.some((v, i) => msg.path[i] !== v)) return undefined;
    // A frameset page has no place to draw on: its frames draw their own lines.
    if (this.tab?.isTop && isFramesetDocument(this.page.doc)) return { drawn: false };
    const key = msg.path.join('.');
    if (msg.kind === 'guideLeave') {
      if (this.source !== key) return { drawn: true };
      if (this.drawsHere) this.hide();
      else this.tellParent({ kind: 'guideLeave' });
      return { drawn: true };
    }
    const el = frameElementAt(this.page.doc, this.page.win, msg.path[own.length]!);
    if (!el) return undefined;
    const r = el.getBoundingClientRect();
    const cs = this.page.win.getComputedStyle(el);
    const pad = { left: parseFloat(cs.paddingLeft) || 0, top: parseFloat(cs.paddingTop) || 0, right: parseFloat(cs.paddingRight) || 0, bottom: parseFloat(cs.paddingBottom) || 0 };
    const p = pointInParent(r, el, pad, msg);
    this.x = p.x;
    this.y = p.y;
    this.source = key;
    this.schedule();
    return { drawn: true };
  }

  private schedule(): void {
    if (!this.frame) this.frame = this.page.win.requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = 0;
    if (!this.mode) return;
    if (this.drawsHere) this.draw();
    else this.tellParent({ kind: 'guidePoint', x: this.x, y: this.y, vw: this.page.win.innerWidth, vh: this.page.win.innerHeight });
  }

  /** Tells the parent document (the top directly; deeper, every frame of the tab, and the parent takes it). */
  private tellParent(m: { kind: 'guideLeave' } | { kind: 'guidePoint'; x: number; y: number; vw: number; vh: number }): void {
    const path = framePath(this.page.win);
    if (!this.tab || !path || !path.length) return;
    const to = path.length === 1 ? 'top' : 'all';
    void this.tab
      .relay(to, { ...m, path })
      .then((answer) => {
        if (to === 'top' && answer && typeof answer === 'object' && (answer as { drawn?: unknown }).drawn === false && !this.local && this.mode) {
          this.local = true;
          this.mountLines(this.mode);
        }
      })
      .catch(() => undefined);
  }

  private draw(): void {
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
/** How each document's guide reaches the tab's other frames (none where the page stands alone). */
const links = new WeakMap<Document, TabFrames>();
function guideFor(page: PageContext): Guide {
  let g = guides.get(page.doc);
  if (!g) {
    g = new Guide(page, links.get(page.doc) ?? null);
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

/** 十字线 / 阅读尺 as a feature: the aids and buttons, and the points that frames of the tab tell. */
export const guideFeature: FeatureDef = {
  id: 'guide',
  create(host) {
    if (host.tab) links.set(host.page.doc, host.tab);
    const base = displayFeature('guide', [guideColorAid, guideAid], guideControls).create(host);
    return {
      ...base,
      onFrameMessage(_from, msg) {
        if (msg.kind !== 'guidePoint' && msg.kind !== 'guideLeave') return undefined;
        const answer = guides.get(host.page.doc)?.fromFrame(msg);
        return answer === undefined ? undefined : Promise.resolve(answer);
      },
    };
  },
};
