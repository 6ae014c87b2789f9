/**
 * The frame model: kanjian runs in every frame of a tab, and the tab has one state, one toolbar.
 *
 * - The top frame shows the toolbar and the launcher; a frameset page has no body, so there the
 *   frameset's largest content frame shows them instead (the background asks the top document, see
 *   background/frames.ts `frameCarriesToolbar`).
 * - Every other frame follows the settings of the top-level site (told by the background, from the
 *   tab's URL, never by the page), with no toolbar, no launcher and no dictionary until something is on.
 * - Frames talk to each other only through the background (`frameRelay`), never through the page's
 *   `postMessage`, so a page can neither forge nor overhear them.
 */

/** Waits until the document is parsed (its body, or frameset, exists and frames have their sizes). */
export function whenParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((r) => doc.addEventListener('DOMContentLoaded', () => r(), { once: true }));
}

export function isFramesetDocument(doc: Document): boolean {
  return doc.body?.localName === 'frameset';
}

/** This frame's index in the top window's `frames` when its parent is the top (works across origins), else null. */
export function indexInTop(win: Window): number | null {
  try {
    if (win.parent !== win.top || win.parent === win) return null;
    const siblings = win.parent.frames;
    for (let i = 0; i < siblings.length; i++) if (siblings[i] === win) return i;
  } catch {
    // A window we may not compare with: not ours to show the toolbar.
  }
  return null;
}

/**
 * This frame's place in the tab: its index in each parent's `window.frames`, from the top down ([] in
 * the top frame), or null where a parent cannot be compared with. Indexes and `parent` are readable
 * across origins, and a page cannot change what they say about windows.
 */
export function framePath(win: Window): number[] | null {
  const path: number[] = [];
  try {
    for (let w = win; w !== w.parent; w = w.parent) {
      const siblings = w.parent.frames;
      let index = -1;
      for (let i = 0; i < siblings.length; i++) if (siblings[i] === w) index = i;
      if (index < 0) return null;
      path.unshift(index);
    }
  } catch {
    return null;
  }
  return path;
}

/** The `<iframe>` or `<frame>` of this document showing `window.frames[index]`, or null. */
export function frameElementAt(doc: Document, win: Window, index: number): HTMLIFrameElement | HTMLFrameElement | null {
  const child = win.frames[index];
  if (!child) return null;
  for (const el of doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) if (el.contentWindow === child) return el;
  return null;
}

/** The path (see framePath) of the frame an `<iframe>` or `<frame>` element shows, or null. */
export function pathOfFrameElement(el: Element): number[] | null {
  const child = (el as HTMLIFrameElement).contentWindow ?? null;
  const parentWin = el.ownerDocument.defaultView;
  if (!child || !parentWin) return null;
  const own = framePath(parentWin);
  if (!own) return null;
  for (let i = 0; i < parentWin.frames.length; i++) if (parentWin.frames[i] === child) return [...own, i];
  return null;
}

/** What the audit asks of every frame's kanjian (found in the extension's own world of each frame). */
export interface FrameControl {
  suspend(): Promise<void>;
  resume(): Promise<void>;
}

const CONTROL = Symbol.for('kanjian.frame.control');

/**
 * Registers this frame's controller for the background's audit (executeScript into every frame runs in
 * this same isolated world; the page's own world has another global and cannot reach it).
 */
export function registerFrameControl(control: FrameControl | null): void {
  (globalThis as unknown as Record<symbol, FrameControl | null>)[CONTROL] = control;
}

/** Injected by the background into every frame (self-contained: it is serialised). */
export async function callFrameSuspend(): Promise<boolean> {
  const c = (globalThis as unknown as Record<symbol, FrameControl | null | undefined>)[Symbol.for('kanjian.frame.control')];
  if (!c) return false;
  await c.suspend();
  return true;
}

export async function callFrameResume(): Promise<boolean> {
  const c = (globalThis as unknown as Record<symbol, FrameControl | null | undefined>)[Symbol.for('kanjian.frame.control')];
  if (!c) return false;
  await c.resume();
  return true;
}
