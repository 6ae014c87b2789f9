/**
 * One audit of a page's frame tree, driven from Node: `axe.runPartial` in kanjian's own world of every
 * frame (the top document, then each frame its parent's run lists, cross-origin frames included), then
 * `axe.finishRun` here in Node. No frame talks to another, so nothing of the audit travels over the
 * page's postMessage (axe's own cross-frame messaging posts results with target "*" and answers
 * forged requests), and no result passes through anything the page can reach.
 *
 * A driver gives a FrameRealm per frame: Chromium's isolated world over CDP (realm-cdp.ts),
 * Firefox's WebDriver BiDi sandbox (realm-bidi.ts), or, for the kanjian/playwright fixture in
 * other browsers, the frame's main world.
 */
import { createRequire } from 'node:module';
import type { AxeResults, PartialResult, RunOptions } from 'axe-core';
import { axeRunOptions, type AuditOptionsInput } from '../../audit/options';
import { elderlyProfile } from '../../audit/rules/index';
import type { PageApi, PartialReply, PartialRequest, TransformSpec } from './page';
import { transformProfile, withChecks } from './transform-rules';

type Axe = typeof import('axe-core');

/** The methods of PageApi that take and return JSON (frameElement is the driver's own business). */
type JsonMethods = Omit<PageApi, 'version' | 'frameElement'>;
export type PageMethod = keyof JsonMethods;

/** Calls into kanjian's own world of one frame. */
export interface FrameRealm {
  /** Calls `kanjianPage[method](arg)` in this frame's world; resolves to its (JSON) result, unchecked. */
  call(method: PageMethod, arg: unknown): Promise<unknown>;
  /** The world of the frame shown by the iframe/frame element this axe frame selector names, or null. */
  child(selector: unknown): Promise<FrameRealm | null>;
}

/** What a page answered that kanjian cannot use: the page is reported as failed with this message. */
export class PageReplyError extends Error {}

/**
 * The function a driver runs in a frame's world for `call`: the method and its argument go in as JSON
 * text and the result comes back as JSON text, made by that world's own JSON (never the page's).
 * Returns MISSING when kanjian's script is not (yet) in this world.
 */
export const CALL_FUNCTION = `async function (method, json) {
  const api = globalThis.kanjianPage;
  if (!api) return '\\u0000missing';
  return JSON.stringify(await api[method](JSON.parse(json)));
}`;
export const MISSING = '\u0000missing';

/** The function a driver runs for `child`: the frame element (drivers turn it into a frame id). */
export const FRAME_ELEMENT_FUNCTION = `function (json) {
  const api = globalThis.kanjianPage;
  return api ? api.frameElement(JSON.parse(json)) : null;
}`;

/** Parses what CALL_FUNCTION returned; null means kanjian's script is missing in that world. */
export function parseReply(text: unknown): { missing: true } | { missing: false; value: unknown } {
  if (text === MISSING) return { missing: true };
  if (typeof text !== 'string') throw new PageReplyError('the page answered with something that is not JSON / 页面返回的不是 JSON');
  return { missing: false, value: JSON.parse(text) as unknown };
}

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/** Checks a frame's reply before it goes anywhere near axe.finishRun. */
export function checkPartialReply(x: unknown): PartialReply {
  const bad = (why: string): never => {
    throw new PageReplyError(`invalid audit results from the page (${why}) / 页面返回的检测结果无效`);
  };
  if (!isObject(x)) return bad('not an object');
  const { partial, frames } = x;
  if (!isObject(partial)) return bad('no partial result');
  if (!Array.isArray(partial.results) || !Array.isArray(partial.frames)) return bad('partial result without results or frames');
  for (const r of partial.results) {
    if (!isObject(r) || typeof r.id !== 'string' || !Array.isArray(r.nodes)) bad('a rule result without id or nodes');
    for (const n of (r as { nodes: unknown[] }).nodes) if (!isObject(n) || !isObject(n.node)) bad('a node without its element');
  }
  if (partial.environmentData !== undefined && !isObject(partial.environmentData)) bad('environment data');
  if (!Array.isArray(frames) || frames.some((f) => !isObject(f) || !('selector' in f))) return bad('frames');
  // The child results are matched to partial.frames by position.
  if (frames.length !== partial.frames.length) return bad('the frames changed during the audit');
  return x as unknown as PartialReply;
}

