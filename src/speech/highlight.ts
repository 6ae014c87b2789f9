// Highlight the sentence being read, and outline the element 指读 is reading, without changing the page:
// - sentence: CSS Custom Highlight API (CSS.highlights + a ::highlight rule in a constructed stylesheet
//   adopted by the document, or one <style> of ours if adopting fails), else boxes drawn from
//   Range.getClientRects() inside an overlay root the toolbar owns (a shadow root);
// - element outline: always an overlay box (restyling page elements would leak into the page's layout).
import { reportInternal } from './safe';
import type { SourceRange } from './types';
import { markOwnUi } from '../shared/own-ui';
import { Listeners } from '../shared/listeners';

export const HIGHLIGHT_NAME = 'kanjian-reading';

export type HighlightMode = 'auto' | 'css' | 'overlay' | 'off';

export interface HighlighterOptions {
  document: Document;
  /** Where overlay boxes go (a shadow root or element of our toolbar). Without it there are no boxes. */
  overlayRoot?: ShadowRoot | Element | null;
  /** 'auto' (default): CSS highlights where available, else overlay. */
  mode?: HighlightMode;
  /** Scroll the sentence into view (default true; instant when prefers-reduced-motion). */
  scroll?: boolean;
  /** How to install the ::highlight rule: 'auto' tries adoptedStyleSheets then a <style> element. */
  stylesheet?: 'auto' | 'adopted' | 'element';
}

