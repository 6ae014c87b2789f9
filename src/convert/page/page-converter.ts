import { convertibleAttributes, hasHan, isInSkippedSubtree, READABLE_ATTRIBUTES, walk } from './walk';
import { isChineseLang } from './lang';

interface Rec {
  orig: string;
  conv: string;
}

const OBSERVED_ATTRIBUTES = [...READABLE_ATTRIBUTES, 'value', 'lang'];

export interface PageConverterOptions {
  /** Converts one string; must be pure and synchronous. */
  convert(text: string): string;
  /** The lang tag converted Chinese content should carry (e.g. zh-TW). */
  langTag: string;
  /** Schedules a batch (rAF in pages; tests may pass a synchronous scheduler). */
  schedule?(cb: () => void): void;
}

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
  private readonly roots = new Set<Document | ShadowRoot>();
  private readonly observers: MutationObserver[] = [];
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
    if (this.active) return;
    this.active = true;
    this.observeRoot(this.doc);
    this.convertTree(this.doc.documentElement);
    this.takeOwnRecords();
  }

  /** Stops following changes and puts back every original that the page still shows converted. */
  restore(): void {
    if (!this.active) return;
    this.active = false;
    for (const o of this.observers) o.disconnect();
    this.observers.length = 0;
    this.pendingNodes.clear();
    this.pendingAttrs.clear();
    for (const root of this.roots) this.restoreTree(root);
    this.roots.clear();
  }

  private observeRoot(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: OBSERVED_ATTRIBUTES,
    });
    this.observers.push(observer);
  }

  private takeOwnRecords(): void {
    for (const o of this.observers) o.takeRecords();
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
      (el) => {
        this.convertAttributes(el);
        this.convertLang(el);
      },
      (sr) => {
        this.observeRoot(sr);
        this.convertTree(sr);
      },
    );
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

  private convertAttributes(el: Element): void {
    const names = convertibleAttributes(el);
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
    if (!start) return;
    const doc = this.doc;
    const restoreEl = (el: Element): void => {
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
    };
    if (start.nodeType === 1) restoreEl(start as Element);
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) {
        const t = n as Text;
        const rec = this.texts.get(t);
        if (rec) {
          if (t.nodeValue === rec.conv) t.nodeValue = rec.orig;
          this.texts.delete(t);
        }
      } else restoreEl(n as Element);
    }
  }
}
