// Runs kanjian's axe rules in a plain Chromium page (no extension): axe.min.js plus an esbuild bundle
// of src/audit/rules, injected into every frame, the way the extension and the CLI register them.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import { REPO_ROOT } from '../support/server.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

let bundle: Promise<string> | undefined;

/** src/audit/rules bundled as a script that registers every kanjian rule with the frame's axe. */
export function rulesBundle(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents:
        "import { kanjianProfile } from './src/audit/rules/index';\n" +
        'const axe = (globalThis as unknown as { axe: typeof import("axe-core") }).axe;\n' +
        'axe.configure({ rules: kanjianProfile.rules, checks: kanjianProfile.checks });\n' +
        'Object.assign(globalThis, { __kanjianRulesRegistered: true });\n',
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundle;
}

export interface Finding {
  rule: string;
  group: 'violations' | 'incomplete';
  /** data-expect of the element, in the rule fixtures. */
  expect: string | null;
  html: string;
  message: string;
  frame: string;
}

async function prepareFrame(frame: Frame): Promise<boolean> {
  try {
    const has = await frame.evaluate(() => {
      const w = window as unknown as { axe?: unknown; __kanjianRulesRegistered?: boolean };
      return { axe: typeof w.axe === 'object', rules: w.__kanjianRulesRegistered === true };
    });
    if (!has.axe) await frame.addScriptTag({ path: AXE_PATH });
    if (!has.rules) await frame.addScriptTag({ content: await rulesBundle() });
    return true;
  } catch {
    return false; // a frame that went away or refuses scripts
  }
}

/**
 * Runs the given rules in every frame of the page (each frame on its own, as axe.run with iframes:
 * false), returning violations and needs-review nodes.
 */
export async function runRules(page: Page, ids: readonly string[]): Promise<Finding[]> {
  const out: Finding[] = [];
  for (const frame of page.frames()) {
    if (!(await prepareFrame(frame))) continue;
    const found = await frame.evaluate(async (ruleIds) => {
      type NodeLike = { html: string; element?: Element; any: { message: string }[]; all: { message: string }[]; none: { message: string }[] };
      type ResultLike = { id: string; nodes: NodeLike[] };
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<Record<'violations' | 'incomplete', ResultLike[]>> } }).axe;
      const res = await axe.run(document, {
        runOnly: { type: 'rule', values: ruleIds },
        elementRef: true,
        iframes: false,
        resultTypes: ['violations', 'incomplete'],
      });
      const rows: Array<{ rule: string; group: 'violations' | 'incomplete'; expect: string | null; html: string; message: string }> = [];
      for (const group of ['violations', 'incomplete'] as const) {
        for (const r of res[group]) {
          for (const n of r.nodes) {
            rows.push({
              rule: r.id,
              group,
              expect: n.element?.getAttribute?.('data-expect') ?? null,
              html: n.html.replace(/\s+/g, ' ').slice(0, 160),
              message: [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' | '),
            });
          }
        }
      }
      return rows;
    }, [...ids]).catch((e: Error) => [{ rule: 'error', group: 'violations' as const, expect: null, html: '', message: e.message }]);
    for (const f of found) out.push({ ...f, frame: frame.url() });
  }
  return out;
}

/** Runs axe-core's own rules for the given tags (no kanjian rules) in every frame. */
export async function runAxeTags(page: Page, tags: readonly string[]): Promise<Array<{ rule: string; group: 'violations' | 'incomplete'; tags: string[] }>> {
  const out: Array<{ rule: string; group: 'violations' | 'incomplete'; tags: string[] }> = [];
  for (const frame of page.frames()) {
    if (!(await prepareFrame(frame))) continue;
    const found = await frame.evaluate(async (values) => {
      type ResultLike = { id: string; tags: string[]; nodes: unknown[] };
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<Record<'violations' | 'incomplete', ResultLike[]>> } }).axe;
      const res = await axe.run(document, { runOnly: { type: 'tag', values }, iframes: false, resultTypes: ['violations', 'incomplete'] });
      return (['violations', 'incomplete'] as const).flatMap((group) =>
        res[group].filter((r) => !r.id.startsWith('kanjian-')).map((r) => ({ rule: r.id, group, tags: r.tags })),
      );
    }, [...tags]).catch(() => []);
    out.push(...found);
  }
  return out;
}

/** Adds axe and the rules to every document the context loads (faster than injecting per page). */
export async function preloadRules(context: BrowserContext): Promise<void> {
  await context.addInitScript({ path: AXE_PATH });
  await context.addInitScript({ content: await rulesBundle() });
}
