/**
 * The audit as it runs inside an audited page: shared by the extension (injected into every frame)
 * and the CLI (added to each page by Playwright). Expects axe-core's global `axe` to be present.
 */
import type { AxeResults, ElementContext } from 'axe-core';
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

/** Runs axe on this document (and its frames) with kanjian's options; our own UI is excluded. */
export async function runAxe(axe: Axe, options: AuditOptionsInput, doc: Document = document): Promise<AxeResults> {
  prepareAxe(axe);
  const present = KANJIAN_UI_SELECTORS.filter((s) => doc.querySelector(s));
  const context: ElementContext = present.length ? { exclude: present.map((s) => [s]) } : doc;
  return axe.run(context, axeRunOptions(options));
}
