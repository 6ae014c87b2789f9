import type { PageContext } from './aid';
import { isMarkedOwnUi } from '../shared/own-ui';
import { UNRENDERED_TAGS } from '../shared/unrendered';
import { afterNextFrame, runPaced } from '../shared/slices';
import { orderForViewport, placeInViewport, planSegments } from '../convert/page/chunks';
import { SCHEME_SELF_ATTR, SCHEME_TREE_ATTR, type SchemeId } from './schemes';

/**
 * 配色 on a big page, part by part. One rule over every element makes the browser restyle and lay
 * out the whole page in one task (~1 s on 80,000 elements), and so does taking it away. Instead the
 * page is cut into parts (subtrees of at most PART_ELEMENTS elements) and the containers above them;
 * each part gets the scheme by a tag (SCHEME_TREE_ATTR), what is on screen first, the rest in slices
 * paced by the frames that follow them. Switching scheme or back to the original goes the same way.
 *
 * Containers (<html>, <body>, …) carry their own tag (SCHEME_SELF_ATTR). Their text colour is
 * inherited, so it changes only while every part under them has its own: then the browser restyles
 * the container and stops at its children. Until then they carry the scheme's background alone.
 */
const PART_ELEMENTS = 400;
const SLICE_MS = 8;
/** The browser's time per frame to restyle and lay out the parts a slice tagged (ms). */
const RENDER_MS = 100;
/** A tag the page takes away is put back this often per element, then left: no tug of war with a page script. */
const MAX_RETAGS = 3;

const skipped = (el: Element): boolean => UNRENDERED_TAGS.has(el.localName) || isMarkedOwnUi(el);

export class SchemeTags {
  /** Subtrees tagged as one part, and the containers above them; null until the first run plans them. */
  private parts: Set<Element> | null = null;
  private readonly containers = new Set<Element>();
  /** <html> as planned: a container like the others but for its colour (see goTo), and a new one means a new document. */
  private root: Element | null = null;
  /** The value each tag of ours should have (null: none), to tell the page's changes from ours. */
  private readonly wanted = new Map<Element, string | null>();
  private retags = new WeakMap<Element, number>();
  private target: SchemeId | null = null;
  /** Schemes some tag may still carry: their rules stay until a run ends. */
  private inUse = new Set<SchemeId>();
  private run = 0;

  /** `setRules` is told the schemes whose rules the page needs, before any tag that uses them is written. */
  constructor(
    private readonly page: PageContext,
    private readonly setRules: (ids: readonly SchemeId[]) => void,
  ) {}

  get active(): boolean {
    return this.parts !== null;
  }

  /** The schemes whose rules the page needs now. */
  get schemesInUse(): SchemeId[] {
    return [...this.inUse];
  }

  /** Takes every part to `target` (null: the page's own colours); false if another run took over. */
  async goTo(target: SchemeId | null): Promise<boolean> {
    const run = ++this.run;
    // Planned once per document: after a document.open() or a new <html>, planned afresh.
    if (this.parts && this.root !== this.page.doc.documentElement) this.strip();
    const win = this.page.win;
    this.target = target;
    if (target) this.inUse.add(target);
    this.setRules([...this.inUse]);
    if (!this.parts) this.plan();
    // Containers first. A container has the whole scheme only once every part under it has one of
    // its own (a run to a scheme finished; runs between schemes keep it so): its colour may then
    // change at once, the browser stopping at its children. Otherwise its background alone. The
    // root keeps the background alone throughout: the root's colour-scheme is the whole document's,
    // and a change of it restyles every element (~0.6 s on 80,000 elements).
    for (const el of this.containers) {
      if (el === this.root) {
        if (target) this.write(el, SCHEME_SELF_ATTR, `${target}-bg`);
        continue;
      }
      const now = this.wanted.get(el) ?? null;
      const whole = now !== null && !now.endsWith('-bg');
      if (target) this.write(el, SCHEME_SELF_ATTR, whole ? target : `${target}-bg`);
      else if (whole) this.write(el, SCHEME_SELF_ATTR, `${now}-bg`);
    }
    // A part the page has taken out for now still takes the scheme (a cheap write when detached):
    // if it comes back, it must not carry a scheme whose rules are gone.
    const parts: Element[] = [];
    for (const el of this.parts!) {
      if (el.isConnected) parts.push(el);
      else this.write(el, SCHEME_TREE_ATTR, target);
    }
    const { order, visibleCount } = orderForViewport(
      parts.map((node) => ({ node, deep: true })),
      (s) => placeInViewport(s, win),
    );
    const done = await runPaced(order, (s) => this.write(s.node as Element, SCHEME_TREE_ATTR, target), {
      scriptBudgetMs: SLICE_MS,
      renderBudgetMs: RENDER_MS,
      firstItems: Math.max(1, visibleCount),
      now: () => win.performance.now(),
      // From the slice's end, not the frame's start: the restyle of what it tagged may come before
      // the frame's callbacks (traced), and a slice must be sized by all of it.
      frame: afterNextFrame(win, 'call'),
      cancelled: () => run !== this.run,
      visibleCount,
    });
    if (!done) return false;
    for (const el of this.containers) this.write(el, SCHEME_SELF_ATTR, el === this.root ? target && `${target}-bg` : target);
    this.inUse = new Set(target ? [target] : []);
    this.setRules([...this.inUse]);
    if (!target) this.forget();
    return true;
  }

