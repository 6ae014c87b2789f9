/**
 * Audits a list of pages in one browser, `concurrency` pages at a time: load, stop further
 * navigation (meta refresh), run axe (already in the page: an init script), then re-run it with each
 * requested transform applied. Turns each page into a PageInput for buildReport; a page that cannot
 * be audited (unreachable, HTTP error, not HTML, timeout, crashed tab) becomes a failed page and the
 * run goes on. Optionally follows links (--crawl).
 */
import { linkedPdfChecks } from './linked-pdfs';
import { withPdfResults } from '../../audit/pdf/results';
import type { AxeResults } from 'axe-core';
import type { AuditOptionsInput } from '../../audit/options';
import { keyboardPathOf, withKeyboardResults } from '../../audit/keyboard/to-axe';
import { keyboardRulesFor } from '../../audit/keyboard/select';
import type { WalkResult } from '../../audit/keyboard/types';
import type { AxeResultsLike, PageInput } from '../../audit/model';
import { hash64 } from '../../audit/fingerprint';
import type { Converter } from '../../convert/engine/create-converter';
import { loadConverterNode } from '../../convert/engine/node-loader';
import type { SchemeId } from '../../display/schemes';
import type { TransformSpec } from './page';
import { SCRIPT_RULE_IDS, ZOOM_RULE_IDS } from './transform-rules';
import type { Driver, DriverPage } from './driver';
import { runSteps, StepFailure, type Step } from './steps';
import { auditTree, auditTreeTransformed, checkStringArray, PageReplyError, type FrameRealm } from './frames';

export const TRANSFORMS = ['zoom200', 'contrast', 'traditional'] as const;
export type TransformName = (typeof TRANSFORMS)[number];

export interface Target {
  /** What the browser loads. */
  url: string;
  /** What the report calls the page (a local file's path relative to the working directory). */
  display: string;
  /** Per-page rule ids (runOnly), from the config file. */
  rules?: string[];
  /** The config's steps for this page: what is done before and between its (named) audits. */
  steps?: Step[];
  /** Crawl depth of this page (0: given). */
  depth?: number;
}

export interface CrawlPlan {
  depth: number;
  sameOrigin: boolean;
  maxPages: number;
  /** Maps a discovered URL to a Target (e.g. a local server URL back to its file path), or null to skip. */
  toTarget(url: string, depth: number): Target | null;
}

export interface RunPlan {
  targets: Target[];
  options: AuditOptionsInput;
  transforms: readonly TransformName[];
  /** Scheme used by the contrast transform. */
  contrastScheme: SchemeId;
  concurrency: number;
  /** Per page: navigation plus all its audits. */
  timeoutMs: number;
  /** Walk each page with Tab after its axe run (--no-keyboard: false). */
  keyboard?: boolean;
  crawl?: CrawlPlan;
  /** With a crawl, pages are assigned to shards by a hash of their name; others are only visited for links. */
  shard?: { index: number; total: number };
  /** After each audit of a page (or of a state reached by steps): e.g. its screenshots. Never fails the page. */
  afterAudit?(page: DriverPage, input: PageInput): Promise<void>;
  /** Scrubs secret values (session.ts) from a step's error message. */
  redact?(text: string): string;
}

export interface PageDone {
  input: PageInput;
  target: Target;
  violations: number;
  /** Pages known so far (grows while crawling). */
  total: number;
  done: number;
}

export interface RunHooks {
  onPageDone?(p: PageDone): void;
  signal?: AbortSignal;
}

export interface RunOutcome {
  pages: PageInput[];
  /** Pages not audited because the run was interrupted. */
  interrupted: number;
}

class PageFailure extends Error {}

function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  // Playwright appends a call log; the first line says what happened.
  return m.split('\n')[0]!.replace(/^(page|frame)\.(goto|evaluate): /, '').trim();
}

/** Whether a content type is one axe can audit (HTML or XHTML). */
export function isHtmlType(contentType: string | null): boolean {
  if (!contentType) return true; // no response headers (about:, data:, file:)
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  return t === 'text/html' || t === 'application/xhtml+xml';
}

/** Shard membership for crawled pages: stable whatever order pages are found in. */
export function shardOf(name: string, total: number): number {
  return parseInt(hash64(name).slice(0, 8), 16) % total;
}

