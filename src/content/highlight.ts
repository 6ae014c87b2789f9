import { markOwnUi } from '../shared/own-ui';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';

/**
 * Finds an element from an axe target: a list of selectors, one per frame level, the last one in the
 * innermost document. Same-origin frames are entered; for a cross-origin frame the frame itself is
 * the best we can point at from here.
 */
export function resolveTarget(doc: Document, target: Array<string | string[]>): Element | null {
  let current: Document = doc;
  let found: Element | null = null;
  for (let i = 0; i < target.length; i++) {
    const part = target[i]!;
    const selectors = Array.isArray(part) ? part : [part];
    // A shadow-DOM target is a list of selectors, host first.
    let scope: Document | ShadowRoot = current;
    for (const sel of selectors) {
      let el: Element | null = null;
      try {
        el = scope.querySelector(sel);
      } catch {
        return found;
      }
      if (!el) return found;
      found = el;
      if (el.shadowRoot) scope = el.shadowRoot;
    }
    if (i < target.length - 1) {
      const frame = found as HTMLIFrameElement | null;
      let inner: Document | null = null;
      try {
        inner = frame?.contentDocument ?? null;
      } catch {
        inner = null;
      }
      if (!inner) return found; // cross-origin: point at the frame
      current = inner;
    }
  }
  return found;
}

/**
 * Scrolls an element into view and outlines it with a box in our own shadow root (the page's
 * styles are never changed). The box follows scrolling and disappears after a while or on Esc.
 */
export class TargetHighlighter {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;
  private target: Element | null = null;
  private timer = 0;
  private readonly listeners = new Listeners();
  private readonly reposition = (): void => this.place();
  private readonly onKey = (e: KeyboardEvent): void => {
    if (isUserInput(e) && e.key === 'Escape') this.clear();
  };

  constructor(private readonly doc: Document) {}

  show(el: Element): void {
    this.clear();
    this.target = el;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
    const host = this.doc.createElement('kanjian-highlight');
    markOwnUi(host);
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = ':host{all:initial!important}.box{position:fixed;z-index:2147483646;pointer-events:none;outline:4px solid #d6001c;outline-offset:2px;box-shadow:0 0 0 8px rgba(255,209,102,.85);border-radius:2px}';
    const box = this.doc.createElement('div');
    box.className = 'box';
    box.setAttribute('role', 'presentation');
    root.append(style, box);
    this.doc.documentElement.append(host);
    this.host = host;
    this.box = box;
    this.place();
    const win = this.doc.defaultView;
    if (win) {
      this.listeners.on(win, 'scroll', this.reposition, { capture: true });
      this.listeners.on(win, 'resize', this.reposition);
    }
    this.listeners.on(this.doc, 'keydown', this.onKey, { capture: true });
    this.timer = win?.setTimeout(() => this.clear(), 15000) ?? 0;
  }

  private place(): void {
    if (!this.box || !this.target) return;
    const r = this.target.getBoundingClientRect();
    Object.assign(this.box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${Math.max(r.width, 4)}px`, height: `${Math.max(r.height, 4)}px` });
  }

  get outlined(): Element | null {
    return this.host ? this.target : null;
  }

  clear(): void {
    const win = this.doc.defaultView;
    this.listeners.off();
    if (this.timer) win?.clearTimeout(this.timer);
    this.timer = 0;
    this.host?.remove();
    this.host = null;
    this.box = null;
    this.target = null;
  }
}
