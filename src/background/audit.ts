import type { WxtBrowser as Browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { loadSettings } from '../settings/store';
import { auditOptionsFrom } from '../audit/settings';
import { normalizeOptions, type AuditOptionsInput } from '../audit/options';
import { assemblePartials, pathKey, type FrameNode } from '../audit/runner/assemble';
import type { AxeResults } from 'axe-core';
import { callFrameAudit, callFrameIdentify, callFrameKeyboard, callFrameTeardown, type FrameAuditReply, type FrameIdentity, type FrameKeyboardReply } from '../audit/runner/frame-api';
import { keyboardRulesFor } from '../audit/keyboard/select';
import type { FrameContextSpec } from '../audit/runner/in-page';
import { parseLinkedPdfs } from '../audit/pdf/links';
import { newAuditId, saveAudit, type StoredAudit } from '../audit/store';
import { sendToPageUi } from './page-ui';
import { callFrameResume, callFrameSuspend } from '../content/frames';

export type { StoredAudit } from '../audit/store';

/** Files injected into every frame, in order, only while an audit runs (into the isolated world). */
const FRAME_FILES = ['/vendor/axe.min.js', '/audit-frame.js'] as const;
/** Bounds for a page made of frames within frames. */
const MAX_FRAMES = 200;
const MAX_DEPTH = 12;
/** A frame that does not answer in this time (e.g. stuck in a dialog) is left out of the report. */
const FRAME_TIMEOUT_MS = 60_000;
/** Aids off or on in every frame: quick everywhere, so a frame that takes longer is not waited for. */
const FRAME_CONTROL_TIMEOUT_MS = 5_000;
/** The keyboard walk's own bound (checked between key presses), and how long the background waits for it. */
const KEYBOARD_MAX_MS = 8_000;
const KEYBOARD_TIMEOUT_MS = 20_000;

type TabsExecute = { executeScript(tabId: number, d: { file?: string; code?: string; allFrames?: boolean; frameId?: number }): Promise<unknown[]> };

async function injectIntoAllFrames(browser: Browser, tabId: number): Promise<void> {
  if (browser.scripting?.executeScript) {
    // vendor/axe.min.js is added by a build hook, so it is not in WXT's generated path types.
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [...FRAME_FILES] as unknown as ['/audit-frame.js'] });
    return;
  }
  // Firefox MV2: tabs.executeScript, one file after the other.
  const tabs = browser.tabs as unknown as TabsExecute;
  for (const file of FRAME_FILES) await tabs.executeScript(tabId, { file, allFrames: true });
}

/** Runs a self-contained function in one frame of the tab, in the extension's isolated world. */
async function inFrame<A extends unknown[], R>(browser: Browser, tabId: number, frameId: number, fn: (...args: A) => R, args: A): Promise<Awaited<R> | undefined> {
  if (browser.scripting?.executeScript) {
    const [res] = await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, func: fn as never, args: args as never });
    return res?.result as Awaited<R> | undefined;
  }
  const code = `(${fn.toString()})(...${JSON.stringify(args)})`;
  const [res] = await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code, frameId });
  return res as Awaited<R> | undefined;
}

function withTimeout<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** Every injected frame's path (see FramePath) → its frame id. */
async function frameIdsByPath(browser: Browser, tabId: number): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (browser.scripting?.executeScript) {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: callFrameIdentify });
    for (const r of results) {
      const id = r.result as FrameIdentity | null | undefined;
      if (id && Array.isArray(id.path)) ids.set(pathKey(id.path), r.frameId);
    }
    return ids;
  }
  // Firefox gives no frame ids with allFrames results: each frame names its own (runtime.getFrameId).
  const results = await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${callFrameIdentify.toString()})()`, allFrames: true });
  for (const r of results as Array<FrameIdentity | null>) if (r && Array.isArray(r.path) && r.frameId >= 0) ids.set(pathKey(r.path), r.frameId);
  return ids;
}

/**
 * axe.runPartial in every frame, a level at a time: a frame's children run with the context that
 * frame computed for them. Results come back only through the extension (executeScript's result).
 */
async function partialsOfAllFrames(browser: Browser, tabId: number, options: AuditOptionsInput): Promise<{ frames: Map<number, FrameNode>; results?: AxeResults }> {
  let byPath: Map<string, number> | null = null;
  const frames = new Map<number, FrameNode>();
  let level: Array<{ frameId: number; context: FrameContextSpec | null }> = [{ frameId: 0, context: null }];
  for (let depth = 0; level.length && depth < MAX_DEPTH; depth++) {
    const got = await Promise.all(
      level.map(({ frameId, context }) =>
        withTimeout(
          inFrame(browser, tabId, frameId, callFrameAudit, [options, context, frameId === 0]).then((r): FrameAuditReply => r ?? { frameId, error: 'no result' }),
          FRAME_TIMEOUT_MS,
          { frameId, error: 'timed out' } as FrameAuditReply,
        ),
      ),
    );
    // A page without frames finished in its own frame at once: its results are its own.
    const alone = got[0];
    if (depth === 0 && alone && 'results' in alone) return { frames, results: alone.results };
    // Frame ids are looked up only once some frame has children (most pages have none).
    if (!byPath && got.some((r) => 'children' in r && r.children.length)) byPath = await frameIdsByPath(browser, tabId);
    const ids = byPath ?? new Map<string, number>();
    const next: typeof level = [];
    got.forEach((reply, i) => {
      // The frame the background asked is the one that answered; a frame's own claims are not needed.
      const frameId = level[i]!.frameId;
      if (!('partial' in reply)) {
        frames.set(frameId, { error: 'error' in reply ? reply.error : 'finished alone' });
        return;
      }
      const children = reply.children.map((child) => {
        const id = ids.get(pathKey(child.path)) ?? -1;
        if (id > 0 && !frames.has(id) && frames.size + next.length < MAX_FRAMES) next.push({ frameId: id, context: child.context });
        return id;
      });
      frames.set(frameId, { partial: reply.partial, children });
    });
    level = next;
  }
  return { frames };
}

/**
 * Every frame's kanjian takes its aids off (or puts them back), awaited in all frames at once. Bounded:
 * one frame that never answers (stuck in a dialog, never rendered) must not hold the audit up.
 */
async function inAllFrames(browser: Browser, tabId: number, fn: () => Promise<boolean>): Promise<void> {
  const run = async (): Promise<void> => {
    try {
      if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: fn });
      else await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${fn.toString()})()`, allFrames: true });
    } catch (err) {
      console.warn('[kanjian] frames', err);
    }
  };
  await withTimeout(run(), FRAME_CONTROL_TIMEOUT_MS, undefined);
}

