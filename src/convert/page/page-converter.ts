import { convertibleAttributes, hasHan, isInSkippedSubtree, isSkippedElement, READABLE_ATTRIBUTES, walk } from './walk';
import { isChineseLang } from './lang';
import { domFits, frameBoundedPause, orderForViewport, placeInViewport, planSegments, runInSlices, type Segment } from './chunks';

interface Rec {
  orig: string;
  conv: string;
}

const OBSERVED_ATTRIBUTES = [...READABLE_ATTRIBUTES, 'value', 'lang'];
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES };

export interface PageConverterOptions {
  /** Converts one string; must be pure and synchronous. */
  convert(text: string): string;
  /** The lang tag converted Chinese content should carry (e.g. zh-TW). */
  langTag: string;
  /** Schedules a batch (rAF in pages; tests may pass a synchronous scheduler). */
  schedule?(cb: () => void): void;
}

/** A conversion or restore running in slices: `visible` once what is on screen is done, `done` at the end. */
export interface SlicedRun {
  visible: Promise<void>;
  /** True when the run finished; false when a later start/restore superseded it. */
  done: Promise<boolean>;
}

/** Pages up to this many elements are done in one go (a few ms); bigger ones in slices. */
export const ONE_GO_ELEMENTS = 3000;

/** True when the page is small enough to be done in one go (counted only up to the limit). */
const isSmallPage = (root: Element | null): root is null => !root || domFits(root, ONE_GO_ELEMENTS + 1);

/**
 * A big page's conversion planned before the converter is ready: its segments in the order to do
 * them, cut and placed while the dictionary is still loading (~25 ms on an 80,000-element page that
 * the first screen no longer waits for). Until it is used, it notes what the page adds (a split
 * container's new children belong to no segment); drop it if it is not used.
 */
export class ConversionPlan {
  private readonly added: MutationObserver;
  /** Records delivered to the observer so far (delivery empties its queue: kept here). */
  private readonly seen: MutationRecord[] = [];
  private constructor(
    readonly doc: Document,
    readonly order: Segment[],
    readonly visibleCount: number,
  ) {
    this.added = new MutationObserver((records) => void this.seen.push(...records));
    this.added.observe(doc, { childList: true, subtree: true });
  }

  /** Plans the page as it is now; null when it is done in one go (nothing to plan ahead). */
  static of(doc: Document): ConversionPlan | null {
    const root = doc.documentElement;
    if (isSmallPage(root)) return null;
    const { order, visibleCount } = planInOrder(doc, root);
    return new ConversionPlan(doc, order, visibleCount);
  }

  /** What the page added since the plan was made; the plan stops noting. */
  take(): MutationRecord[] {
    const records = [...this.seen, ...this.added.takeRecords()];
    this.drop();
    return records;
  }

  drop(): void {
    this.added.disconnect();
    this.seen.length = 0;
  }
}
/** The page's segments for a conversion, on screen first. */
function planInOrder(doc: Document, root: Element): { order: Segment[]; visibleCount: number } {
  return inViewportOrder(doc, planSegments(root, { maxElements: SEGMENT_ELEMENTS, skip: isSkippedElement }));
}

/** Segments in the order to work in: on screen first. */
function inViewportOrder(doc: Document, segments: Segment[]): { order: Segment[]; visibleCount: number } {
  const win = doc.defaultView;
  return win ? orderForViewport(segments, (s) => placeInViewport(s, win)) : { order: segments, visibleCount: segments.length };
}

/** Largest subtree done as one piece, and the work per slice before the page gets the thread back. */
const SEGMENT_ELEMENTS = 400;
const SLICE_BUDGET_MS = 12;
/**
 * At most this long (about two slices) of writing before the browser gets to render a frame: on the
 * 80,000-element page its longest frame is then 250–290 ms instead of 500 (12 ms: frames of ~100 ms,
 * but a run twice as long; 50 ms: frames up to 330 ms). See frameBoundedPause.
 */
const WRITING_BETWEEN_FRAMES_MS = 25;
/**
 * Restoring writes a stored string back, with no dictionary to look up: the same script time writes
 * several times the text, and the frame after it lays out that much more. So a restore gets shorter
 * slices and a frame sooner, for about as much text per frame as a conversion (80,000 elements,
 * bench: 12/25 ms gave a longest task of 316 ms and done in 1.3 s; 6/12 ms 156 ms and 2.0 s, as long
 * as the conversion itself; 4/8 ms 118 ms but 2.4 s).
 */
