import { markOwnUi } from '../shared/own-ui';
import { isUserInput } from '../shared/trusted';
import { Listeners } from '../shared/listeners';
import { pathOfFrameElement } from './frames';

export type AxeTarget = Array<string | string[]>;

/** What an axe target points at from one document: the element, or the frame of another origin it is inside. */
export interface TargetFound {
  el: Element | null;
  /** A frame this document cannot enter (another origin) holds the rest of the target. */
  frame?: { el: HTMLIFrameElement | HTMLFrameElement; rest: AxeTarget };
}

/**
 * Finds an element from an axe target: a list of selectors, one per frame level, the last one in the
 * innermost document. Same-origin frames are entered; at a frame of another origin the search stops
 * with that frame and the rest of the target (its own kanjian finds the rest, see locateTarget).
 */
export function findTarget(doc: Document, target: AxeTarget): TargetFound {
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
        return { el: found };
      }
      if (!el) return { el: found };
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
      if (!inner) {
        // By name: an element of a same-origin frame's document belongs to another realm (instanceof fails).
        if (found && (found.localName === 'iframe' || found.localName === 'frame')) {
          return { el: found, frame: { el: found as HTMLIFrameElement | HTMLFrameElement, rest: target.slice(i + 1) } };
        }
        return { el: found };
      }
      current = inner;
    }
  }
  return { el: found };
}

/** The element an axe target points at, or for a frame of another origin, that frame. */
export function resolveTarget(doc: Document, target: AxeTarget): Element | null {
  return findTarget(doc, target).el;
}

/**
 * 在页面中定位 in this document: scrolls to the finding and outlines it; a finding inside a frame of
 * another origin is handed to that frame's kanjian (found by its place among the frames, through the
 * background: never through the page), after the frame itself is scrolled into view.
 */
export async function locateTarget(
  win: Window,
  highlighter: TargetHighlighter,
  target: AxeTarget,
  toFrame: (path: number[], rest: AxeTarget) => Promise<unknown>,
): Promise<{ found: boolean }> {
  const hit = target.length ? findTarget(win.document, target) : { el: null };
  if (!hit.el) return { found: false };
  const frame = hit.frame;
  // The frame may sit inside same-origin frames: its path is counted from its own parent.
  const path = frame ? pathOfFrameElement(frame.el) : null;
  if (!frame || !path) {
    highlighter.show(hit.el);
    return { found: true };
  }
  highlighter.clear();
  frame.el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
  try {
    const answer = (await toFrame(path, frame.rest)) as { found?: unknown } | null;
    if (answer?.found === true) return { found: true };
  } catch {
    // No kanjian in that frame (it has not started, or is not a page we run in).
  }
  highlighter.show(frame.el); // the frame is the best we can point at
  return { found: true };
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
