// kanjian's checks for the CLI's transforms (`kanjian audit --transforms`), as axe custom rules so
// they get axe's selectors, frame paths, failure summaries and the report's localisation
// (texts in src/audit/rules/messages.ts). Runs inside the audited page (bundled by page.ts).
//
//   kanjian-reflow        with text at 200 %, an element sticks out past the 1280 px window and the
//                         page scrolls horizontally (WCAG 1.4.10)
//   kanjian-clipped-text  text cut off by a container with overflow hidden/clip (WCAG 1.4.4)
//   kanjian-lang-script   a Chinese lang tag that names one script on text written in the other,
//                         e.g. lang="zh-CN" on 繁體 text after 繁体版 conversion (WCAG 3.1.1/3.1.2)
import type { CheckHelper, Rule, Check } from 'axe-core';
import type { AuditOptionsInput } from '../../audit/options';
import { countScriptChars } from '../../convert/engine/detect-script';
import { defineCheck } from '../../audit/rules/define';
import { TRANSFORM_RULE_TEXT } from '../../audit/rules/messages';

export const TRANSFORM_RULE_IDS = ['kanjian-reflow', 'kanjian-clipped-text', 'kanjian-lang-script'] as const;
export const ZOOM_RULE_IDS = ['kanjian-reflow', 'kanjian-clipped-text'] as const;
export const SCRIPT_RULE_IDS = ['kanjian-lang-script'] as const;

/** Tolerance for sub-pixel rounding, CSS px. */
const SLACK = 1;

export interface Box { left: number; top: number; right: number; bottom: number }

// ---- pure parts (unit-tested) ----------------------------------------------------------------

/**
 * An element is a reflow culprit when it ends past the viewport while its parent does not: the
 * outermost element that sticks out, so one wide table is one finding, not one per cell.
 */
export function isReflowCulprit(box: Box, parentBox: Box | null, viewportWidth: number): boolean {
  if (box.right - box.left <= 0 || box.bottom - box.top <= 0) return false;
  if (box.right <= viewportWidth + SLACK) return false;
  return !parentBox || parentBox.right <= viewportWidth + SLACK;
}

/**
 * How many px of text stick out of a clipping box, along the clipped axes: the largest distance any
 * text rectangle reaches past the box. 0 when nothing is cut off.
 */
export function clippedBy(container: Box, textRects: readonly Box[], axes: { x: boolean; y: boolean }): number {
  let worst = 0;
  for (const r of textRects) {
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
    if (axes.x) worst = Math.max(worst, r.right - container.right, container.left - r.left);
    if (axes.y) worst = Math.max(worst, r.bottom - container.bottom, container.top - r.top);
  }
  return worst > SLACK ? Math.round(worst) : 0;
}

/** The script a Chinese lang tag names, or null (plain zh, or not Chinese). */
export function scriptOfLang(lang: string): 'simplified' | 'traditional' | null {
  const parts = lang.trim().toLowerCase().split(/[-_]/);
  if (!['zh', 'cmn', 'yue', 'lzh'].includes(parts[0] ?? '')) return null;
  const rest = parts.slice(1);
  if (rest.includes('hant') || rest.some((p) => p === 'tw' || p === 'hk' || p === 'mo')) return 'traditional';
  if (rest.includes('hans') || rest.some((p) => p === 'cn' || p === 'sg' || p === 'my')) return 'simplified';
  return null;
}

/**
 * Whether text written with these counts contradicts the lang's script: it needs a clear majority
 * (3×, as detectScript) and at least 3 script-specific characters, so a stray character never fails.
 */
export function langScriptMismatch(langScript: 'simplified' | 'traditional', counts: { simplified: number; traditional: number }): boolean {
  const { simplified: s, traditional: t } = counts;
  if (langScript === 'simplified') return t >= 3 && t >= 3 * s;
  return s >= 3 && s >= 3 * t;
}

// ---- in the page ------------------------------------------------------------------------------

