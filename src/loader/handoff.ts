/**
 * How the document_start loader and the on-demand page bundle meet. Both run in the extension's
 * isolated world of the same frame, so they share its globals, which the page cannot see or set.
 * Nothing here is reachable from the page: no DOM attribute, no window message, no page event.
 */

/** Set by the page bundle when it starts: it is in this frame (injected, or registered for the site). */
export const PAGE_UI_FLAG = '__kanjianPageUi';
/** Left by the loader for the page bundle: what the user asked for and the launcher to take over. */
export const HANDOFF_KEY = '__kanjianLoaderHandoff';

export interface LoaderHandoff {
  /** The user pressed the launcher: open the toolbar and put the focus in it. */
  open: boolean;
  /** The loader's launcher host, removed once the toolbar has its own. */
  host: Element | null;
  /**
   * The loader stops following settings (the bundle follows them from now on). A press of the
   * loader's launcher after this (the bundle came ahead of the click and has not yet put up its
   * own) calls `pressed`.
   */
  stop(pressed: () => void): void;
}

type Globals = Record<string, unknown>;

export function pageUiPresent(): boolean {
  return (globalThis as Globals)[PAGE_UI_FLAG] === true;
}

export function markPageUiPresent(): void {
  (globalThis as Globals)[PAGE_UI_FLAG] = true;
}

export function leaveHandoff(h: LoaderHandoff): void {
  (globalThis as Globals)[HANDOFF_KEY] = h;
}

/** The loader's handoff, once (null where the bundle was registered for the site and came first). */
export function takeHandoff(): LoaderHandoff | null {
  const g = globalThis as Globals;
  const h = (g[HANDOFF_KEY] as LoaderHandoff | undefined) ?? null;
  delete g[HANDOFF_KEY];
  return h;
}

/**
 * The loader's messages to the background. Plain runtime messages (not the typed protocol) so the
 * loader carries no messaging library. Only content scripts and extension pages can send runtime
 * messages; the background answers for the sender's own tab and frame only, never one a message names.
 *
 * - `page-ui`: inject the page bundle into the sender's own frame (the user pressed its launcher, or
 *   the site has something on); in a frame below the top, into the top frame too.
 * - `frame-hello`: a frame below the top asks whether anything is on for the tab's top-level site
 *   (then the background injects the bundle into it) and whether it carries the launcher (a frameset's
 *   largest content frame).
 */
export interface PageUiRequest {
  kanjian: 'page-ui';
}
export const PAGE_UI_REQUEST: PageUiRequest = { kanjian: 'page-ui' };

export function isPageUiRequest(m: unknown): m is PageUiRequest {
  return !!m && typeof m === 'object' && (m as { kanjian?: unknown }).kanjian === 'page-ui';
}

export interface LoaderHelloRequest {
  kanjian: 'frame-hello';
  /** This frame's index in the top window's `frames` when its parent is the top, else null. */
  indexInTop: number | null;
}

export function isLoaderHello(m: unknown): m is LoaderHelloRequest {
  if (!m || typeof m !== 'object') return false;
  const { kanjian, indexInTop } = m as { kanjian?: unknown; indexInTop?: unknown };
  return kanjian === 'frame-hello' && (indexInTop === null || (typeof indexInTop === 'number' && Number.isInteger(indexInTop) && indexInTop >= 0));
}

/** The background's answer to a frame's hello. */
export interface LoaderHelloAnswer {
  /** The top-level page's site, whose settings every frame of the tab follows. */
  siteKey: string | null;
  /** This frame carries the toolbar and launcher (the top document is a frameset and this is its main frame). */
  ui: boolean;
  /** Something is on for the site: the bundle is on its way into this frame. */
  on: boolean;
}

export function parseHelloAnswer(raw: unknown): LoaderHelloAnswer | null {
  if (!raw || typeof raw !== 'object') return null;
  const a = raw as Record<string, unknown>;
  return { siteKey: typeof a.siteKey === 'string' ? a.siteKey : null, ui: a.ui === true, on: a.on === true };
}

/** The page bundle's file (not web-accessible: only the background injects it). */
export const PAGE_UI_FILE = '/page-ui.js';
