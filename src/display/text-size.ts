import { TEXT_SCALE_STEPS } from '../settings/schema';
import type { Aid, PageContext } from './aid';
import type { ControlSpec } from '../toolbar/types';
import { isOwnUi, PageStyle } from './page-style';
import { Listeners } from '../shared/listeners';

/**
 * Text size. Page text is usually sized in px, so scaling the root font-size does nothing on most
 * portals. Instead each element that holds text is tagged with its own computed size (measured with
 * our rules switched off) and one generated rule per distinct size scales it; px line heights scale
 * with it so lines never overlap. Tags and rules are removed on reset, leaving the page exact.
 */
const FS = 'data-kj-fs';
const LH = 'data-kj-lh';
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);
const CONTROLS = 'input, button, select, textarea, option, optgroup, legend';

export function nextTextScale(current: number, direction: 1 | -1): number {
  const steps = TEXT_SCALE_STEPS as readonly number[];
  if (direction > 0) return steps.find((s) => s > current) ?? current;
  return [...steps].reverse().find((s) => s < current) ?? current;
}

/** Rounds a px size so nearly equal sizes share one rule and one attribute value. */
export function sizeKey(px: number): string {
  return String(Math.round(px * 100) / 100);
}

export function buildTextScaleCss(fontSizes: Iterable<string>, lineHeights: Iterable<string>, scalePercent: number): string {
  const k = scalePercent / 100;
  const rules: string[] = [];
  for (const v of fontSizes) rules.push(`[${FS}="${v}"]{font-size:${sizeKey(Number(v) * k)}px!important}`);
  for (const v of lineHeights) rules.push(`[${LH}="${v}"]{line-height:${sizeKey(Number(v) * k)}px!important}`);
  return rules.join('');
}

function hasOwnText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
  }
  return false;
}

class TextScaler {
  private readonly listeners = new Listeners();
  private readonly style: PageStyle;
  private scale = 100;
  private readonly fontSizes = new Set<string>();
  private readonly lineHeights = new Set<string>();
  private observer: MutationObserver | null = null;
  private pending = new Set<Element>();
  private frame = 0;
  private readonly onLoad = (): void => this.measure([this.page.doc.documentElement]);

  constructor(private readonly page: PageContext) {
    this.style = new PageStyle(page.doc, 'text-size');
  }

  apply(scale: number): void {
    if (scale === this.scale && this.observer) return;
    this.scale = scale;
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.onMutations(records));
      this.observer.observe(this.page.doc, { childList: true, subtree: true });
      this.listeners.on(this.page.doc, 'DOMContentLoaded', this.onLoad);
      this.listeners.on(this.page.win, 'load', this.onLoad);
      this.measure([this.page.doc.documentElement]);
    }
    this.render();
  }

  remove(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.listeners.off();
    if (this.frame) this.page.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending.clear();
    this.style.remove();
    for (const el of this.page.doc.querySelectorAll(`[${FS}],[${LH}]`)) {
      el.removeAttribute(FS);
      el.removeAttribute(LH);
    }
    this.fontSizes.clear();
    this.lineHeights.clear();
    this.scale = 100;
  }

  private render(): void {
    // The custom property lets kanjian's own overlays (the reading view) follow the text size.
    const shared = `html{--kanjian-text-scale:${this.scale / 100}}`;
    this.style.set(shared + buildTextScaleCss(this.fontSizes, this.lineHeights, this.scale));
  }

  private onMutations(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of r.addedNodes) {
        const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
        if (el && !isOwnUi(el)) this.pending.add(el);
      }
    }
    if (this.pending.size && !this.frame) {
      // Batch per frame: rAF runs before the next paint, so new content never shows at the old size.
      this.frame = this.page.win.requestAnimationFrame(() => {
        this.frame = 0;
        const roots = [...this.pending];
        this.pending.clear();
        this.measure(roots);
      });
    }
  }

  /** Measures the page's own sizes under `roots` with our rules off, then tags and re-renders. */
  private measure(roots: Array<Element | null>): void {
    const doc = this.page.doc;
    const targets = new Set<Element>();
    for (const root of roots) {
      if (!root || !root.isConnected || isOwnUi(root)) continue;
      if (hasOwnText(root) || root.matches(CONTROLS)) targets.add(root);
      const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, {
        acceptNode: (node) => {
          const el = node as Element;
          if (SKIP.has(el.localName) || isOwnUi(el)) return NodeFilter.FILTER_REJECT;
          return NodeFilter.FILTER_ACCEPT;
        },
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n as Element;
        if (hasOwnText(el) || el.matches(CONTROLS)) targets.add(el);
      }
    }
    if (!targets.size) return;
    const view = doc.defaultView ?? this.page.win;
    this.style.setDisabled(true);
    const found: Array<[Element, string, string | null]> = [];
    try {
      for (const el of targets) {
        const cs = view.getComputedStyle(el);
        const fs = parseFloat(cs.fontSize);
        if (!(fs > 0)) continue;
        const lh = cs.lineHeight.endsWith('px') ? parseFloat(cs.lineHeight) : NaN;
        found.push([el, sizeKey(fs), lh > 0 ? sizeKey(lh) : null]);
      }
    } finally {
      this.style.setDisabled(false);
    }
    let grew = false;
    for (const [el, fs, lh] of found) {
      if (el.getAttribute(FS) !== fs) el.setAttribute(FS, fs);
      if (!this.fontSizes.has(fs)) {
        this.fontSizes.add(fs);
        grew = true;
      }
      if (lh) {
        if (el.getAttribute(LH) !== lh) el.setAttribute(LH, lh);
        if (!this.lineHeights.has(lh)) {
          this.lineHeights.add(lh);
          grew = true;
        }
      } else if (el.hasAttribute(LH)) el.removeAttribute(LH);
    }
    if (grew) this.render();
  }
}

const scalers = new WeakMap<Document, TextScaler>();

export const textSizeAid: Aid<'textScale'> = {
  id: 'text-size',
  setting: 'textScale',
  apply(page, value) {
    let scaler = scalers.get(page.doc);
    if (value === 100) {
      scaler?.remove();
      return;
    }
    if (!scaler) {
      scaler = new TextScaler(page);
      scalers.set(page.doc, scaler);
    }
    scaler.apply(value);
  },
  remove(page) {
    scalers.get(page.doc)?.remove();
  },
};

export const textSizeControls: ControlSpec[] = [
  {
    id: 'text-larger',
    label: 'textLarger',
    icon: 'A+',
    group: 'text',
    disabled: (s) => nextTextScale(s.textScale, 1) === s.textScale,
    run(s) {
      const next = nextTextScale(s.textScale, 1);
      if (next === s.textScale) return { patch: {}, announce: { key: 'textSizeMax' } };
      return { patch: { textScale: next }, announce: { key: 'textSizeNow', params: [next] } };
    },
  },
  {
    id: 'text-smaller',
    label: 'textSmaller',
    icon: 'A−',
    group: 'text',
    disabled: (s) => nextTextScale(s.textScale, -1) === s.textScale,
    run(s) {
      const next = nextTextScale(s.textScale, -1);
      if (next === s.textScale) return { patch: {}, announce: { key: 'textSizeMin' } };
      return { patch: { textScale: next }, announce: { key: 'textSizeNow', params: [next] } };
    },
  },
  {
    id: 'text-reset',
    label: 'textReset',
    icon: 'A',
    group: 'text',
    run: () => ({ patch: { textScale: 100 }, announce: { key: 'textSizeNow', params: [100] } }),
  },
];
