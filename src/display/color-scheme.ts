import type { SiteSettings } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { SchemeTags } from './scheme-tags';
import { isBigLoadedPage } from '../shared/big-page';
import {
  buildSchemeCss,
  buildSchemeVars,
  buildTaggedCss,
  inlineOverrides,
  PALETTES,
  SCHEME_SELF_ATTR,
  SCHEME_TREE_ATTR,
  type Palette,
  type SchemeId,
} from './schemes';

/**
 * 配色: paints the page in a high-contrast scheme. The stylesheet (our first cascade layer, all
 * !important) beats the page's rules, layered or not, !important or not. Only an inline
 * `style="…!important"` beats it: those elements get the scheme's colours inline too, and each one
 * is put back exactly (its style attribute byte for byte when the page has not touched it since).
 */
const IMPORTANT_INLINE = '[style*="important" i]';
interface Saved {
  /** The style attribute before we wrote to it. */
  original: string;
  /** The style attribute right after our write. */
  written: string;
  /** Our properties' previous values, to put back one by one if the page changed the attribute. */
  props: Array<[string, string, string]>;
}

class SchemeRunner {
  private readonly style: PageStyle;
  private scheme: SchemeId | null = null;
  private palette: Palette | null = null;
  /** How the scheme is on: one rule over the page, or by tags part by part (null: not on). */
  private mode: 'page' | 'tags' | null = null;
  private readonly tags: SchemeTags;
  private readonly saved = new Map<HTMLElement | SVGElement, Saved>();
  private observer: MutationObserver | null = null;
  /** A one-rule scheme's CSS kept in the layer while tags take the page over from it (see takeOverPageRule). */
  private pageRule: string | null = null;

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc);
    this.tags = new SchemeTags(page, (ids) => this.setTaggedRules(ids));
  }

  apply(id: SchemeId): void {
    if (this.scheme === id) return;
    this.restoreInline();
    const before = this.palette;
    this.scheme = id;
    this.palette = PALETTES[id];
    if (this.mode === 'page' && before) this.takeOverPageRule(before);
    this.mode ??= this.suitsTags() ? 'tags' : 'page';
    if (this.mode === 'page') this.style.set(buildSchemeVars(this.palette) + buildSchemeCss(this.palette));
    else this.runTags(id);
    this.scan(this.page.doc);
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(this.page.doc, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style', SCHEME_TREE_ATTR, SCHEME_SELF_ATTR],
      });
    }
  }

  /**
   * Back to the page's own colours: part by part if the scheme went on that way. Not from one rule
   * over the page (a part cannot show the page's own colours while that rule is there: revert-layer
   * in our layer's !important declarations falls back to the browser's defaults, not the page's).
   */
  off(): void {
    if (this.mode !== 'tags' || this.pageRule !== null) return this.remove();
    if (this.scheme === null) return;
    this.restoreInline();
    this.scheme = null;
    this.palette = null;
    this.runTags(null);
  }

  /** Leaves the page as it was, at once. */
  remove(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.restoreInline();
    this.scheme = null;
    this.palette = null;
    this.mode = null;
    this.pageRule = null;
    this.tags.clear();
    this.style.remove();
  }

  /**
   * A scheme applied as one rule (stored for the site: in place before first paint) is changed part
   * by part on a big page once it has loaded: its rule stays while the parts take the new scheme
   * (a tagged rule always outranks its one-rule twin), and goes when they all have. That last step
   * is one restyle of the page, with nothing to show.
   */
  private takeOverPageRule(palette: Palette): void {
    if (!this.suitsTags()) return;
    this.pageRule = buildSchemeCss(palette);
    this.mode = 'tags';
  }

  private runTags(target: SchemeId | null): void {
    void this.tags.goTo(target).then((done) => {
      if (!done) return;
      if (this.scheme === null) return this.remove();
      if (this.pageRule !== null) {
        this.pageRule = null;
        this.setTaggedRules(this.tags.schemesInUse);
      }
    });
  }

  private suitsTags(): boolean {
    return isBigLoadedPage(this.page.doc);
  }

  /** The rules of every scheme a tag may carry (and the overlays' colours), ahead of the tags. */
  private setTaggedRules(ids: readonly SchemeId[]): void {
    if (!ids.length && !this.palette && this.pageRule === null) return this.style.remove();
    const vars = this.palette ? buildSchemeVars(this.palette) : '';
    this.style.set(vars + (this.pageRule ?? '') + ids.map((id) => buildTaggedCss(id)).join(''));
  }

  private scan(root: ParentNode): void {
    if (!this.palette) return;
    const found: Element[] = [];
    if (root instanceof Element && root.matches(IMPORTANT_INLINE)) found.push(root);
    for (const el of root.querySelectorAll(IMPORTANT_INLINE)) found.push(el);
    for (const el of found) this.override(el);
    // Our own writes are style mutations too; drop them so they are not handled again.
    this.observer?.takeRecords();
  }

  private override(el: Element): void {
    const palette = this.palette;
    if (!palette || !('style' in el) || isOwnUi(el)) return;
    const target = el as HTMLElement | SVGElement;
    const prev = this.saved.get(target);
    const current = target.getAttribute('style') ?? '';
    if (prev && current === prev.written) return;
    const isLink = !!target.closest('a[href], [role="link"]');
    const wanted = inlineOverrides(target.style, palette, isLink).filter(([p, v]) => target.style.getPropertyValue(p) !== v);
    if (!wanted.length) return;
    const entry: Saved = prev
      ? { ...prev }
      : { original: current, written: '', props: [] };
    if (prev) entry.original = current; // the page rewrote the attribute: that is now its own value
    if (prev) entry.props = [];
    for (const [prop, value] of wanted) {
      entry.props.push([prop, target.style.getPropertyValue(prop), target.style.getPropertyPriority(prop)]);
      target.style.setProperty(prop, value, 'important');
    }
    entry.written = target.getAttribute('style') ?? '';
    this.saved.set(target, entry);
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.mode === 'tags') this.tags.onMutations(records);
    for (const r of records) {
      if (r.type === 'childList') {
        for (const n of r.addedNodes) if (n.nodeType === 1 && !isOwnUi(n)) this.scan(n as Element);
      } else if (r.attributeName === 'style' && r.target.nodeType === 1) {
        const el = r.target as Element;
        const entry = this.saved.get(el as HTMLElement);
        if (entry && el.getAttribute('style') === entry.written) continue;
        if (el.matches(IMPORTANT_INLINE)) this.override(el);
      }
    }
    this.observer?.takeRecords();
  }

  private restoreInline(): void {
    for (const [el, entry] of this.saved) {
      const current = el.getAttribute('style');
      if (current === entry.written) {
        el.setAttribute('style', entry.original);
      } else {
        // The page changed the attribute since: take back only what we set, if it is still ours.
        for (const [prop, value, priority] of entry.props) {
          if (el.style.getPropertyPriority(prop) !== 'important') continue;
          if (value) el.style.setProperty(prop, value, priority);
          else el.style.removeProperty(prop);
        }
      }
    }
    this.saved.clear();
    this.observer?.takeRecords();
  }
}