export function checkStringArray(x: unknown, what: string): string[] {
  if (!Array.isArray(x) || x.some((s) => typeof s !== 'string')) throw new PageReplyError(`invalid ${what} from the page / 页面返回的 ${what} 无效`);
  return x as string[];
}

/** Most frames of one page audited (a page of 10 000 iframes is reported as failed, not audited for hours). */
export const MAX_FRAMES = 500;

/**
 * The partial results of a frame tree in axe.finishRun's order (depth first, parents before their
 * frames). A frame that cannot be audited (gone, not HTML, crashed) is null: axe leaves it out.
 */
export async function collectPartials(top: FrameRealm, req: PartialRequest): Promise<Array<PartialResult | null>> {
  let frames = 0;
  const visit = async (realm: FrameRealm, context: unknown): Promise<Array<PartialResult | null>> => {
    if (++frames > MAX_FRAMES) throw new PageReplyError(`more than ${MAX_FRAMES} frames / 框架过多`);
    const reply = checkPartialReply(await realm.call('partial', context === undefined ? req : { ...req, context }));
    const children = await Promise.all(
      reply.frames.map(async (f): Promise<Array<PartialResult | null>> => {
        try {
          const child = await realm.child(f.selector);
          return child ? await visit(child, f.context) : [null];
        } catch (e) {
          if (e instanceof PageReplyError && /more than \d+ frames/.test(e.message)) throw e;
          return [null];
        }
      }),
    );
    return [reply.partial, ...children.flat()];
  };
  return visit(top, undefined);
}

let nodeAxe: Axe | null = null;

/** axe-core in Node, configured as every frame's (kanjian's rules and checks), for finishRun. */
function finisher(): Axe {
  if (!nodeAxe) {
    const require = createRequire(import.meta.url);
    const axe = require('axe-core/axe.min.js') as Axe;
    axe.configure({ rules: [...elderlyProfile.rules, ...transformProfile.rules], checks: [...elderlyProfile.checks, ...transformProfile.checks] });
    nodeAxe = axe;
  }
  return nodeAxe;
}

/** axe.run's options for this request, the same the frames used. */
export function runOptionsFor(req: PartialRequest): RunOptions {
  return axeRunOptions(withChecks(req.options, req.checks ?? []));
}

/** Audits a frame tree: every frame's part, finished in Node. */
export async function auditTree(top: FrameRealm, req: PartialRequest): Promise<AxeResults> {
  return finishPartials(await collectPartials(top, req), req);
}

export function finishPartials(partials: Array<PartialResult | null>, req: PartialRequest): Promise<AxeResults> {
  if (!partials[0]) throw new PageReplyError('the top frame has no results / 顶层页面没有检测结果');
  return finisher().finishRun(partials as PartialResult[], runOptionsFor(req));
}

/**
 * Audits the frame tree with a transform on in the top document; the top document's findings are
 * named by their selectors on the untransformed page (see PageApi.removeTransform).
 */
export async function auditTreeTransformed(top: FrameRealm, req: PartialRequest, transform: TransformSpec): Promise<AxeResults> {
  await top.call('applyTransform', transform);
  let partials: Array<PartialResult | null>;
  let renamed: unknown;
  try {
    partials = await collectPartials(top, req);
  } finally {
    renamed = await top.call('removeTransform', null);
  }
  if (!Array.isArray(renamed)) throw new PageReplyError('invalid selectors from the page / 页面返回的选择器无效');
  const bySelector = new Map<string, unknown>();
  for (const pair of renamed) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !Array.isArray(pair[1])) throw new PageReplyError('invalid selectors from the page / 页面返回的选择器无效');
    bySelector.set(pair[0], pair[1]);
  }
  const topPartial = partials[0];
  for (const r of topPartial?.results ?? []) {
    for (const n of r.nodes as Array<{ node: { selector?: unknown } }>) {
      const now = bySelector.get(JSON.stringify(n.node.selector));
      if (now) n.node.selector = now;
    }
  }
  return finishPartials(partials, req);
}

export type { AuditOptionsInput };
