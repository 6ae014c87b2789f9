/**
 * The page side of `kanjian audit` and of the kanjian/playwright fixture. Bundled (esbuild IIFE, see
 * bundle.ts) and evaluated right after axe.min.js in **kanjian's own world** of every frame (a
 * Chromium isolated world, a WebDriver BiDi sandbox in Firefox): it shares the page's DOM but not its
 * JavaScript, so the page can neither see nor replace this API, nor poison the builtins it uses
 * (Array.prototype.map, JSON.stringify, Promise.prototype.then…).
 *
 * Each frame runs its own part of the audit with `axe.runPartial`; the Node side asks every frame in
 * turn (cross-origin frames included) and calls `axe.finishRun` itself (frames.ts). axe's own
 * frame messaging is switched off: nothing of the audit travels over the page's postMessage.
 *
 * The API is the global `kanjianPage` of that world (see PageApi). The transforms are applied with
 * the extension's own modules (text size, colour scheme, page conversion).
 */
import { isAuditablePdfUrl, linkedPdfs, type LinkedPdf } from '../../audit/pdf/links';
import { MAX_PDF_BYTES } from '../../audit/pdf/inspect';
import { hasPdfHeader } from '../../pdf/load';
import type { AxeResults, ElementContext, NodeResult, PartialResult } from 'axe-core';
import { axeRunOptions, type AuditOptionsInput } from '../../audit/options';
import { createKeyboardApi, type KeyboardPageApi } from '../../audit/keyboard/page-api';
import type { WalkOptions, WalkResult } from '../../audit/keyboard/types';
import { emulatedDriver, walkKeyboard } from '../../audit/keyboard/walk';
import { inertRefreshes } from '../../audit/runner/in-page';
import { elderlyProfile } from '../../audit/rules/index';
import { scriptOfPage } from '../../convert/engine/detect-script';
import { PageConverter } from '../../convert/page/page-converter';
import { colorSchemeAid } from '../../display/color-scheme';
import type { PageContext } from '../../display/aid';
import { textSizeAid } from '../../display/text-size';
import type { SchemeId } from '../../display/schemes';
import { transformProfile, withChecks } from './transform-rules';

type Axe = typeof import('axe-core');

/** The name of the API's global in kanjian's world (never the page's: see the module comment). */
export const PAGE_API_KEY = 'kanjianPage';

/** What a transform switches on (and off again) in the top document. */
export type TransformSpec =
  | { kind: 'zoom'; percent: number }
  | { kind: 'contrast'; scheme: SchemeId }
  | { kind: 'convert'; map: Record<string, string>; langTag: string };

export interface PartialRequest {
  options: AuditOptionsInput;
  /** Transform checks to run besides the options' rules (ids from TRANSFORM_RULE_IDS). */
  checks?: readonly string[];
  /** This frame's part of the run, as its parent's getFrameContexts gave it; absent in the top frame. */
  context?: unknown;
}

/** One frame's part: its partial result and its child frames (in axe's order) with their contexts. */
export interface PartialReply {
  partial: PartialResult;
  frames: Array<{ selector: unknown; context: unknown }>;
}

export interface PageApi {
  readonly version: 2;
  /** axe.runPartial in this frame. */
  partial(req: PartialRequest): Promise<PartialReply>;
  /**
   * The iframe/frame element an axe frame selector names (the driver turns it into the child frame's
   * own world). Not JSON: called by the driver directly, never through `call`.
   */
  frameElement(selector: unknown): Element | null;
  /** Top frame: switch a transform on and wait until it is laid out. */
  applyTransform(t: TransformSpec): Promise<null>;
  /**
   * Top frame: the selectors `partial` gave the found elements while the transform was on, and what
   * they are on the untransformed page (after taking the transform away), so a finding's fingerprint
   * does not depend on the transform's own marks (data-kj-fs attributes, converted lang values).
   */
  removeTransform(): Promise<Array<[string, unknown]>>;
  /** Strings the 繁体版 conversion would convert in this document (text, readable attributes). */
  convertibleStrings(langTag: string): string[];
  /** The script the page is written in: its text, else its lang (as the extension's feature.ts). */
  pageScript(): 'simplified' | 'traditional';
  /**
   * Top frame: the keyboard walk with keys emulated in the page (one call; see runner.ts for why not
   * real key presses). Leaves focus where the walk ended: the transforms that follow do not care.
   */
  keyboardWalk(options: Partial<WalkOptions>): Promise<WalkResult>;
  /** Absolute http(s) link targets, for --crawl. */
  links(): string[];
  title(): string;
  /** The page's same-origin PDF links (as the extension's audit finds them). */
  pdfLinks(): { pageUrl: string; links: LinkedPdf[] };
  /**
   * One of those PDFs, fetched from inside the page (the page's origin and session: nothing the page
   * itself could not read), as base64; at most MAX_PDF_BYTES.
   */
  fetchPdf(url: string): Promise<{ base64: string } | { failed: string; detail?: string }>;
  /**
   * Top frame: where the elements of these axe targets (this document's: one entry, a selector or a
   * shadow path) are, in document coordinates (CSS px), null when not found or not rendered; and the
   * document's size. For the element screenshots (screenshots.ts).
   */
  elementRects(targets: unknown[]): { rects: Array<ElementRect | null>; width: number; height: number };
  /** Top frame: an SPA's client-side route to a same-origin URL, as its router would (pushState + popstate). */
  spaRoute(url: string): Promise<string>;
}