const runners = new WeakMap<Document, SchemeRunner>();

export const colorSchemeAid: Aid<'colorScheme'> = {
  id: 'color-scheme',
  setting: 'colorScheme',
  apply(page, value: SiteSettings['colorScheme']) {
    if (value === 'original') {
      runners.get(page.doc)?.off();
      return;
    }
    let runner = runners.get(page.doc);
    if (!runner) {
      runner = new SchemeRunner(page);
      runners.set(page.doc, runner);
    }
    runner.apply(value);
  },
  remove(page) {
    runners.get(page.doc)?.remove();
  },
};

const SCHEME_LABEL = {
  original: 'schemeOriginal',
  'white-on-black': 'schemeWhiteOnBlack',
  'black-on-white': 'schemeBlackOnWhite',
  'yellow-on-black': 'schemeYellowOnBlack',
  'black-on-yellow': 'schemeBlackOnYellow',
  'yellow-on-blue': 'schemeYellowOnBlue',
} as const;

export const schemeControls: ControlSpec[] = [
  {
    id: 'color-scheme',
    label: 'colorScheme',
    icon: '◑',
    group: 'color',
    active: (s) => s.colorScheme !== 'original',
    run: () => null,
    menu: () =>
      (Object.keys(SCHEME_LABEL) as Array<SiteSettings['colorScheme']>).map(
        (v): ControlSpec => ({
          id: `scheme-${v}`,
          label: SCHEME_LABEL[v],
          icon: '',
          group: 'color',
          pressed: (s) => s.colorScheme === v,
          run: () => ({ patch: { colorScheme: v }, announce: { key: 'schemeNow', params: [{ key: SCHEME_LABEL[v] }] } }),
        }),
      ),
  },
];
