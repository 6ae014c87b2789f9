// Markup of old portals: presentational elements, access keys, duplicate ids that break references,
// <pre> used to draw tables (F34), meaning put in CSS generated content (F87), focus thrown away on
// arrival (F55) and click handlers on elements no keyboard can reach (2.1.1, F54/F42).
import type { CheckHelper } from 'axe-core';
import { clean, isFocusable, perRun, roleOf } from './axe-commons';
import { defineKanjianRule } from './define';

// ---- kanjian-obsolete-markup ---------------------------------------------------------------------

export const OBSOLETE_PRESENTATIONAL = ['font', 'center', 'big', 'strike', 'tt', 'basefont', 'nobr', 'spacer'];
const OBSOLETE_SELECTOR = OBSOLETE_PRESENTATIONAL.join(', ');

export function obsoleteMatches(node: Element): boolean {
  // One finding per cluster: the outermost obsolete element.
  return !node.parentElement?.closest(OBSOLETE_SELECTOR);
}

export function obsoleteEvaluate(this: CheckHelper, node: Element): boolean {
  const tags = new Set([node.nodeName.toLowerCase(), ...Array.from(node.querySelectorAll(OBSOLETE_SELECTOR)).map((e) => e.nodeName.toLowerCase())]);
  this.data({ tag: [...tags].join(', ') });
  return false;
}

export const obsoleteMarkup = defineKanjianRule({
  id: 'kanjian-obsolete-markup',
  selector: OBSOLETE_SELECTOR,
  matches: obsoleteMatches,
  evaluate: obsoleteEvaluate,
  impact: 'minor',
  tags: ['kanjian', 'best-practice', 'cat.parsing'],
});

// ---- kanjian-accesskey ---------------------------------------------------------------------------

export function accesskeyEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const key = clean(node.getAttribute('accesskey'));
  if (!key) return true;
  this.data({ key });
  return undefined;
}

export const accesskey = defineKanjianRule({
  id: 'kanjian-accesskey',
  selector: '[accesskey]',
  evaluate: accesskeyEvaluate,
  impact: 'minor',
  tags: ['kanjian', 'best-practice', 'cat.keyboard'],
});

// ---- kanjian-duplicate-id-ref --------------------------------------------------------------------

interface IdIndex { count: Map<string, number>; refs: Map<string, string> }

/**
 * Ids used more than once in a document, and which non-ARIA references point at them: table
 * headers, in-page links, form and list attributes (axe's duplicate-id-aria covers ARIA and label for).
 */
function idIndex(doc: Document): IdIndex {
  return perRun('kanjian-id-index', () => {
    const count = new Map<string, number>();
    for (const el of Array.from(doc.querySelectorAll('[id]'))) count.set(el.id, (count.get(el.id) ?? 0) + 1);
    const refs = new Map<string, string>();
    const add = (id: string, how: string) => {
      if (id && (count.get(id) ?? 0) > 1 && !refs.has(id)) refs.set(id, how);
    };
    for (const el of Array.from(doc.querySelectorAll('[headers]'))) for (const id of (el.getAttribute('headers') ?? '').split(/\s+/)) add(id, 'headers');
    for (const el of Array.from(doc.querySelectorAll('a[href^="#"], area[href^="#"]'))) add(decodeId((el.getAttribute('href') ?? '').slice(1)), 'href');
    for (const el of Array.from(doc.querySelectorAll('[form], input[list]'))) {
      add(el.getAttribute('form') ?? '', 'form');
      add(el.getAttribute('list') ?? '', 'list');
    }
    return { count, refs };
  });
}