export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  background-color: #ffe066;
  color: #000;
  text-decoration-line: underline;
  text-decoration-color: #b00020;
  text-decoration-thickness: 2px;
}
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAME}) { background-color: Highlight; color: HighlightText; }
}`;

interface HighlightRegistryLike {
  set(name: string, h: unknown): unknown;
  delete(name: string): unknown;
  get?(name: string): unknown;
}

type WinLike = Window & {
  CSS?: { highlights?: HighlightRegistryLike };
  Highlight?: new (...ranges: Range[]) => unknown;
  CSSStyleSheet?: typeof CSSStyleSheet;
};

export interface HighlightDebugState {
  mode: 'css' | 'overlay' | 'none';
  /** Text of the highlighted sentence ('' if none). */
  sentence: string;
  /** Overlay boxes currently drawn for the sentence. */
  sentenceBoxes: number;
  outlined: boolean;
  stylesheet: 'adopted' | 'element' | 'none';
}

export class Highlighter {
  readonly mode: 'css' | 'overlay' | 'none';
  private readonly doc: Document;
  private readonly win: WinLike | null;
  private readonly overlayRoot: ShadowRoot | Element | null;
  private readonly scroll: boolean;
  private readonly stylesheetPref: 'auto' | 'adopted' | 'element';
  private sheet: CSSStyleSheet | null = null;
  private styleEl: HTMLStyleElement | null = null;
  private layer: HTMLElement | null = null;
  private sentenceBoxes: HTMLElement[] = [];
  private outlineBox: HTMLElement | null = null;
  private ranges: Range[] = [];
  private outlined: Element | null = null;
  private listening = false;
  private readonly listeners = new Listeners();
  private frame: number | null = null;
  private disposed = false;

  constructor(opts: HighlighterOptions) {
    this.doc = opts.document;
    this.win = (opts.document.defaultView as WinLike | null) ?? null;
    this.overlayRoot = opts.overlayRoot ?? null;
    this.scroll = opts.scroll ?? true;
    this.stylesheetPref = opts.stylesheet ?? 'auto';
    const wanted = opts.mode ?? 'auto';
    const cssOk = this.cssAvailable();
    if (wanted === 'off') this.mode = 'none';
    else if ((wanted === 'auto' || wanted === 'css') && cssOk) this.mode = 'css';
    else if (this.overlayRoot) this.mode = 'overlay';
    else this.mode = 'none';
  }

  /** Highlight the sentence made of these source ranges (replacing the previous one) and scroll to it. */
  showSentence(ranges: readonly SourceRange[]): void {
    if (this.disposed) return;
    try {
      this.clearSentence();
      this.ranges = ranges.map((r) => this.toRange(r)).filter((r): r is Range => r !== null);
      if (!this.ranges.length) return;
      if (this.mode === 'css') this.paintCss();
      else if (this.mode === 'overlay') this.drawSentenceBoxes();
      this.updateListeners();
      if (this.scroll) this.scrollIntoView(this.ranges[0]!);
    } catch (error) {
      reportInternal('highlight sentence', error);
    }
  }

  /** Outline el with an overlay box (指读), or remove the outline with null. */
  showElement(el: Element | null): void {
    if (this.disposed) return;
    try {
      this.outlined = el && el.isConnected ? el : null;
      this.drawOutline();
      this.updateListeners();
    } catch (error) {
      reportInternal('highlight element', error);
    }
  }

  clearSentence(): void {
    this.ranges = [];
    try {
      if (this.mode === 'css') this.win?.CSS?.highlights?.delete(HIGHLIGHT_NAME);
    } catch (error) {
      reportInternal('highlight clear', error);
    }
    for (const b of this.sentenceBoxes) b.remove();
    this.sentenceBoxes = [];
    this.updateListeners();
  }

  clearElement(): void {
    this.showElement(null);
  }

  clear(): void {
    this.clearSentence();
    this.clearElement();
  }

  /** Remove everything we added: highlight, stylesheet, overlay layer, listeners. */
  dispose(): void {
    if (this.disposed) return;
    this.clear();
    this.disposed = true;
    try {
      if (this.sheet) {
        const sheet = this.sheet;
        this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((s) => s !== sheet);
      }
    } catch (error) {
      reportInternal('highlight unadopt', error);
    }
    this.sheet = null;
    this.styleEl?.remove();
    this.styleEl = null;
    this.layer?.remove();
    this.layer = null;
    this.setListening(false);
  }

  debugState(): HighlightDebugState {
    return {
      mode: this.mode,
      sentence: this.ranges.map((r) => r.toString()).join(''),
      sentenceBoxes: this.sentenceBoxes.length,
      outlined: this.outlined !== null,
      stylesheet: this.sheet ? 'adopted' : this.styleEl ? 'element' : 'none',
    };
  }

  // ---- CSS highlights ----------------------------------------------------------------------------------

  private cssAvailable(): boolean {
    try {
      return !!this.win?.CSS?.highlights && typeof this.win.Highlight === 'function';
    } catch {
      return false;
    }
  }

  private paintCss(): void {
    this.ensureStylesheet();
    const H = this.win!.Highlight!;
    this.win!.CSS!.highlights!.set(HIGHLIGHT_NAME, new H(...this.ranges));
  }

  private ensureStylesheet(): void {
    // Pages (and frameworks) may replace adoptedStyleSheets or drop our <style>: put ours back if so.
    if (this.sheet) {
      try {
        if (!this.doc.adoptedStyleSheets.includes(this.sheet)) {
          this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, this.sheet];
        }
      } catch (error) {
        reportInternal('adoptedStyleSheets', error);
      }
      return;
    }
    if (this.styleEl) {
      if (!this.styleEl.isConnected) (this.doc.head ?? this.doc.documentElement).appendChild(this.styleEl);
      return;
    }
    if (this.stylesheetPref !== 'element') {
      try {
        const Sheet = this.win?.CSSStyleSheet;
        if (Sheet && Array.isArray(this.doc.adoptedStyleSheets)) {
          const sheet = new Sheet();
          sheet.replaceSync(HIGHLIGHT_CSS);
          this.doc.adoptedStyleSheets = [...this.doc.adoptedStyleSheets, sheet];
          // Some content-script sandboxes accept the assignment but drop a foreign sheet: check it stuck.
          if (this.doc.adoptedStyleSheets.includes(sheet)) {
            this.sheet = sheet;
            return;
          }
        }
      } catch (error) {
        // Firefox content scripts may refuse a sheet from the sandbox: fall back to a tagged <style>.
        reportInternal('adoptedStyleSheets', error);
      }
      if (this.stylesheetPref === 'adopted') return;
    }
    try {
      const style = this.doc.createElement('style');
      style.id = 'kanjian-speech-highlight';
      markOwnUi(style);
      style.textContent = HIGHLIGHT_CSS;
      (this.doc.head ?? this.doc.documentElement).appendChild(style);
      this.styleEl = style;
    } catch (error) {
      reportInternal('highlight style', error);
    }
  }

  // ---- overlay -----------------------------------------------------------------------------------------

  private ensureLayer(): HTMLElement | null {
    if (this.layer?.isConnected) return this.layer;
    if (!this.overlayRoot) return null;
    const layer = this.doc.createElement('div');
    layer.setAttribute('data-kanjian-speech-overlay', '');
    layer.setAttribute('aria-hidden', 'true');
    layer.style.cssText = 'position:fixed;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2147483646;';
    this.overlayRoot.appendChild(layer);
    this.layer = layer;
    return layer;
  }

  private box(kind: 'sentence' | 'outline', rect: DOMRect | DOMRectReadOnly): HTMLElement | null {
    const layer = this.ensureLayer();
    if (!layer) return null;
    const b = this.doc.createElement('div');
    b.setAttribute('data-kanjian-box', kind);
    const base = `position:fixed;box-sizing:border-box;pointer-events:none;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;`;
    b.style.cssText = kind === 'sentence'
      ? `${base}background:rgba(255,224,102,.45);border-bottom:2px solid #b00020;mix-blend-mode:multiply;`
      : `${base}outline:3px solid #b00020;outline-offset:2px;box-shadow:0 0 0 5px rgba(255,255,255,.9);border-radius:2px;`;
    layer.appendChild(b);
    return b;
  }

  private drawSentenceBoxes(): void {
    for (const b of this.sentenceBoxes) b.remove();
    this.sentenceBoxes = [];
    for (const r of this.ranges) {
      for (const rect of Array.from(r.getClientRects())) {
        if (rect.width <= 0 || rect.height <= 0) continue;
        const b = this.box('sentence', rect);
        if (b) this.sentenceBoxes.push(b);
      }
    }
  }

  private drawOutline(): void {
    this.outlineBox?.remove();
    this.outlineBox = null;
    if (!this.outlined) return;
    const rect = this.outlined.getBoundingClientRect();
    this.outlineBox = this.box('outline', rect);
  }

  /** Overlay boxes are in viewport coordinates: redraw on scroll and resize while any are shown. */
  private updateListeners(): void {
    const needed = (this.mode === 'overlay' && this.ranges.length > 0) || this.outlined !== null;
    this.setListening(needed && !this.disposed);
  }

  private readonly onViewportChange = (): void => {
    if (this.frame !== null || !this.win) return;
    const raf = this.win.requestAnimationFrame?.bind(this.win) ?? ((cb: FrameRequestCallback) => this.win!.setTimeout(() => cb(0), 16));
    this.frame = raf(() => {
      this.frame = null;
      try {
        if (this.mode === 'overlay' && this.ranges.length) this.drawSentenceBoxes();
        if (this.outlined) this.drawOutline();
      } catch (error) {
        reportInternal('highlight redraw', error);
      }
    });
  };

  private setListening(on: boolean): void {
    if (on === this.listening || !this.win) return;
    this.listening = on;
    const opts: AddEventListenerOptions = { capture: true, passive: true };
    if (on) {
      this.listeners.on(this.win, 'scroll', this.onViewportChange, opts);
      this.listeners.on(this.win, 'resize', this.onViewportChange, opts);
    } else {
      this.listeners.off();
      if (this.frame !== null) {
        (this.win.cancelAnimationFrame?.bind(this.win) ?? this.win.clearTimeout.bind(this.win))(this.frame);
        this.frame = null;
      }
    }
  }

  // ---- helpers -----------------------------------------------------------------------------------------

  /** A live Range for a source slice, or null if the page changed under us (node gone, text shorter). */
  private toRange(r: SourceRange): Range | null {
    const node = r.node;
    if (!node.isConnected || node.ownerDocument !== this.doc) return null;
    const len = node.data.length;
    const start = Math.min(Math.max(0, r.start), len);
    const end = Math.min(Math.max(start, r.end), len);
    if (end <= start) return null;
    const range = this.doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  }

  private scrollIntoView(range: Range): void {
    const win = this.win;
    if (!win) return;
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return; // not rendered (or no layout)
    const vh = win.innerHeight || this.doc.documentElement.clientHeight;
    if (rect.top >= 0 && rect.bottom <= vh) return;
    let reduced = false;
    try {
      reduced = !!win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    } catch {
      reduced = false;
    }
    const behavior: ScrollBehavior = reduced ? 'instant' : 'smooth';
    const el = range.startContainer.parentElement;
    if (el && el.getBoundingClientRect().height <= vh) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior });
    } else {
      win.scrollBy({ top: rect.top - vh / 3, behavior });
    }
  }
}