function boxOf(el: Element): Box {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** Inside a container that scrolls or clips horizontally (its own scrollbar, or the clipped-text check's business). */
function inHorizontalContainer(el: Element): boolean {
  const root = el.ownerDocument.documentElement;
  const body = el.ownerDocument.body;
  for (let p = el.parentElement; p && p !== root && p !== body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== 'visible') return true;
  }
  return false;
}

function pageScrollsHorizontally(doc: Document): boolean {
  const root = doc.documentElement;
  return root.scrollWidth > root.clientWidth + SLACK;
}

export function reflowMatches(node: Element): boolean {
  const doc = node.ownerDocument;
  const win = doc.defaultView;
  if (!win || !pageScrollsHorizontally(doc)) return false;
  const cs = getComputedStyle(node);
  if (cs.position === 'fixed') return false;
  if (inHorizontalContainer(node)) return false;
  const parent = node.parentElement;
  const parentBox = parent && parent !== doc.documentElement ? boxOf(parent) : null;
  return isReflowCulprit(boxOf(node), parentBox, doc.documentElement.clientWidth);
}

function reflowEvaluate(this: CheckHelper, node: Element): boolean {
  const box = boxOf(node);
  this.data({ right: Math.round(box.right), viewport: node.ownerDocument.documentElement.clientWidth });
  return false;
}

const CLIPS = new Set(['hidden', 'clip']);

function clipAxes(el: Element): { x: boolean; y: boolean } {
  const cs = getComputedStyle(el);
  return { x: CLIPS.has(cs.overflowX), y: CLIPS.has(cs.overflowY) };
}

export function clippedTextMatches(node: Element): boolean {
  const axes = clipAxes(node);
  if (!axes.x && !axes.y) return false;
  const el = node as HTMLElement;
  // Visually hidden text (the 1 px clip pattern) is meant to be hidden.
  if (el.clientWidth <= 2 || el.clientHeight <= 2) return false;
  if (!/\S/.test(el.textContent ?? '')) return false;
  return (axes.x && el.scrollWidth > el.clientWidth + SLACK) || (axes.y && el.scrollHeight > el.clientHeight + SLACK);
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'SELECT']);

function clippedTextEvaluate(this: CheckHelper, node: Element): boolean {
  const el = node as HTMLElement;
  const axes = clipAxes(el);
  const outer = boxOf(el);
  const cs = getComputedStyle(el);
  // The padding box: overflow clips at the inner border edge.
  const box: Box = {
    left: outer.left + parseFloat(cs.borderLeftWidth || '0'),
    top: outer.top + parseFloat(cs.borderTopWidth || '0'),
    right: outer.left + parseFloat(cs.borderLeftWidth || '0') + el.clientWidth,
    bottom: outer.top + parseFloat(cs.borderTopWidth || '0') + el.clientHeight,
  };
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        const e = n as Element;
        if (SKIP_TEXT.has(e.tagName)) return NodeFilter.FILTER_REJECT;
        // A nested clipping container is checked on its own.
        if (e !== el && (clipAxes(e).x || clipAxes(e).y)) return NodeFilter.FILTER_REJECT;
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || s.position === 'fixed') return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return /\S/.test(n.nodeValue ?? '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const range = doc.createRange();
  let worst = 0;
  let sample = '';
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < 400; n = walker.nextNode(), seen++) {
    range.selectNodeContents(n);
    const rects = Array.from(range.getClientRects()).map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    const by = clippedBy(box, rects, axes);
    if (by > worst) {
      worst = by;
      sample = (n.nodeValue ?? '').trim().replace(/\s+/g, ' ');
    }
  }
  range.detach();
  if (!worst) return true;
  const overflow = axes.x && axes.y ? cs.overflow : axes.x ? `${cs.overflowX} (x)` : `${cs.overflowY} (y)`;
  this.data({ overflow, hiddenPx: worst, text: sample.length > 40 ? `${sample.slice(0, 40)}…` : sample });
  return false;
}