function decodeId(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function duplicateIdMatches(node: Element): boolean {
  if (!node.id || node.getRootNode() !== node.ownerDocument) return false;
  const idx = idIndex(node.ownerDocument);
  return idx.refs.has(node.id);
}

export function duplicateIdEvaluate(this: CheckHelper, node: Element): boolean {
  const idx = idIndex(node.ownerDocument);
  const n = idx.count.get(node.id) ?? 1;
  const how = idx.refs.get(node.id) ?? '';
  this.data({ id: node.id, count: n, ref: how });
  return n < 2;
}

export const duplicateIdRef = defineKanjianRule({
  id: 'kanjian-duplicate-id-ref',
  selector: '[id]',
  matches: duplicateIdMatches,
  evaluate: duplicateIdEvaluate,
  impact: 'serious',
  excludeHidden: false,
  tags: ['kanjian', 'wcag2a', 'wcag131', 'cat.parsing'],
});

// ---- kanjian-pre-layout --------------------------------------------------------------------------

const BOX_DRAWING = /[\u2500-\u257f]|\+[-=]{3,}\+|\|[-=]{3,}\|/;
const CODE_SIGNS = /[{};=<>]|\b(function|return|var|let|const|if|for|def|class|import)\b/;

/**
 * Whether preformatted text draws a table with spaces or box-drawing characters (F34) rather than
 * showing code or verse: several lines with gaps at the same columns, or box-drawing lines.
 */
export function preDrawsTable(text: string): 'art' | 'columns' | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.filter((l) => BOX_DRAWING.test(l)).length >= 2) return 'art';
  if (lines.filter((l) => CODE_SIGNS.test(l)).length > lines.length / 3) return undefined;
  const gapsOf = (l: string) => {
    const out: number[] = [];
    const re = /\S( {2,}|\t+|\u3000+)(?=\S)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(l))) out.push(m.index + 1 + m[1]!.length);
    return out;
  };
  const rows = lines.map(gapsOf).filter((g) => g.length >= 1);
  if (rows.length < 3) return undefined;
  // Columns: a cell start shared (±1) by at least three lines.
  const starts = new Map<number, number>();
  for (const g of rows) for (const s of new Set(g)) for (const k of [s - 1, s, s + 1]) starts.set(k, (starts.get(k) ?? 0) + 1);
  return [...starts.values()].some((n) => n >= 3) ? 'columns' : undefined;
}

export function preMatches(node: Element): boolean {
  if (node.closest('code, samp, kbd') || node.querySelector('code, samp, kbd')) return false;
  return !/^(img|figure|presentation|none)$/.test(node.getAttribute('role') ?? '');
}

export function preEvaluate(this: CheckHelper, node: Element): boolean {
  const kind = preDrawsTable(node.textContent ?? '');
  if (!kind) return true;
  this.data({ messageKey: kind });
  return false;
}

export const preLayout = defineKanjianRule({
  id: 'kanjian-pre-layout',
  selector: 'pre',
  matches: preMatches,
  evaluate: preEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag131', 'wcag132', 'cat.structure'],
});

// ---- kanjian-css-content -------------------------------------------------------------------------

/** The text CSS `content` inserts (quoted strings only; counters, quotes and attr() are left out). */
export function generatedText(content: string): string {
  if (!content || content === 'none' || content === 'normal') return '';
  let out = '';
  const re = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(content))) out += (m[1] ?? m[2] ?? '').replace(/\\([0-9a-f]{1,6})\s?/gi, (_s, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/\\(.)/g, '$1');
  return out;
}

/** Generated text that says something: words (two letters, or a CJK character), not icons or bullets. */
export function meaningfulGenerated(text: string): boolean {
  const t = text.replace(/[\ue000-\uf8ff]/g, '');
  return /\p{Script=Han}|\p{L}{2,}/u.test(t);
}

function pseudoSelectors(doc: Document): string[] {
  return perRun('kanjian-pseudo-selectors', () => {
    const out: string[] = [];
    const walk = (list: CSSRuleList): void => {
      for (const r of Array.from(list)) {
        const sr = r as unknown as { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList };
        if (sr.selectorText && sr.style && /::?(before|after)/i.test(sr.selectorText) && meaningfulGenerated(generatedText(sr.style.getPropertyValue('content')))) {
          for (const sel of sr.selectorText.split(',')) if (/::?(before|after)/i.test(sel)) out.push(sel.replace(/::?(before|after)/gi, '').trim() || '*');
        }
        if (sr.cssRules) walk(sr.cssRules);
      }
    };
    for (const sheet of Array.from(doc.styleSheets)) {
      try {
        walk(sheet.cssRules);
      } catch {
        // cross-origin stylesheet
      }
    }
    return out;
  });
}

export function cssContentMatches(node: Element): boolean {
  const sels = pseudoSelectors(node.ownerDocument);
  if (!sels.length) return false;
  return sels.some((s) => {
    try {
      return node.matches(s);
    } catch {
      return false;
    }
  });
}

export function cssContentEvaluate(this: CheckHelper, node: Element): boolean {
  const win = node.ownerDocument.defaultView;
  if (!win) return true;
  for (const pseudo of ['::before', '::after']) {
    const cs = win.getComputedStyle(node, pseudo);
    if (cs.display === 'none') continue;
    const text = generatedText(cs.getPropertyValue('content'));
    if (meaningfulGenerated(text)) {
      this.data({ pseudo, text: clean(text).slice(0, 60) });
      return false;
    }
  }
  return true;
}