const converters = new Map<string, Converter>();
function converterFor(from: 'cn' | 'tw', to: 'cn' | 'tw'): Converter {
  const key = `${from}-${to}`;
  let c = converters.get(key);
  if (!c) {
    c = loadConverterNode(from, to);
    converters.set(key, c);
  }
  return c;
}

/** axe's results after the trip out of the page (plain JSON), as the report model's input type. */
function asResults(r: AxeResults): AxeResultsLike {
  return r as unknown as AxeResultsLike;
}

async function auditPage(page: DriverPage, target: Target, plan: RunPlan, wantLinks: boolean): Promise<{ inputs: PageInput[]; links: string[] }> {
  let nav;
  try {
    nav = await page.goto(target.url, plan.timeoutMs);
  } catch (e) {
    throw new PageFailure(errorMessage(e));
  }
  if (nav.status !== null && nav.status >= 400) throw new PageFailure(`HTTP ${nav.status}`);
  if (!isHtmlType(nav.contentType)) throw new PageFailure(`not HTML (${nav.contentType ?? 'no content type'}) / 不是 HTML 页面`);
  // (The init script stops the document at its load event, so a meta refresh cannot pull it away
  // mid-audit; the first audit call fails clearly if the script could not run in this document.)
  const options: AuditOptionsInput = target.rules?.length ? { ...plan.options, rules: { ...plan.options.rules, only: target.rules } } : plan.options;
  const links = wantLinks ? await pageLinks(await page.top()) : [];
  const auditNow = async (state?: string): Promise<PageInput> => {
    const input = await auditLoaded(await page.top(), target.display, options, plan.transforms, plan.contrastScheme, { keyboard: plan.keyboard ?? true, withFocus: (fn) => page.withFocus(fn) });
    if (state) input.state = state;
    await plan.afterAudit?.(page, input).catch(() => undefined);
    return input;
  };
  if (!target.steps?.length) return { inputs: [await auditNow()], links };
  return { inputs: await auditSteps(page, target, target.steps, plan, auditNow), links };
}

/**
 * A page with steps: each `audit` step audits the state the page is in then (a page without one is
 * audited after its last step). When a step fails, the states audited before it are kept and the
 * failure is reported in place of the next one.
 */
async function auditSteps(page: DriverPage, target: Target, steps: readonly Step[], plan: RunPlan, auditNow: (state?: string) => Promise<PageInput>): Promise<PageInput[]> {
  if (!page.steps) throw new PageFailure('steps need --browser chromium / 步骤只支持 Chromium');
  const inputs: PageInput[] = [];
  const named = steps.some((s) => s.kind === 'audit');
  try {
    await runSteps(page.steps, steps, {
      timeoutMs: plan.timeoutMs,
      redact: plan.redact ?? ((t) => t),
      onAudit: async (name) => void inputs.push(await auditNow(name)),
    });
    if (!named) inputs.push(await auditNow());
  } catch (e) {
    if (!(e instanceof StepFailure)) throw e;
    const done = new Set(inputs.map((i) => i.state));
    const next = steps.find((s): s is Extract<Step, { kind: 'audit' }> => s.kind === 'audit' && !done.has(s.name));
    inputs.push({ url: target.display, ...(next ? { state: next.name } : {}), error: e.message });
  }
  return inputs;
}

/** The page's links for --crawl (none when it answers something else). */
async function pageLinks(top: FrameRealm): Promise<string[]> {
  try {
    return checkStringArray(await top.call('links', null), 'links');
  } catch {
    return [];
  }
}

/**
 * The keyboard walk's time bound in the CLI. The walk stops there (between key presses) and says so
 * (an incomplete walk judges no "unreachable"); the BAD pages take 0.1–0.4 s.
 */
export const KEYBOARD_MAX_MS = 8_000;

/**
 * The keyboard walk on the loaded page (after axe, before any transform), keys emulated in kanjian's
 * world of the top frame: one call, where real key presses cost a round trip each (about 15 ms a
 * stop) and would take the walk past the 50 % of a page's audit time it may add (measured, see
 * docs/audit-rules.md). Same path and findings on every fixture either way.
 */
async function walkPage(top: FrameRealm): Promise<WalkResult> {
  const walk = await top.call('keyboardWalk', { maxMs: KEYBOARD_MAX_MS });
  const w = walk as Partial<WalkResult> | null;
  if (!w || typeof w !== 'object' || !Array.isArray(w.stops) || !Array.isArray(w.issues) || typeof w.complete !== 'boolean') {
    throw new PageReplyError('invalid keyboard walk from the page / 页面返回的键盘检查结果无效');
  }
  return walk as WalkResult;
}