const RESTORE_PACING = { sliceMs: 6, betweenFramesMs: 12 };
const CONVERT_PACING = { sliceMs: SLICE_BUDGET_MS, betweenFramesMs: WRITING_BETWEEN_FRAMES_MS };

/**
 * Converts a live document in place and puts it back exactly. Every change is recorded as
 * {original, converted}; restoring writes the original back only where the page still shows our
 * converted value, so whatever the page changed in between is kept. Content the page adds or changes
 * later is converted in batches (one per frame); our own writes are taken out of the observer's queue
 * so they never trigger another round.
 */
export class PageConverter {
  private readonly texts = new WeakMap<Text, Rec>();
  private readonly attrs = new WeakMap<Element, Map<string, Rec>>();
  private readonly langs = new WeakMap<Element, { orig: string | null; conv: string }>();
  /** Every root we converted in (the document, open shadow roots) and its observer while active. */
  private readonly roots = new Map<Document | ShadowRoot, MutationObserver | null>();
  /** Bumped by every start/restore: a sliced run that sees it change stops. */
  private run = 0;
  private pendingNodes = new Set<Node>();
  private pendingAttrs = new Set<Element>();
  private scheduled = false;
  private active = false;
  /** Statistics for diagnostics and benchmarks. */
  readonly stats = { textNodes: 0, attributes: 0, batches: 0 };

  constructor(
    private readonly doc: Document,
    private readonly opts: PageConverterOptions,
  ) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Converts everything now and starts following changes. */
  start(): void {
    this.run++;
    this.active = true;
    this.observeRoot(this.doc);
    this.convertTree(this.doc.documentElement);
    this.takeOwnRecords();
  }

  /**
   * Converts what is on screen first, then the rest in slices that leave the page responsive;
   * content the page adds meanwhile is converted by the observer as usual. A restore issued
   * meanwhile stops it (and puts back what was done).
   */
  startInSlices(plan: ConversionPlan | null = null): SlicedRun {
    const root = this.doc.documentElement;
    const ahead = plan?.doc === this.doc ? plan : null;
    if (!ahead && isSmallPage(root)) {
      plan?.drop();
      this.start();
      return { visible: Promise.resolve(), done: Promise.resolve(true) };
    }
    const run = ++this.run;
    this.active = true;
    this.observeRoot(this.doc);
    const work = (seg: Segment): void => {
      if (!seg.node.isConnected) return; // removed by the page since the plan
      if (!seg.deep) return this.convertContainer(seg.node as Element);
      this.convertTree(seg.node);
      if (seg.node.nodeType === 1) this.langOnSegment(seg.node as Element);
    };
    if (ahead) {
      // What the page added since the plan goes through the observer's path, like any later addition.
      this.onMutations(ahead.take());
      return this.slices(run, { order: ahead.order, visibleCount: ahead.visibleCount }, work, CONVERT_PACING);
    }
    return this.slices(run, planInOrder(this.doc, root!), work, CONVERT_PACING);
  }

  /** Stops following changes and puts back every original that the page still shows converted. */
  restore(): void {
    this.run++;
    this.stopObserving();
    for (const root of this.roots.keys()) this.restoreTree(root);
    this.roots.clear();
  }

  /** restore(), on screen first, then in slices. A start issued meanwhile stops it and converts again. */
  restoreInSlices(): SlicedRun {
    const root = this.doc.documentElement;
    if (isSmallPage(root)) {
      this.restore();
      return { visible: Promise.resolve(), done: Promise.resolve(true) };
    }
    const run = ++this.run;
    this.stopObserving();
    const segments: Segment[] = [];
    for (const r of this.roots.keys()) {
      if (r.nodeType === 9) segments.push(...planSegments(root, { maxElements: SEGMENT_ELEMENTS, skip: () => false }));
      else segments.push({ node: r, deep: true }); // open shadow roots: small, done whole
    }
    const sliced = this.slices(run, inViewportOrder(this.doc, segments), (seg) => {
      if (seg.node.nodeType === 11) this.restoreTree(seg.node as ShadowRoot);
      else if (seg.deep) this.restoreSubtree(seg.node);
      else this.restoreElement(seg.node as Element);
    }, RESTORE_PACING);
    // Forget the roots only if nothing started converting again meanwhile.
    void sliced.done.then((finished) => {
      if (finished && !this.active) this.roots.clear();
    });
    return sliced;
  }