export const cssContent = defineKanjianRule({
  id: 'kanjian-css-content',
  selector: 'body, body *',
  matches: cssContentMatches,
  evaluate: cssContentEvaluate,
  impact: 'moderate',
  tags: ['kanjian', 'wcag2a', 'wcag131', 'cat.structure'],
});

// ---- kanjian-onfocus-blur ------------------------------------------------------------------------

export function focusBlurMatches(node: Element): boolean {
  return /\bblur\s*\(\s*\)/.test(`${node.getAttribute('onfocus') ?? ''} ${node.getAttribute('onfocusin') ?? ''}`);
}

export function focusBlurEvaluate(): boolean {
  return false;
}

export const onfocusBlur = defineKanjianRule({
  id: 'kanjian-onfocus-blur',
  selector: '[onfocus], [onfocusin]',
  matches: focusBlurMatches,
  evaluate: focusBlurEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag211', 'wcag247', 'wcag321', 'cat.keyboard'],
});

// ---- kanjian-click-no-keyboard -------------------------------------------------------------------

const WIDGET_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'slider', 'spinbutton', 'combobox', 'textbox', 'searchbox', 'treeitem']);
// Roles whose items are reached with arrow keys inside a focusable container (one tab stop for the group).
const COMPOSITE_ITEM_CONTAINERS: Record<string, string> = {
  tab: '[role="tablist"]', menuitem: '[role="menu"], [role="menubar"]', menuitemcheckbox: '[role="menu"], [role="menubar"]',
  menuitemradio: '[role="menu"], [role="menubar"]', radio: '[role="radiogroup"]', treeitem: '[role="tree"]',
};
const NOT_JUDGED = new Set(['HTML', 'BODY', 'LABEL', 'OPTION', 'OPTGROUP', 'FORM', 'AREA', 'SUMMARY']);

/** The way a composite widget (tablist, menu, radiogroup, tree) moves focus among its items. */
function reachableInComposite(node: Element, role: string): boolean {
  const container = COMPOSITE_ITEM_CONTAINERS[role] ? node.closest(COMPOSITE_ITEM_CONTAINERS[role]!) : null;
  if (!container) return false;
  if (container.hasAttribute('aria-activedescendant') && isFocusable(container)) return true;
  // Roving tabindex: one item of the group is in the tab order.
  return Array.from(container.querySelectorAll(`[role="${role}"]`)).some((i) => i.getAttribute('tabindex') === '0');
}

export function clickNoKeyboardMatches(node: Element): boolean {
  if (NOT_JUDGED.has(node.nodeName)) return false;
  if ((node as HTMLButtonElement).disabled || node.getAttribute('aria-disabled') === 'true') return false;
  const role = roleOf(node) ?? '';
  const handler = clean(node.getAttribute('onclick'));
  if (!handler && !(node.hasAttribute('role') && WIDGET_ROLES.has(role))) return false;
  return true;
}

const POINTER_HANDLERS = ['onclick', 'onmousedown', 'onmouseup', 'onpointerdown', 'onpointerup', 'ontouchstart', 'ondblclick'];

export function clickNoKeyboardEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const role = roleOf(node) ?? '';
  const tabindex = node.getAttribute('tabindex');
  if (isFocusable(node) && !(tabindex !== null && parseInt(tabindex, 10) < 0)) return true;
  if (reachableInComposite(node, role)) return true;
  // Reached through a link or control inside it, or the element sits inside one.
  if (node.querySelector('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex="0"]')) return true;
  const host = node.parentElement?.closest('a[href], button, [role="button"], [role="link"], label, summary');
  if (host && isFocusable(host)) return true;
  const handled = POINTER_HANDLERS.some((a) => clean(node.getAttribute(a)) !== '');
  this.data({ messageKey: tabindex !== null && parseInt(tabindex, 10) < 0 ? 'negative' : handled ? 'default' : 'role', role });
  // A widget role without a handler in the markup: its script may be attached elsewhere (then the
  // keyboard cannot use it) or it may do nothing at all. A person has to look.
  return handled ? false : undefined;
}

export const clickNoKeyboard = defineKanjianRule({
  id: 'kanjian-click-no-keyboard',
  selector: '[onclick], [role]',
  matches: clickNoKeyboardMatches,
  evaluate: clickNoKeyboardEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag211', 'cat.keyboard'],
});
