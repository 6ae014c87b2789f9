/**
 * The audit as it runs inside an audited page: shared by the extension (injected into every frame)
 * and the CLI (added to each page by Playwright). Expects axe-core's global `axe` to be present.
 */
import type { AxeResults, ElementContext, RunOptions } from 'axe-core';
import { axeRunOptions, type AuditOptionsInput } from '../options';
import { elderlyProfile } from '../rules/index';

type Axe = typeof import('axe-core');

const REGISTERED = Symbol.for('kanjian.audit.registered');

/**
 * Prepares axe in this frame: kanjian's 适老化 rules (a child frame runs rules with its own
 * configuration, so every frame registers them) and frame messaging across origins, so the top
 * frame's run covers cross-origin iframes too.
 */
export function prepareAxe(axe: Axe): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[REGISTERED] === axe) return;
  axe.configure({ ...elderlyProfile, allowedOrigins: ['<unsafe_all_origins>'] });
  g[REGISTERED] = axe;
}

/** Selectors for kanjian's own UI: never part of the audited page. */
export const KANJIAN_UI_SELECTORS = ['kanjian-toolbar', '[data-kanjian-ui]'];

/**
 * Runs axe on this document (and its frames) with kanjian's options; our own UI is excluded.
 * `extra` adds axe run options that are not audit settings (the CLI asks for elementRef).
 */
export async function runAxe(axe: Axe, options: AuditOptionsInput, doc: Document = document, extra: RunOptions = {}): Promise<AxeResults> {
  prepareAxe(axe);
  const present = KANJIAN_UI_SELECTORS.filter((s) => doc.querySelector(s));
  const inert = inertRefreshes(doc);
  const exclude: Array<string[] | Element> = [...present.map((s) => [s]), ...inert];
  const context: ElementContext = exclude.length ? ({ exclude } as ElementContext) : doc;
  return axe.run(context, { ...axeRunOptions(options), ...extra });
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