/**
 * Audits a loaded page, given kanjian's world in its top frame: the plain run, the keyboard walk,
 * then one run per transform. Shared by the CLI and the kanjian/playwright fixture (which walks only
 * when asked).
 */
export async function auditLoaded(
  top: FrameRealm,
  display: string,
  options: AuditOptionsInput,
  transformNames: readonly TransformName[],
  contrastScheme: SchemeId = 'white-on-black',
  walk: { keyboard?: boolean; withFocus?: DriverPage['withFocus'] } = {},
): Promise<PageInput> {
  const zoom = transformNames.includes('zoom200');
  const script = transformNames.includes('traditional');
  // The transforms' own checks also run on the plain page, so only what a transform causes is labelled.
  const baseChecks = [...(zoom ? ZOOM_RULE_IDS : []), ...(script ? SCRIPT_RULE_IDS : [])];
  let results = asResults(await auditTree(top, { options, checks: baseChecks }));
  const keyboardRules = walk.keyboard ? keyboardRulesFor(options) : [];
  let keyboard: PageInput['keyboard'];
  if (keyboardRules.length) {
    const w = await (walk.withFocus ?? ((fn) => fn()))(() => walkPage(top));
    results = withKeyboardResults(results, w, keyboardRules);
    keyboard = keyboardPathOf(w);
  }
  const transforms: NonNullable<PageInput['transforms']>[number][] = [];
  for (const name of transformNames) {
    let spec: TransformSpec;
    let label: string;
    let checks: readonly string[] = [];
    if (name === 'zoom200') {
      spec = { kind: 'zoom', percent: 200 };
      label = 'zoom-200';
      checks = ZOOM_RULE_IDS;
    } else if (name === 'contrast') {
      spec = { kind: 'contrast', scheme: contrastScheme };
      label = 'contrast';
    } else {
      const pageScript = await top.call('pageScript', null);
      if (pageScript !== 'simplified' && pageScript !== 'traditional') throw new PageReplyError('invalid page script from the page / 页面返回的文字类型无效');
      const toTraditional = pageScript === 'simplified';
      const conv = toTraditional ? converterFor('cn', 'tw') : converterFor('tw', 'cn');
      const langTag = toTraditional ? 'zh-TW' : 'zh-CN';
      const strings = checkStringArray(await top.call('convertibleStrings', langTag), 'strings');
      const map: Record<string, string> = {};
      for (const s of strings) {
        const c = conv.convert(s);
        if (c !== s) map[s] = c;
      }
      spec = { kind: 'convert', map, langTag };
      label = toTraditional ? 'traditional' : 'simplified';
      checks = SCRIPT_RULE_IDS;
    }
    const r = await auditTreeTransformed(top, { options, checks }, spec);
    transforms.push({ label, results: asResults(r) });
  }
  const t = await top.call('title', null).catch(() => '');
  const title = typeof t === 'string' ? t : '';
  // Linked PDFs are checked on the page as it is (after the transforms, which take themselves away).
  const pdfChecks = await linkedPdfChecks(top).catch(() => []);
  const input: PageInput = { url: display, results: withPdfResults(results, pdfChecks) };
  if (title) input.title = title;
  if (transforms.length) input.transforms = transforms;
  if (keyboard) input.keyboard = keyboard;
  return input;
}

/**
 * Waits for p to settle, but at most ms (a stuck browser call must not keep a stopping run alive).
 * Never rejects.
 */
export function settleWithin(p: Promise<unknown>, ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new PageFailure(`timeout: not done after ${Math.round(ms / 1000)} s / 超时`));
    }, ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Runs the plan. Pages come back in the order they finished; buildReport sorts them. */