export interface ElementRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

function pageContext(): PageContext {
  return { doc: document, win: window };
}

/** Two frames: style and layout changes made by the aids are in place before axe measures. */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (!done) {
        done = true;
        resolve();
      }
    };
    requestAnimationFrame(() => requestAnimationFrame(finish));
    // A background tab has no frames.
    setTimeout(finish, 100);
  });
}

type Selector = NodeResult['target'];
interface SerialNode { node?: { selector?: Selector } }

function makeApi(axe: Axe): PageApi {
  let converter: PageConverter | null = null;
  let active: TransformSpec | null = null;
  /** Elements found while a transform is on, by the selector they had then. */
  let found = new Map<string, Element>();
  let keyboard: KeyboardPageApi | null = null;

  const topContext = (): ElementContext => {
    const inert = inertRefreshes(document);
    return inert.length ? ({ exclude: inert } as ElementContext) : document;
  };

  return {
    version: 2,
    async partial(req) {
      const options = axeRunOptions(withChecks(req.options, req.checks ?? []));
      const context = (req.context as ElementContext | undefined) ?? topContext();
      // Before runPartial, as axe's own integrations do: the frames as this run will list them.
      const frames = axe.utils.getFrameContexts(context, options);
      const partial = await axe.runPartial(context, options);
      if (active) {
        found = new Map();
        for (const r of partial.results ?? []) {
          for (const n of (r as { nodes?: SerialNode[] }).nodes ?? []) {
            const sel = n.node?.selector;
            // Only this document's elements (one selector, no frame path).
            if (!sel || sel.length !== 1) continue;
            const key = JSON.stringify(sel);
            if (found.has(key)) continue;
            const el = axe.utils.shadowSelect(sel[0] as Parameters<Axe['utils']['shadowSelect']>[0]);
            if (el) found.set(key, el);
          }
        }
      }
      return { partial, frames: frames.map((f) => ({ selector: f.frameSelector, context: f.frameContext })) };
    },
    frameElement(selector) {
      const el = axe.utils.shadowSelect(selector as Parameters<Axe['utils']['shadowSelect']>[0]);
      return el && (el.tagName === 'IFRAME' || el.tagName === 'FRAME') ? el : null;
    },
    async applyTransform(t) {
      const page = pageContext();
      active = t;
      found = new Map();
      if (t.kind === 'zoom') textSizeAid.apply(page, t.percent);
      else if (t.kind === 'contrast') colorSchemeAid.apply(page, t.scheme);
      else {
        const map = t.map;
        converter = new PageConverter(document, { convert: (s) => map[s] ?? s, langTag: t.langTag, schedule: (cb) => cb() });
        converter.start();
      }
      await settle();
      return null;
    },
    async removeTransform() {
      const t = active;
      active = null;
      if (!t) return [];
      const page = pageContext();
      if (t.kind === 'zoom') textSizeAid.remove(page);
      else if (t.kind === 'contrast') colorSchemeAid.remove(page);
      else {
        converter?.restore();
        converter = null;
      }
      await settle();
      const out: Array<[string, unknown]> = [];
      const live = [...found].filter(([, el]) => el.isConnected);
      found = new Map();
      if (!live.length) return out;
      const utils = axe.utils as unknown as { DqElement: new (el: Element) => { selector: Selector } };
      axe.setup(document);
      try {
        for (const [key, el] of live) out.push([key, new utils.DqElement(el).selector]);
      } finally {
        axe.teardown();
      }
      return out;
    },
    convertibleStrings(langTag) {
      const seen = new Set<string>();
      // The converter's own walk decides what is converted: record what it asks for, change nothing.
      const probe = new PageConverter(document, {
        convert: (s) => {
          seen.add(s);
          return s;
        },
        langTag,
        schedule: (cb) => cb(),
      });
      probe.start();
      probe.restore();
      return [...seen];
    },
    pageScript() {
      // The same test the extension uses: the text, else the lang.
      return scriptOfPage(document.body?.textContent ?? '', document.documentElement?.getAttribute('lang')).script;
    },
    keyboardWalk(o) {
      keyboard ??= createKeyboardApi(document);
      const bound = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);
      const opts: Partial<WalkOptions> = {};
      for (const k of ['maxStops', 'maxMs', 'maxDialogs', 'dialogWaitMs'] as const) {
        const v = bound(o?.[k]);
        if (v !== undefined) opts[k] = v;
      }
      return walkKeyboard(emulatedDriver(keyboard), opts);
    },
    links() {
      const out = new Set<string>();
      for (const a of Array.from(document.querySelectorAll('a[href], area[href]'))) {
        const href = (a as HTMLAnchorElement).href;
        if (/^https?:/i.test(href)) out.add(href.replace(/#.*$/, ''));
      }
      return [...out];
    },
    title() {
      return document.title;
    },
    pdfLinks() {
      return { pageUrl: location.href, links: linkedPdfs(document) };
    },
    async fetchPdf(url: string) {
      if (typeof url !== 'string' || !isAuditablePdfUrl(url, location.href)) return { failed: 'network' };
      let res: Response;
      try {
        res = await fetch(url, { credentials: 'include', redirect: 'follow' });
      } catch {
        return { failed: 'network' };
      }
      // A redirect elsewhere is not followed into another origin's content.
      if (!isAuditablePdfUrl(res.url || url, location.href)) return { failed: 'network' };
      if (!res.ok) return { failed: 'http', detail: String(res.status) };
      const declared = Number(res.headers.get('content-length') ?? '0');
      if (declared > MAX_PDF_BYTES) return { failed: 'too-large' };
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength > MAX_PDF_BYTES) return { failed: 'too-large' };
      if (!hasPdfHeader(bytes)) return { failed: 'not-pdf' };
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { base64: btoa(bin) };
    },
    elementRects(targets) {
      const sx = window.scrollX;
      const sy = window.scrollY;
      const rects = targets.map((t): ElementRect | null => {
        if (!Array.isArray(t) || t.length !== 1) return null;
        let el: Element | null = null;
        try {
          el = axe.utils.shadowSelect(t[0] as Parameters<Axe['utils']['shadowSelect']>[0]);
        } catch {
          return null;
        }
        if (!el) return null;
        const r = el.getBoundingClientRect();
        if (!(r.width > 0 || r.height > 0)) return null;
        return { x: r.left + sx, y: r.top + sy, width: r.width, height: r.height };
      });
      const root = document.documentElement;
      const width = Math.max(root?.scrollWidth ?? 0, document.body?.scrollWidth ?? 0, window.innerWidth);
      const height = Math.max(root?.scrollHeight ?? 0, document.body?.scrollHeight ?? 0, window.innerHeight);
      return { rects, width, height };
    },
    async spaRoute(url) {
      const target = new URL(url, location.href);
      if (target.origin !== location.origin) throw new Error('not the same origin');
      history.pushState(null, '', target.href);
      // Routers (vue-router, react-router…) render the route on popstate; the event reaches the
      // page's listeners though it is sent from kanjian's world.
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
      await settle();
      return location.href;
    },
  };
}

/** Runs once per document in kanjian's world, right after axe.min.js: prepares axe and exposes the API. */
export function install(): void {
  const g = globalThis as unknown as Record<string, unknown> & { axe?: Axe };
  if (g[PAGE_API_KEY]) return;
  const axe = g.axe;
  if (!axe) return;
  // No frame messaging at all: each frame is asked by the driver (runPartial), so axe must neither
  // post results over postMessage nor answer requests a page forges.
  axe.frameMessenger({ open: () => undefined, post: () => false });
  // kanjian's 适老化 rules and the transform checks (off unless a run asks for them by id).
  axe.configure({ rules: [...elderlyProfile.rules, ...transformProfile.rules], checks: [...elderlyProfile.checks, ...transformProfile.checks] });
  g[PAGE_API_KEY] = makeApi(axe);
  // The audited document must stay put: a meta refresh (even "0; url=…") starts its timer only after
  // the load event, and stopping the document inside the load event cancels it.
  if (document.readyState !== 'complete') window.addEventListener('load', () => window.stop(), { capture: true, once: true });
}

/** The results of one frame tree, as axe.finishRun returns them (re-exported for the Node side). */
export type { AxeResults };

install();
