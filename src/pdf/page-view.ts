/**
 * The page view: each page rendered to a canvas at the chosen zoom (up to 400 %), with pdf.js's
 * selectable text layer over it. Pages render when they come near the viewport. It lives in an open
 * shadow root: the page's pixels are the document's own (a scheme never repaints an image), and the
 * transparent text layer must stay transparent under every 配色.
 */
import type { PdfjsLib, PDFDocumentProxy } from './pdfjs';

export const ZOOM_STEPS = [50, 75, 100, 125, 150, 200, 250, 300, 400] as const;
export const MAX_ZOOM = 400;
/** The largest canvas we draw (pixels): beyond this the page is drawn at a lower resolution. */
const MAX_CANVAS_PIXELS = 16_777_216;

const CSS = `
:host{display:block}
.pages{display:flex;flex-direction:column;align-items:center;gap:16px;padding:16px 0}
.page{position:relative;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.4);flex:none}
.page canvas{position:absolute;inset:0;width:100%;height:100%}
.textLayer{position:absolute;text-align:initial;inset:0;overflow:clip;opacity:1;line-height:1;text-size-adjust:none;forced-color-adjust:none;transform-origin:0 0;z-index:2;
  --min-font-size:1;--text-scale-factor:calc(var(--total-scale-factor) * var(--min-font-size));--min-font-size-inv:calc(1 / var(--min-font-size))}
.textLayer :is(span,br){color:transparent;position:absolute;white-space:pre;cursor:text;transform-origin:0% 0%}
.textLayer > :not(.markedContent),.textLayer .markedContent span:not(.markedContent){z-index:1;--font-height:0;font-size:calc(var(--text-scale-factor) * var(--font-height));--scale-x:1;--rotate:0deg;transform:rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv))}
.textLayer .markedContent{display:contents}
.textLayer ::selection{background:rgba(0,90,255,.35)}
.textLayer br::selection{background:transparent}
.label{position:absolute;top:-1px;left:-1px;font:14px sans-serif;background:#102a43;color:#fff;padding:2px 6px;border-radius:0 0 4px 0}
`;

interface PageSlot {
  n: number;
  box: HTMLDivElement;
  rendered: number | null;
  task: { cancel(): void } | null;
}

export class PageView {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly list: HTMLDivElement;
  private slots: PageSlot[] = [];
  private zoomPercent = 100;
  private observer: IntersectionObserver | null = null;
  private sizes: Array<{ w: number; h: number }> = [];

  constructor(
    host: HTMLElement,
    private readonly pdfjs: PdfjsLib,
    private readonly doc: PDFDocumentProxy,
    private readonly label: (n: number) => string,
  ) {
    this.host = host;
    this.root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = host.ownerDocument.createElement('style');
    style.textContent = CSS;
    this.list = host.ownerDocument.createElement('div');
    this.list.className = 'pages';
    this.root.replaceChildren(style, this.list);
  }

  get zoom(): number {
    return this.zoomPercent;
  }

  /** Lays out every page at its size (unrendered), then renders those in view. */
  async build(zoom: number): Promise<void> {
    this.zoomPercent = clampZoom(zoom);
    const doc = this.host.ownerDocument;
    this.sizes = [];
    for (let n = 1; n <= this.doc.numPages; n++) {
      const page = await this.doc.getPage(n);
      const vp = page.getViewport({ scale: 1 });
      this.sizes.push({ w: vp.width, h: vp.height });
    }
    this.slots = this.sizes.map((_, i) => {
      const box = doc.createElement('div');
      box.className = 'page';
      box.dataset.page = String(i + 1);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', this.label(i + 1));
      return { n: i + 1, box, rendered: null, task: null };
    });
    this.list.replaceChildren(...this.slots.map((s) => s.box));
    this.layout();
    this.observer?.disconnect();
    this.observer = new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) void this.render(Number((e.target as HTMLElement).dataset.page));
    }, { rootMargin: '600px 0px' });
    for (const s of this.slots) this.observer.observe(s.box);
  }

  setZoom(zoom: number): void {
    const z = clampZoom(zoom);
    if (z === this.zoomPercent) return;
    const keep = this.currentPage();
    this.zoomPercent = z;
    this.layout();
    for (const s of this.slots) if (s.rendered !== null && s.rendered !== z) void this.render(s.n, true);
    this.scrollToPage(keep);
  }

  /** CSS px per PDF point at this zoom (100 % = the page's printed size at 96 dpi). */
  private get scale(): number {
    return (this.zoomPercent / 100) * (96 / 72);
  }

  private layout(): void {
    for (const s of this.slots) {
      const size = this.sizes[s.n - 1] as { w: number; h: number };
      s.box.style.width = `${Math.floor(size.w * this.scale)}px`;
      s.box.style.height = `${Math.floor(size.h * this.scale)}px`;
    }
  }

  private async render(n: number, force = false): Promise<void> {
    const slot = this.slots[n - 1];
    if (!slot || (!force && slot.rendered === this.zoomPercent)) return;
    slot.task?.cancel();
    slot.rendered = this.zoomPercent;
    const page = await this.doc.getPage(n);
    const viewport = page.getViewport({ scale: this.scale });
    const win = this.host.ownerDocument.defaultView ?? window;
    let ratio = win.devicePixelRatio || 1;
    if (viewport.width * viewport.height * ratio * ratio > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height));
    const doc = this.host.ownerDocument;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.setAttribute('aria-hidden', 'true');
    const text = doc.createElement('div');
    text.className = 'textLayer';
    text.lang = '';
    const task = page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
    slot.task = task;
    const textLayer = new this.pdfjs.TextLayer({ textContentSource: page.streamTextContent({ includeMarkedContent: true }), container: text, viewport });
    try {
      await Promise.all([task.promise, textLayer.render()]);
    } catch (err) {
      if ((err as { name?: string })?.name === 'RenderingCancelledException') return;
      throw err;
    }
    if (slot.rendered !== this.zoomPercent) return; // zoom changed meanwhile: a newer render follows
    text.style.setProperty('--total-scale-factor', String(this.scale));
    text.style.setProperty('--scale-factor', String(this.scale));
    const label = doc.createElement('span');
    label.className = 'label';
    label.setAttribute('aria-hidden', 'true');
    label.textContent = String(n);
    slot.box.replaceChildren(canvas, text, label);
    slot.task = null;
  }

  currentPage(): number {
    const mid = (this.host.ownerDocument.defaultView?.innerHeight ?? 800) / 3;
    for (const s of this.slots) {
      const r = s.box.getBoundingClientRect();
      if (r.bottom > mid) return s.n;
    }
    return this.slots.length || 1;
  }

  scrollToPage(n: number): void {
    this.slots[n - 1]?.box.scrollIntoView({ block: 'start' });
  }

  destroy(): void {
    this.observer?.disconnect();
    for (const s of this.slots) s.task?.cancel();
    this.slots = [];
    this.list.replaceChildren();
  }
}

export function clampZoom(z: number): number {
  if (!Number.isFinite(z)) return 100;
  return Math.min(MAX_ZOOM, Math.max(ZOOM_STEPS[0], Math.round(z)));
}

export function nextZoom(z: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > z) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < z) ?? ZOOM_STEPS[0];
}