/** Takes axe out of every frame again (the audit's code never stays in a page). */
async function teardownAllFrames(browser: Browser, tabId: number): Promise<void> {
  try {
    if (browser.scripting?.executeScript) await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: callFrameTeardown });
    else await (browser.tabs as unknown as TabsExecute).executeScript(tabId, { code: `(${callFrameTeardown.toString()})()`, allFrames: true });
  } catch {
    // The tab went away meanwhile.
  }
}

export interface AuditTabOptions {
  /** Open the report in a new tab when done (default true). */
  openReport?: boolean;
  /** Run only these axe rule ids (conformance suites); the stored audit settings otherwise. */
  onlyRules?: readonly string[];
}

/**
 * Audits a tab: the content script turns kanjian's aids off; axe runs in every frame (runPartial);
 * the aids come back; the partial results are stored for the report page, which puts them together
 * (finishRun). No audit data ever passes through a page. The report tab opens once the results are
 * stored: opened earlier (to load meanwhile) it took the audit's own CPU on small machines and made
 * the whole audit slower (docs/benchmarks-audit-extension.md).
 */
export async function auditTab(browser: Browser, tabId: number, how: AuditTabOptions = {}): Promise<StoredAudit> {
  const started = Date.now();
  const audit = await runAudit(browser, tabId, newAuditId(started), started, how);
  if (how.openReport !== false) await browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?id=${audit.id}` });
  return audit;
}

async function runAudit(browser: Browser, tabId: number, id: string, started: number, how: AuditTabOptions): Promise<StoredAudit> {
  const { global } = await loadSettings(browser.storage.local, null);
  const stored = auditOptionsFrom(global);
  const options = normalizeOptions(how.onlyRules?.length ? { ...stored, rules: { ...stored.rules, only: [...how.onlyRules] } } : stored);
  let page: { url: string; title: string; pdfLinks: unknown };
  let frames: Map<number, FrameNode>;
  let results: AxeResults | undefined;
  let keyboard: StoredAudit['keyboard'];
  try {
    // axe goes into every frame while kanjian's aids come off the page: the three do not depend on
    // each other, and each costs a round trip to the page's process. (Inside the try: if the page
    // refuses axe, the aids still come back.)
    [, page] = await Promise.all([
      injectIntoAllFrames(browser, tabId),
      // The page bundle hides kanjian's UI for the audit; on a page with only the loader it is loaded first.
      sendToPageUi(browser, tabId, () => sendMessage('auditSuspend', undefined, { tabId, frameId: 0 })),
      inAllFrames(browser, tabId, callFrameSuspend),
    ]);
    ({ frames, results } = await partialsOfAllFrames(browser, tabId, options));
    // Then the keyboard walk in the top frame, still with kanjian's aids off (the page as its author made it).
    if (keyboardRulesFor(options).length) {
      const reply = await withTimeout(
        inFrame(browser, tabId, 0, callFrameKeyboard, [{ maxMs: KEYBOARD_MAX_MS }]).then((r): FrameKeyboardReply => r ?? { error: 'no result' }),
        KEYBOARD_TIMEOUT_MS,
        { error: 'timed out' } as FrameKeyboardReply,
      );
      if ('walk' in reply) keyboard = reply;
      else console.warn('[kanjian] keyboard walk', reply.error);
    }
  } finally {
    await Promise.all([
      sendMessage('auditResume', undefined, { tabId, frameId: 0 }).catch((err: unknown) => console.warn('[kanjian] audit resume', err)),
      inAllFrames(browser, tabId, callFrameResume),
    ]);
  }
  const top = frames.get(0);
  if (!results && (!top || 'error' in top)) {
    void teardownAllFrames(browser, tabId);
    throw new Error(top && 'error' in top ? top.error : 'the page gave no audit result');
  }
  // Pages with frames finish in the report page (axe.finishRun), so no frame's findings ever reach
  // another frame's process; a page without frames was finished in its own frame.
  const assembled = results ? { partials: [], audited: 1, missing: [] } : assemblePartials(frames);
  void teardownAllFrames(browser, tabId);
  const audit: StoredAudit = {
    id,
    tabId,
    url: page.url,
    title: page.title,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    options,
    partials: results ? [] : assembled.partials,
    ...(results ? { results } : {}),
    frames: { audited: assembled.audited, missing: assembled.missing.length },
    pdfLinks: parseLinkedPdfs(page.pdfLinks, page.url),
    ...(keyboard ? { keyboard } : {}),
  };
  await saveAudit(audit);
  return audit;
}
