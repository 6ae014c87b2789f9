/**
 * The audit's entry point inside one frame, in the extension's isolated world: the background calls
 * `runFrameAudit` there (scripting.executeScript / tabs.executeScript with a frameId) and gets back
 * structured data over the extension's own channel. Nothing here is reachable from the page's world.
 */
import type { AxeResults, DqElement, PartialResult, SerialDqElement } from 'axe-core';
import type { AuditOptionsInput } from '../options';
import { isOwnUi, ownUiIn } from '../../shared/own-ui';
import { deepActiveElement } from '../keyboard/focus-order';
import { createKeyboardApi } from '../keyboard/page-api';
import type { WalkOptions, WalkResult } from '../keyboard/types';
import { emulatedDriver, walkKeyboard } from '../keyboard/walk';
import { finishAxe, prepareAxe, runPartialAxe, teardownAxe, type FrameContextSpec } from './in-page';

type Axe = typeof import('axe-core');

export const FRAME_API = Symbol.for('kanjian.audit.frame');

/**
 * Where a frame sits: its index among its parent's frames (window.frames), then the parent's among
 * the grandparent's, from the top. Both sides can compute it across origins (a frame's WindowProxy can
 * be compared with its parent's `frames[i]`), so frames are matched to their iframe elements without
 * any message through the page. Chrome has no runtime.getFrameId for this; Firefox does, and gives it.
 */
export type FramePath = number[];

export interface FrameIdentity {
  path: FramePath;
  /** runtime.getFrameId(window) where the browser has it (Firefox), else -1. */
  frameId: number;
}

/** What one frame sends back: its partial result and its child frames with the context axe gives each. */
export type FrameAuditReply =
  | { frameId: number; partial: PartialResult; children: Array<{ path: FramePath; context: FrameContextSpec }> }
  | { frameId: number; error: string };

/** The keyboard walk of the top frame, and whether the page had focus (else :focus styles never show). */
export type FrameKeyboardReply = { walk: WalkResult; focused: boolean } | { error: string };

export interface FrameAuditApi {
  identify(): FrameIdentity;
  run(options: AuditOptionsInput, frameContext: FrameContextSpec | null): Promise<FrameAuditReply>;
  keyboard(options: Partial<WalkOptions>): Promise<FrameKeyboardReply>;
  /**
   * axe.finishRun over this frame's own partial result, for a page with no frames: the results are
   * then this document's alone, and axe is already loaded here (the report page need not load it).
   */
  finishOwn(partial: PartialResult, options: AuditOptionsInput): Promise<AxeResults | { error: string }>;
  teardown(): void;
}

/**
 * The keyboard walk in this document with keys emulated (an extension cannot press keys), kanjian's
 * own UI left out. Returns the reply and a function that puts focus and the scroll position back as
 * the person left them: called at once, and again when the audit is over (the element they were on
 * may be kanjian's toolbar, hidden until the aids come back).
 */
export async function walkThisDocument(options: Partial<WalkOptions>): Promise<{ reply: FrameKeyboardReply; restore: () => void }> {
  const before = deepActiveElement(document) as HTMLElement | null;
  const scroll = { x: window.scrollX, y: window.scrollY };
  const restore = (): void => {
    try {
      if (before?.isConnected) {
        if (deepActiveElement(document) !== before) before.focus({ preventScroll: true });
      } else (deepActiveElement(document) as HTMLElement | null)?.blur?.();
      window.scrollTo(scroll.x, scroll.y);
    } catch {
      // The page took its elements away meanwhile.
    }
  };
  let reply: FrameKeyboardReply;
  try {
    const walk = await walkKeyboard(emulatedDriver(createKeyboardApi(document, { skip: (el) => isOwnUi(el) })), options);
    reply = { walk, focused: document.hasFocus() };
  } catch (err) {
    reply = { error: err instanceof Error ? err.message : String(err) };
  }
  restore();
  return { reply, restore };
}

/**
 * runPartial serialises every node it looked at, passed ones included, and by default works out three
 * locators for each (CSS selector, ancestry, XPath). kanjian's report uses the selector only, so the
 * other two are left as axe's own "not asked for" values: a third less work on a typical page.
 */
function leanNodeSpecs(axe: Axe): void {
  axe.utils.nodeSerializer.update<SerialDqElement>({
    toSpec: (dq: DqElement) => ({
      selector: dq.selector,
      source: dq.source,
      nodeIndexes: dq.nodeIndexes,
      xpath: ['/'],
      ancestry: [':root'],
      fromFrame: (dq as DqElement & { fromFrame?: boolean }).fromFrame,
    }) as SerialDqElement,
    mergeSpecs: (child, parent) => axe.utils.DqElement.mergeSpecs(child, parent),
  });
}

