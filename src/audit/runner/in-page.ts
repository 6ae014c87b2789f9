/**
 * The audit as it runs inside an audited page: shared by the extension (injected into every frame)
 * and the CLI (added to each page by Playwright). Expects axe-core's global `axe` to be present.
 */
import type { AxeResults, ElementContext, PartialResult, RunOptions } from 'axe-core';
import { axeRunOptions, type AuditOptionsInput } from '../options';
import { elderlyProfile } from '../rules/index';

type Axe = typeof import('axe-core');

const REGISTERED = Symbol.for('kanjian.audit.registered');

/** A frame messenger that carries nothing: every frame is audited on its own (runPartial). */
const NO_FRAME_MESSAGING = { open: () => () => undefined, post: () => false };

/**
 * Prepares axe in this frame: kanjian's custom rules (a child frame runs rules with its own
 * configuration, so every frame registers them), and no frame messaging at all. axe's own messenger
 * answers requests posted through the page's window and posts results back the same way, so a page
 * embedding another site's frame could read that frame's content; kanjian gathers each frame's
 * results through the extension instead (axe.runPartial in every frame, axe.finishRun outside).
 */
export function prepareAxe(axe: Axe): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[REGISTERED] === axe) return;
  axe.configure({ ...elderlyProfile });
  axe.frameMessenger(NO_FRAME_MESSAGING);
  g[REGISTERED] = axe;
}

/**
 * The audited part of this document: everything but the given elements (kanjian's own, known by
 * reference — never by a marker a page could write) and meta refreshes the browser ignores.
 */
export function auditContext(doc: Document, own: readonly Element[] = [], frameContext?: FrameContextSpec): ElementContext {
  const exclude: unknown[] = [...(frameContext?.exclude ?? []), ...own, ...inertRefreshes(doc)];
  if (frameContext) return { ...frameContext, exclude } as unknown as ElementContext;
  return exclude.length ? ({ exclude } as unknown as ElementContext) : doc;
}

/**
 * Runs axe on this document (and, through axe's frame messaging, its frames) with kanjian's options.
 * `own` lists kanjian's own elements to leave out; `extra` adds axe run options that are not audit
 * settings (the CLI asks for elementRef).
 */
export async function runAxe(axe: Axe, options: AuditOptionsInput, doc: Document = document, extra: RunOptions = {}, own: readonly Element[] = []): Promise<AxeResults> {
  prepareAxe(axe);
  return axe.run(auditContext(doc, own), { ...axeRunOptions(options), ...extra });
}

/** What a parent frame tells axe about one of its child frames (axe.utils.getFrameContexts). */
export interface FrameContextSpec {
  include?: unknown[];
  exclude?: unknown[];
  initiator?: boolean;
  focusable?: boolean;
  size?: { width?: number; height?: number };
  page?: boolean;
}

/** One frame's share of an audit: its partial result and the frames it contains, in axe's order. */
export interface FramePartial {
  partial: PartialResult;
  /** Child frames in the order axe lists them, each with the context axe gives it. */
  children: Array<{ frame: Element; context: FrameContextSpec }>;
}

/**
 * axe.runPartial in this frame only. The top frame passes no frameContext; a child frame gets the one
 * its parent computed for it (initiator, focusability, size), passed along by the extension.
 */
export async function runPartialAxe(
  axe: Axe,
  options: AuditOptionsInput,
  frameContext: FrameContextSpec | null,
  own: readonly Element[] = [],
  doc: Document = document,
): Promise<FramePartial> {
  prepareAxe(axe);
  const runOptions = axeRunOptions(options);
  const context = auditContext(doc, own, frameContext ?? undefined);
  // Before runPartial: it tears axe's tree down when done. A document with no frames at all (most
  // pages) skips the second walk of the tree that listing frames costs.
  const hasFrames = (doc.defaultView?.length ?? 0) > 0;
  const children = (hasFrames ? axe.utils.getFrameContexts(context, runOptions) : []).flatMap(({ frameSelector, frameContext: child }) => {
    const frame = axe.utils.shadowSelect(frameSelector);
    return frame ? [{ frame, context: child as FrameContextSpec }] : [];
  });
  const partial = await axe.runPartial(context, runOptions);
  return { partial, children };
}

/** Puts the frame partials (top first, then depth-first in document order; null for a frame that could not run) together. */
export async function finishAxe(axe: Axe, partials: ReadonlyArray<PartialResult | null>, options: AuditOptionsInput): Promise<AxeResults> {
  prepareAxe(axe);
  return axe.finishRun(partials as PartialResult[], axeRunOptions(options));
}

/** Takes axe out of this frame again after an audit. */
export function teardownAxe(axe: Axe): void {
  try {
    axe.teardown();
  } catch {
    // Nothing was set up.
  }
}

/**
 * Meta refresh elements the browser ignores: only the first one whose content parses takes effect
 * (HTML's "will declaratively refresh"), so later ones never refresh anything and are not audited
 * (axe's meta-refresh rule would judge each; ACT judges the first, as browsers do).
 */
export function inertRefreshes(doc: Document): Element[] {
  const metas = Array.from(doc.querySelectorAll('meta[http-equiv="refresh" i][content]'));
  const first = metas.findIndex((m) => refreshParses(m.getAttribute('content') ?? ''));
  return first < 0 ? [] : metas.slice(first + 1);
}

/** Whether a meta refresh's content parses (HTML "shared declarative refresh steps", steps 1–10.1). */
export function refreshParses(content: string): boolean {
  const m = /^[\t\n\f\r ]*([0-9]*)([0-9.]*)([\s\S]*)$/.exec(content)!;
  if (!m[1] && !m[2]!.startsWith('.')) return false;
  return m[3] === '' || /^[;,\t\n\f\r ]/.test(m[3]!);
}