  private stopObserving(): void {
    this.active = false;
    for (const [root, o] of this.roots) {
      o?.disconnect();
      this.roots.set(root, null);
    }
    this.pendingNodes.clear();
    this.pendingAttrs.clear();
  }

  private slices(
    run: number,
    { order, visibleCount }: { order: Segment[]; visibleCount: number },
    work: (s: Segment) => void,
    pacing: { sliceMs: number; betweenFramesMs: number },
  ): SlicedRun {
    const win = this.doc.defaultView;
    let visible!: () => void;
    const visiblePromise = new Promise<void>((r) => (visible = r));
    const done = runInSlices(order, work, {
      budgetMs: pacing.sliceMs,
      now: () => performance.now(),
      pause: win ? frameBoundedPause(win, pacing.betweenFramesMs) : () => Promise.resolve(),
      cancelled: () => this.run !== run,
      beginSlice: () => this.pauseDocObserver(),
      endSlice: () => {
        this.takeOwnRecords();
        this.resumeDocObserver();
      },
      onVisible: () => visible(),
      visibleCount,
    }).finally(() => visible());
    return { visible: visiblePromise, done };
  }

  private observeRoot(root: Document | ShadowRoot): void {
    if (this.roots.get(root)) return;
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, OBSERVE);
    this.roots.set(root, observer);
  }

  /**
   * A slice writes thousands of nodes: with the document observed, each write also makes a record
   * that is thrown away at the slice's end (a third of the script time on an 80,000-element page).
   * So the document is not observed during a slice; what the page changed before it is taken first.
   */
  private pauseDocObserver(): void {
    const o = this.roots.get(this.doc);
    if (!o) return;
    this.onMutations(o.takeRecords());
    o.disconnect();
  }

  private resumeDocObserver(): void {
    this.roots.get(this.doc)?.observe(this.doc, OBSERVE);
  }

  private takeOwnRecords(): void {
    for (const o of this.roots.values()) o?.takeRecords();
  }

  private onMutations(records: MutationRecord[]): void {
    if (!this.active) return;
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => this.pendingNodes.add(n));
      else if (r.type === 'characterData') this.pendingNodes.add(r.target);
      else if (r.type === 'attributes') this.pendingAttrs.add(r.target as Element);
    }
    if (!this.scheduled && (this.pendingNodes.size || this.pendingAttrs.size)) {
      this.scheduled = true;
      const run = (): void => {
        this.scheduled = false;
        this.flush();
      };
      if (this.opts.schedule) this.opts.schedule(run);
      else this.scheduleFrame(run);
    }
  }

  /** One batch per frame; a hidden tab has no frames, so fall back to a timer there. */
  private scheduleFrame(run: () => void): void {
    const win = this.doc.defaultView;
    if (!win) return run();
    let done = false;
    const once = (): void => {
      if (done) return;
      done = true;
      run();
    };
    win.requestAnimationFrame(once);
    if (this.doc.visibilityState === 'hidden') win.setTimeout(once, 100);
  }

  /** Converts what changed since the last batch. */
  flush(): void {
    if (!this.active) return;
    const nodes = [...this.pendingNodes];
    const elements = [...this.pendingAttrs];
    this.pendingNodes.clear();
    this.pendingAttrs.clear();
    this.stats.batches++;
    for (const n of nodes) {
      if (!n.isConnected || isInSkippedSubtree(n.parentNode ?? n)) continue;
      this.convertTree(n);
    }
    for (const el of elements) {
      if (!el.isConnected || isInSkippedSubtree(el)) continue;
      this.convertAttributes(el);
      this.convertLang(el);
    }
    this.takeOwnRecords();
  }

  private convertTree(root: Node | null): void {
    if (!root) return;
    walk(
      root,
      (t) => this.convertText(t),
      (el, names) => {
        // No attributes: nothing to convert, and no lang (only <html> gets one without having one).
        if (names.length === 0 && el !== this.doc.documentElement) return;
        this.convertAttributes(el, names);
        this.convertLang(el);
      },
      (sr) => this.convertShadowRoot(sr),
    );
  }

  /**
   * A container split into segments: its own attributes and its shadow root (its children are
   * segments of their own). Its lang is left alone: changing the lang of <html> or of any big
   * container makes the browser restyle and reshape all the text under it in one task (1.2–1.9 s on
   * an 80,000-element page); the segments carry the lang instead, each with its own text.
   */
  private convertContainer(el: Element): void {
    this.convertAttributes(el);
    if (el.shadowRoot) this.convertShadowRoot(el.shadowRoot);
  }

  /** A segment without a lang of its own, in Chinese content, is marked as the script it now shows. */
  private langOnSegment(el: Element): void {
    if (el.hasAttribute('lang') || this.langs.has(el)) return;
    const inherited = el.parentElement?.closest('[lang]');
    const lang = inherited?.getAttribute('lang') ?? '';
    // Chinese or unmarked content follows the conversion; Japanese etc. was skipped; English stays English.
    if (lang && !isChineseLang(lang)) return;
    if (lang === this.opts.langTag) return;
    this.langs.set(el, { orig: null, conv: this.opts.langTag });
    el.setAttribute('lang', this.opts.langTag);
  }

  private convertShadowRoot(sr: ShadowRoot): void {
    this.observeRoot(sr);
    this.convertTree(sr);
  }

  private convertText(t: Text): void {
    const value = t.nodeValue ?? '';
    const rec = this.texts.get(t);
    if (rec && rec.conv === value) return; // still ours
    if (!hasHan(value)) {
      if (rec) this.texts.delete(t);
      return;
    }
    const conv = this.opts.convert(value);
    if (conv === value) {
      if (rec) this.texts.delete(t);
      return;
    }
    this.texts.set(t, { orig: value, conv });
    t.nodeValue = conv;
    this.stats.textNodes++;
  }

  private convertAttributes(el: Element, present?: readonly string[]): void {
    const names = convertibleAttributes(el, present);
    if (!names.length) return;
    let recs = this.attrs.get(el);
    for (const name of names) {
      const value = el.getAttribute(name) ?? '';
      const rec = recs?.get(name);
      if (rec && rec.conv === value) continue;
      if (!hasHan(value)) continue;
      const conv = this.opts.convert(value);
      if (conv === value) continue;
      if (!recs) this.attrs.set(el, (recs = new Map()));
      recs.set(name, { orig: value, conv });
      el.setAttribute(name, conv);
      this.stats.attributes++;
    }
  }

  private convertLang(el: Element): void {
    const isRoot = el === this.doc.documentElement;
    const current = el.getAttribute('lang');
    const rec = this.langs.get(el);
    if (rec && rec.conv === current) return;
    if (current === null ? !isRoot : !isChineseLang(current)) return;
    if (current === this.opts.langTag) return;
    this.langs.set(el, { orig: current, conv: this.opts.langTag });
    el.setAttribute('lang', this.opts.langTag);
  }

  private restoreTree(root: Document | ShadowRoot): void {
    const start = root.nodeType === 9 ? (root as Document).documentElement : root;
    if (start) this.restoreSubtree(start);
  }

  private restoreElement(el: Element): void {
    const recs = this.attrs.get(el);
    if (recs) {
      for (const [name, rec] of recs) if (el.getAttribute(name) === rec.conv) el.setAttribute(name, rec.orig);
      this.attrs.delete(el);
    }
    const lang = this.langs.get(el);
    if (lang) {
      if (el.getAttribute('lang') === lang.conv) {
        if (lang.orig === null) el.removeAttribute('lang');
        else el.setAttribute('lang', lang.orig);
      }
      this.langs.delete(el);
    }
  }

  private restoreText(t: Text): void {
    const rec = this.texts.get(t);
    if (rec) {
      if (t.nodeValue === rec.conv) t.nodeValue = rec.orig;
      this.texts.delete(t);
    }
  }

  /** Restores `start` and everything under it (shadow roots are restored as roots of their own). */
  private restoreSubtree(start: Node): void {
    if (start.nodeType === 3) return this.restoreText(start as Text);
    if (start.nodeType === 1) this.restoreElement(start as Element);
    const walker = this.doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) this.restoreText(n as Text);
      else this.restoreElement(n as Element);
    }
  }
}