/** This frame's path from the top window. */
export function framePathOf(win: Window): FramePath {
  const path: FramePath = [];
  let w = win;
  for (let depth = 0; depth < 64 && w.parent !== w; depth++) {
    const parent = w.parent;
    path.unshift(indexAmongFrames(parent, w));
    w = parent;
  }
  return path;
}

function indexAmongFrames(parent: Window, child: Window | null): number {
  if (!child) return -1;
  for (let i = 0; i < parent.length; i++) if (parent[i] === child) return i;
  return -1;
}

/** Installs the frame API on this world's global (non-enumerable, not writable). */
export function installFrameAudit(frameIdOf?: (target: Window) => number): void {
  const axe = (globalThis as unknown as { axe?: Axe }).axe;
  if (!axe) return;
  prepareAxe(axe);
  leanNodeSpecs(axe);
  const frameId = (): number => {
    try {
      return frameIdOf?.(window) ?? -1;
    } catch {
      return -1;
    }
  };
  let restoreFocus: (() => void) | null = null;
  const api: FrameAuditApi = {
    identify: () => ({ path: framePathOf(window), frameId: frameId() }),
    async run(options, frameContext) {
      const self = frameId();
      try {
        const own = framePathOf(window);
        const { partial, children } = await runPartialAxe(axe, options, frameContext, ownUiIn(document));
        return {
          frameId: self,
          partial, // axe hands it over serialised already (no element references)
          children: children.map(({ frame, context }) => ({
            path: [...own, indexAmongFrames(window, (frame as HTMLIFrameElement).contentWindow)],
            context: JSON.parse(JSON.stringify(context)) as FrameContextSpec,
          })),
        };
      } catch (err) {
        return { frameId: self, error: err instanceof Error ? err.message : String(err) };
      }
    },
    async keyboard(options) {
      const { reply, restore } = await walkThisDocument(options);
      restoreFocus = restore;
      return reply;
    },
    async finishOwn(partial, options) {
      try {
        return JSON.parse(JSON.stringify(await finishAxe(axe, [partial], options))) as AxeResults;
      } catch (err) {
        return { error: err instanceof Error ? err.message : String(err) };
      }
    },
    teardown() {
      restoreFocus?.();
      restoreFocus = null;
      teardownAxe(axe);
      const g = globalThis as unknown as Record<string | symbol, unknown>;
      delete g[FRAME_API];
      try {
        delete g['axe'];
      } catch {
        // axe.min.js declared a global `var`, which cannot be deleted: drop the reference instead.
        g['axe'] = undefined;
      }
    },
  };
  Object.defineProperty(globalThis, FRAME_API, { value: api, configurable: true, enumerable: false, writable: false });
}

/**
 * Runs in the frame, called by the background with executeScript: must be self-contained (it is
 * serialised), so it finds the API by its registered symbol.
 */
export function callFrameAudit(options: AuditOptionsInput, frameContext: FrameContextSpec | null): Promise<FrameAuditReply> | FrameAuditReply {
  const api = (globalThis as unknown as Record<symbol, FrameAuditApi | undefined>)[Symbol.for('kanjian.audit.frame')];
  if (!api) return { frameId: -1, error: 'axe-core was not injected into this frame' };
  return api.run(options, frameContext);
}

export function callFrameIdentify(): FrameIdentity | null {
  const api = (globalThis as unknown as Record<symbol, FrameAuditApi | undefined>)[Symbol.for('kanjian.audit.frame')];
  return api ? api.identify() : null;
}

export function callFrameTeardown(): void {
  const api = (globalThis as unknown as Record<symbol, FrameAuditApi | undefined>)[Symbol.for('kanjian.audit.frame')];
  api?.teardown();
}

export function callFrameKeyboard(options: Partial<WalkOptions>): Promise<FrameKeyboardReply> | FrameKeyboardReply {
  const api = (globalThis as unknown as Record<symbol, FrameAuditApi | undefined>)[Symbol.for('kanjian.audit.frame')];
  if (!api) return { error: 'the audit script was not injected into this frame' };
  return api.keyboard(options);
}

export function callFrameFinishOwn(partial: PartialResult, options: AuditOptionsInput): Promise<AxeResults | { error: string }> | { error: string } {
  const api = (globalThis as unknown as Record<symbol, FrameAuditApi | undefined>)[Symbol.for('kanjian.audit.frame')];
  if (!api) return { error: 'the audit script was not injected into this frame' };
  return api.finishOwn(partial, options);
}