/** Elements whose lang says Simplified or Traditional (html without lang has nothing to contradict). */
export function langScriptMatches(node: Element): boolean {
  const lang = node.getAttribute('lang');
  return lang !== null && scriptOfLang(lang) !== null;
}

const TEXT_LIMIT = 20_000;

/** The text this element's lang governs: its descendants' text, minus subtrees with a lang of their own. */
function governedText(el: Element): string {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(n) {
      if (n.nodeType === 1) {
        const e = n as Element;
        if (e !== el && e.hasAttribute('lang')) return NodeFilter.FILTER_REJECT;
        if (SKIP_TEXT.has(e.tagName) || e.tagName === 'HEAD') return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n && out.length < TEXT_LIMIT; n = walker.nextNode()) out += n.nodeValue ?? '';
  return out;
}

function langScriptEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const lang = node.getAttribute('lang') ?? '';
  const script = scriptOfLang(lang);
  if (!script) return true;
  const counts = countScriptChars(governedText(node), TEXT_LIMIT);
  const mismatch = langScriptMismatch(script, counts);
  this.data({ lang, simplified: counts.simplified, traditional: counts.traditional, ...(mismatch ? { messageKey: script === 'simplified' ? 'traditional' : 'simplified' } : {}) });
  return !mismatch;
}

const reflowCheck = defineCheck('kanjian-reflow', reflowEvaluate, 'serious');
const clippedTextCheck = defineCheck('kanjian-clipped-text', clippedTextEvaluate, 'serious');
const langScriptCheck = defineCheck('kanjian-lang-script', langScriptEvaluate, 'serious');

function defineRule(id: string, spec: { selector: string; matches: (node: Element) => boolean; tags: string[] }): Rule {
  const text = TRANSFORM_RULE_TEXT[id]!;
  return {
    id,
    selector: spec.selector,
    matches: spec.matches,
    tags: spec.tags,
    any: [id],
    all: [],
    none: [],
    metadata: { description: text.description.en, help: text.help.en, helpUrl: text.helpUrl },
  };
}

const reflowRule = defineRule('kanjian-reflow', {
  selector: 'body, body *',
  matches: reflowMatches,
  tags: ['kanjian-transform', 'cat.sensory-and-visual-cues', 'wcag21aa', 'wcag1410'],
});
const clippedTextRule = defineRule('kanjian-clipped-text', {
  selector: 'body, body *',
  matches: clippedTextMatches,
  tags: ['kanjian-transform', 'cat.sensory-and-visual-cues', 'wcag2aa', 'wcag144'],
});
const langScriptRule = defineRule('kanjian-lang-script', {
  selector: 'html[lang], body [lang]',
  matches: langScriptMatches,
  tags: ['kanjian-transform', 'cat.language', 'wcag2aa', 'wcag312'],
});

/** Register with axe.configure in every frame; they stay off unless a run asks for them by id. */
export const transformProfile: { rules: Rule[]; checks: Check[] } = {
  rules: [reflowRule, clippedTextRule, langScriptRule],
  checks: [reflowCheck, clippedTextCheck, langScriptCheck],
};

/**
 * The audit options with these transform checks switched on and the other transform checks off (they
 * are registered in every run, and axe would run them by their WCAG tags otherwise). The page side and
 * the Node side (axe.finishRun) must use the same options.
 */
export function withChecks(options: AuditOptionsInput, checks: readonly string[]): AuditOptionsInput {
  const want = new Set(checks);
  const rules = options.rules ?? {};
  return {
    ...options,
    rules: {
      ...rules,
      include: [...(rules.include ?? []), ...TRANSFORM_RULE_IDS.filter((id) => want.has(id))],
      exclude: [...(rules.exclude ?? []), ...TRANSFORM_RULE_IDS.filter((id) => !want.has(id))],
    },
  };
}