  /** Takes every tag away at once (the aid removed, an audit about to run). */
  clear(): void {
    this.run++;
    this.strip();
    this.setRules([]);
  }

  /**
   * Content the page adds later: inside a part it is covered by the part's tag; a new child of a
   * container becomes a part of its own. A part the page takes out of a container is forgotten and
   * its tag taken off (a feed that keeps replacing its rows must not grow our lists; a row put back
   * is a new part). A tag the page removed or changed is put back (MAX_RETAGS).
   */
  onMutations(records: readonly MutationRecord[]): void {
    if (!this.parts) return;
    for (const r of records) {
      if (r.type === 'childList') {
        if (!this.containers.has(r.target as Element)) continue;
        for (const n of r.removedNodes) {
          const el = n as Element;
          if (n.nodeType !== 1 || !this.parts.has(el) || el.parentNode === r.target) continue;
          this.parts.delete(el);
          this.wanted.delete(el);
          el.removeAttribute(SCHEME_TREE_ATTR);
        }
        for (const n of r.addedNodes) {
          const el = n as Element;
          if (n.nodeType !== 1 || skipped(el) || this.containers.has(el) || el.parentNode !== r.target) continue;
          this.parts.add(el);
          this.write(el, SCHEME_TREE_ATTR, this.target);
        }
      } else if (r.type === 'attributes' && (r.attributeName === SCHEME_TREE_ATTR || r.attributeName === SCHEME_SELF_ATTR)) {
        const el = r.target as Element;
        const attr = this.containers.has(el) ? SCHEME_SELF_ATTR : SCHEME_TREE_ATTR;
        if (r.attributeName !== attr || !this.wanted.has(el)) continue;
        const want = this.wanted.get(el)!;
        if (el.getAttribute(attr) === want) continue;
        const n = this.retags.get(el) ?? 0;
        if (n >= MAX_RETAGS) continue;
        this.retags.set(el, n + 1);
        this.write(el, attr, want);
      }
    }
  }

  private plan(): void {
    const root = this.page.doc.documentElement;
    this.parts = new Set();
    this.root = root;
    if (!root) return;
    for (const s of planSegments(root, { maxElements: PART_ELEMENTS, skip: skipped })) {
      if (s.node.nodeType !== 1) continue;
      if (s.deep) this.parts.add(s.node as Element);
      else this.containers.add(s.node as Element);
    }
  }

  private write(el: Element, attr: string, value: string | null): void {
    this.wanted.set(el, value);
    if (value === null) {
      if (el.hasAttribute(attr)) el.removeAttribute(attr);
    } else if (el.getAttribute(attr) !== value) el.setAttribute(attr, value);
  }

  /** Our tags off every element we know, and the plan forgotten. */
  private strip(): void {
    for (const el of this.wanted.keys()) {
      el.removeAttribute(SCHEME_TREE_ATTR);
      el.removeAttribute(SCHEME_SELF_ATTR);
    }
    this.forget();
  }

  private forget(): void {
    this.parts = null;
    this.retags = new WeakMap();
    this.containers.clear();
    this.wanted.clear();
    this.inUse.clear();
    this.target = null;
    this.root = null;
  }
}
