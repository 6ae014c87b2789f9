import type { WxtBrowser as Browser } from 'wxt/browser';
import { sendMessage } from '../messaging/protocol';
import { loadSettings } from '../settings/store';
import { auditOptionsFrom } from '../audit/settings';
import { normalizeOptions, type AuditOptionsInput } from '../audit/options';
import { assemblePartials, pathKey, type FrameNode } from '../audit/runner/assemble';
import { callFrameAudit, callFrameIdentify, callFrameTeardown, type FrameAuditReply, type FrameIdentity } from '../audit/runner/frame-api';
import type { FrameContextSpec } from '../audit/runner/in-page';
import { newAuditId, saveAudit, type StoredAudit } from '../audit/store';
import { sendToPageUi } from './page-ui';

export type { StoredAudit } from '../audit/store';

/** Files injected into every frame, in order, only while an audit runs (into the isolated world). */
const FRAME_FILES = ['/vendor/axe.min.js', '/audit-frame.js'] as const;
/** Bounds for a page made of frames within frames. */
const MAX_FRAMES = 200;
const MAX_DEPTH = 12;
/** A frame that does not answer in this time (e.g. stuck in a dialog) is left out of the report. */
const FRAME_TIMEOUT_MS = 60_000;

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
async function partialsOfAllFrames(browser: Browser, tabId: number, options: AuditOptionsInput): Promise<Map<number, FrameNode>> {
  let byPath: Map<string, number> | null = null;
  const frames = new Map<number, FrameNode>();
  let level: Array<{ frameId: number; context: FrameContextSpec | null }> = [{ frameId: 0, context: null }];
  for (let depth = 0; level.length && depth < MAX_DEPTH; depth++) {
    const got = await Promise.all(
      level.map(({ frameId, context }) =>
        withTimeout(
          inFrame(browser, tabId, frameId, callFrameAudit, [options, context]).then((r): FrameAuditReply => r ?? { frameId, error: 'no result' }),
          FRAME_TIMEOUT_MS,
          { frameId, error: 'timed out' } as FrameAuditReply,
        ),
      ),
    );
    // Frame ids are looked up only once some frame has children (most pages have none).
    if (!byPath && got.some((r) => !('error' in r) && r.children.length)) byPath = await frameIdsByPath(browser, tabId);
    const ids = byPath ?? new Map<string, number>();
    const next: typeof level = [];
    got.forEach((reply, i) => {
      // The frame the background asked is the one that answered; a frame's own claims are not needed.
      const frameId = level[i]!.frameId;
      if ('error' in reply) {
        frames.set(frameId, { error: reply.error });
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
  return frames;
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

/** Audits still running whose report tab is already open, by id: the report page waits on these. */
const running = new Map<string, Promise<void>>();

/**
 * Resolves when the audit with this id is stored (true), or at once (false) when no such audit is
 * running. The report tab opens while the frames are audited and loads axe meanwhile.
 */
export async function whenAuditStored(id: string): Promise<boolean> {
  const pending = running.get(id);
  if (!pending) return false;
  await pending;
  return true;
}

/**
 * Audits a tab: the content script turns kanjian's aids off; axe runs in every frame (runPartial);
 * the aids come back; the partial results are stored for the report page, which puts them together
 * (finishRun). No audit data ever passes through a page. The report tab opens at the start, behind
 * the audited tab, so its own loading (axe included) overlaps the audit; it comes to the front when
 * the results are stored, and closes again if the audit fails.
 */
export async function auditTab(browser: Browser, tabId: number, how: AuditTabOptions = {}): Promise<StoredAudit> {
  const started = Date.now();
  const id = newAuditId(started);
  if (how.openReport === false) return runAudit(browser, tabId, id, started, how);
  let settle!: { done(): void; failed(err: unknown): void };
  running.set(
    id,
    new Promise<void>((done, failed) => {
      settle = { done, failed };
    }),
  );
  running.get(id)!.catch(() => undefined);
  const report = browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?id=${id}`, active: false }).catch(() => null);
  try {
    const audit = await runAudit(browser, tabId, id, started, how);
    settle.done();
    const tab = await report;
    if (tab?.id !== undefined) await browser.tabs.update(tab.id, { active: true }).catch(() => undefined);
    else await browser.tabs.create({ url: `${browser.runtime.getURL('/report.html')}?id=${id}` });
    return audit;
  } catch (err) {
    settle.failed(err);
    const tab = await report;
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id).catch(() => undefined);
    throw err;
  } finally {
    running.delete(id);
  }
}

async function runAudit(browser: Browser, tabId: number, id: string, started: number, how: AuditTabOptions): Promise<StoredAudit> {
  const { global } = await loadSettings(browser.storage.local, null);
  const stored = auditOptionsFrom(global);
  const options = normalizeOptions(how.onlyRules?.length ? { ...stored, rules: { ...stored.rules, only: [...how.onlyRules] } } : stored);
  await injectIntoAllFrames(browser, tabId);
  // The page bundle hides kanjian's UI for the audit; on a page with only the loader it is loaded first.
  const page = await sendToPageUi(browser, tabId, () => sendMessage('auditSuspend', undefined, { tabId, frameId: 0 }));
  let frames: Map<number, FrameNode>;
  try {
    frames = await partialsOfAllFrames(browser, tabId, options);
  } finally {
    await sendMessage('auditResume', undefined, { tabId, frameId: 0 }).catch((err: unknown) => console.warn('[kanjian] audit resume', err));
  }
  void teardownAllFrames(browser, tabId);
  const top = frames.get(0);
  if (!top || 'error' in top) throw new Error(top && 'error' in top ? top.error : 'the page gave no audit result');
  const assembled = assemblePartials(frames);
  const audit: StoredAudit = {
    id,
    tabId,
    url: page.url,
    title: page.title,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    options,
    partials: assembled.partials,
    frames: { audited: assembled.audited, missing: assembled.missing.length },
  };
  await saveAudit(audit);
  return audit;
}