export async function runPages(driver: Driver, plan: RunPlan, hooks: RunHooks = {}): Promise<RunOutcome> {
  const queue: Target[] = [];
  const seen = new Set<string>();
  const enqueue = (t: Target): boolean => {
    if (seen.has(t.display)) return false;
    if (plan.crawl && seen.size >= plan.crawl.maxPages) return false;
    seen.add(t.display);
    queue.push(t);
    return true;
  };
  for (const t of plan.targets) enqueue({ ...t, depth: t.depth ?? 0 });
  const owned = (t: Target): boolean => !plan.crawl || !plan.shard || shardOf(t.display, plan.shard.total) === plan.shard.index - 1;

  const pages: PageInput[] = [];
  let done = 0;
  let inFlight = 0;
  const open = new Set<DriverPage>();
  const signal = hooks.signal;
  const onAbort = (): void => {
    // Closing the tabs makes their pending calls fail fast; those pages are dropped, not reported.
    for (const p of open) void p.close().catch(() => undefined);
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  // Rejects on abort: a page's work is raced against it, because closing a tab in the middle of a
  // navigation does not always make Playwright's pending goto settle.
  const stopped = new Promise<never>((_resolve, reject) => {
    if (signal?.aborted) reject(new PageFailure('interrupted'));
    signal?.addEventListener('abort', () => reject(new PageFailure('interrupted')), { once: true });
  });
  stopped.catch(() => undefined);
  const ownedTotal = (): number => [...seen].length - (plan.crawl && plan.shard ? [...seen].filter((d) => shardOf(d, plan.shard!.total) !== plan.shard!.index - 1).length : 0);

  const worker = async (): Promise<void> => {
    // One tab per worker, reused from page to page (a new tab costs a renderer start); replaced
    // after any failure so a broken or crashed tab never carries over.
    let tab: { page: DriverPage; crashed: boolean } | null = null;
    const dropTab = async (): Promise<void> => {
      if (!tab) return;
      open.delete(tab.page);
      const closing = tab.page.close();
      tab = null;
      // When stopping, the browser is closed next anyway: do not wait for a tab stuck mid-navigation.
      await settleWithin(closing, signal?.aborted ? 0 : 5_000);
    };
    try {
      for (;;) {
        if (signal?.aborted) return;
        const target = queue.shift();
        if (!target) {
          // Another worker may still find links to crawl.
          if (inFlight === 0) return;
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        inFlight++;
        const audit = owned(target);
        const wantLinks = !!plan.crawl && (target.depth ?? 0) < plan.crawl.depth;
        let inputs: PageInput[];
        let links: string[] = [];
        try {
          if (!tab) {
            const page = await driver.newPage();
            const t = { page, crashed: false };
            page.onCrash(() => {
              t.crashed = true;
            });
            open.add(page);
            tab = t;
          }
          const t = tab;
          try {
            const work = withTimeout(audit ? auditPage(t.page, target, plan, wantLinks) : visitForLinks(t.page, target, plan), plan.timeoutMs * 2, () => void t.page.close().catch(() => undefined));
            const r = await Promise.race([work, stopped]);
            inputs = r.inputs;
            links = r.links;
          } catch (e) {
            if (signal?.aborted) throw e;
            inputs = [{ url: target.display, error: t.crashed ? 'the page crashed / 页面崩溃' : errorMessage(e) }];
            await dropTab();
          }
        } catch (e) {
          if (signal?.aborted) {
            inFlight--;
            return;
          }
          inputs = [{ url: target.display, error: errorMessage(e) }];
          await dropTab();
        }
        if (plan.crawl && wantLinks) {
          for (const link of links) {
            const t = plan.crawl.toTarget(link, (target.depth ?? 0) + 1);
            if (!t) continue;
            if (plan.crawl.sameOrigin && !sameOrigin(t.url, target.url)) continue;
            enqueue(t);
          }
        }
        inFlight--;
        if (audit) {
          pages.push(...inputs);
          done++;
          const violations = inputs.reduce((n, i) => n + (i.results ? i.results.violations.reduce((s, r) => s + r.nodes.length, 0) : 0), 0);
          const failed = inputs.find((i) => i.error !== undefined);
          hooks.onPageDone?.({ input: failed ?? inputs[0]!, target, violations, total: ownedTotal(), done });
        }
      }
    } finally {
      await dropTab();
    }
  };
  const n = Math.max(1, Math.min(plan.concurrency, 32));
  await Promise.all(Array.from({ length: n }, () => worker()));
  signal?.removeEventListener('abort', onAbort);
  return { pages, interrupted: signal?.aborted ? ownedTotal() - done : 0 };
}

/** A crawled page owned by another shard: load it only to follow its links. */
async function visitForLinks(page: DriverPage, target: Target, plan: RunPlan): Promise<{ inputs: PageInput[]; links: string[] }> {
  const nav = await page.goto(target.url, plan.timeoutMs);
  const links = nav.status !== null && nav.status >= 400 ? [] : await pageLinks(await page.top());
  return { inputs: [{ url: target.display }], links };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
