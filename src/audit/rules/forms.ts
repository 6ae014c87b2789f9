// Form rules: labels that point nowhere or twice, groups without a name, placeholders used as labels,
// visible labels missing from the accessible name, ambiguous labels, selects that navigate on change
// (WCAG 1.3.1, 2.4.6, 2.5.3, 3.2.2, 3.3.2).
import type { CheckHelper } from 'axe-core';
import { accessibleName, clean, perRun } from './axe-commons';
import { defineKanjianRule } from './define';
import { classifyTable } from './table-kind';
import { squash } from './text-patterns';
import { style } from './util';

const LABELABLE = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'METER', 'OUTPUT', 'PROGRESS']);
const TEXT_FIELD = 'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="tel"], input[type="url"], input[type="password"], input[type="number"], input[type="date"], input[type="datetime-local"], input[type="month"], input[type="week"], input[type="time"], textarea';

function rootOf(node: Element): Document | ShadowRoot {
  const r = node.getRootNode();
  return (r as ShadowRoot).getElementById ? (r as ShadowRoot) : node.ownerDocument;
}

// ---- kanjian-label-for-orphan --------------------------------------------------------------------

export function labelOrphanEvaluate(this: CheckHelper, node: Element): boolean {
  const id = node.getAttribute('for') ?? '';
  this.data({ for: id });
  const target = id ? rootOf(node).getElementById(id) : null;
  if (!target) return false;
  const labelable = LABELABLE.has(target.nodeName) && !(target.nodeName === 'INPUT' && (target as HTMLInputElement).type === 'hidden');
  const custom = target.nodeName.includes('-') && (target.constructor as { formAssociated?: boolean }).formAssociated === true;
  if (labelable || custom) return true;
  this.data({ for: id, messageKey: 'notLabelable', tag: target.nodeName.toLowerCase() });
  return false;
}

export const labelForOrphan = defineKanjianRule({
  id: 'kanjian-label-for-orphan',
  selector: 'label[for]',
  evaluate: labelOrphanEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag131', 'cat.forms'],
  excludeHidden: false,
});

// ---- kanjian-label-for-duplicate -----------------------------------------------------------------

function labelsByFor(doc: Document): Map<string, number> {
  return perRun('kanjian-labels-by-for', () => {
    const m = new Map<string, number>();
    for (const l of Array.from(doc.querySelectorAll('label[for]'))) {
      const id = l.getAttribute('for') ?? '';
      if (id) m.set(id, (m.get(id) ?? 0) + 1);
    }
    return m;
  });
}

export function labelDuplicateEvaluate(this: CheckHelper, node: Element): boolean {
  const id = node.getAttribute('for') ?? '';
  const n = labelsByFor(node.ownerDocument).get(id) ?? 0;
  this.data({ for: id, count: n });
  return n < 2;
}

export const labelForDuplicate = defineKanjianRule({
  id: 'kanjian-label-for-duplicate',
  selector: 'label[for]',
  matches: (node) => (node.getAttribute('for') ?? '') !== '',
  evaluate: labelDuplicateEvaluate,
  impact: 'moderate',
  tags: ['kanjian', 'best-practice', 'cat.forms'],
});

// ---- kanjian-fieldset-legend ---------------------------------------------------------------------

export function fieldsetEvaluate(this: CheckHelper, node: Element): boolean {
  const legend = Array.from(node.children).find((c) => c.nodeName === 'LEGEND');
  if (legend && clean(legend.textContent || Array.from(legend.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt')).join(' '))) return true;
  if (clean(node.getAttribute('aria-label')) || clean(node.getAttribute('aria-labelledby'))) return true;
  this.data({ messageKey: legend ? 'empty' : 'default' });
  return false;
}

export const fieldsetLegend = defineKanjianRule({
  id: 'kanjian-fieldset-legend',
  selector: 'fieldset',
  evaluate: fieldsetEvaluate,
  impact: 'moderate',
  tags: ['kanjian', 'best-practice', 'cat.forms'],
});

// ---- kanjian-radio-group -------------------------------------------------------------------------

function groupMembers(node: HTMLInputElement): HTMLInputElement[] {
  if (!node.name) return [node];
  const scope: ParentNode = node.form ?? rootOf(node);
  return Array.from(scope.querySelectorAll<HTMLInputElement>(`input[type="${node.type}"]`)).filter((i) => i.name === node.name && (i.form ?? null) === (node.form ?? null));
}

/** The element naming a group around a control: fieldset with legend, or role group/radiogroup with a name. */
export function namedGroup(node: Element): Element | undefined {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.nodeName === 'FIELDSET') {
      const legend = Array.from(el.children).find((c) => c.nodeName === 'LEGEND');
      if ((legend && clean(legend.textContent)) || clean(el.getAttribute('aria-label')) || el.hasAttribute('aria-labelledby')) return el;
    }
    const role = el.getAttribute('role');
    if ((role === 'group' || role === 'radiogroup') && (clean(el.getAttribute('aria-label')) || el.hasAttribute('aria-labelledby'))) return el;
    if (el.nodeName === 'FORM' || el.nodeName === 'BODY') break;
  }
  return undefined;
}

export function radioGroupMatches(node: Element): boolean {
  const input = node as HTMLInputElement;
  const members = groupMembers(input);
  // One finding per group: on its first control.
  return members.length >= 2 && members[0] === input;
}

export function radioGroupEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const input = node as HTMLInputElement;
  const members = groupMembers(input);
  this.data({ name: input.name, count: members.length, type: input.type });
  if (members.every((m) => namedGroup(m))) return true;
  // In a data table the row and column headers may say what the group is about.
  const table = node.closest('table');
  if (table && classifyTable(table).kind === 'data') {
    this.data({ name: input.name, count: members.length, type: input.type, messageKey: 'table' });
    return undefined;
  }
  return false;
}

export const radioGroup = defineKanjianRule({
  id: 'kanjian-radio-group',
  selector: 'input[type="radio"][name], input[type="checkbox"][name]',
  matches: radioGroupMatches,
  evaluate: radioGroupEvaluate,
  impact: 'moderate',
  // H71 (fieldset and legend) is a sufficient technique for both 1.3.1 and 3.3.2.
  tags: ['kanjian', 'wcag2a', 'wcag131', 'wcag332', 'cat.forms'],
});

// ---- kanjian-placeholder-label -------------------------------------------------------------------

function labelText(node: Element): string {
  const labels = (node as HTMLInputElement).labels;
  return clean(labels ? Array.from(labels).map((l) => l.textContent).join(' ') : '');
}

function labelledByText(node: Element): string {
  return clean((node.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => (id ? rootOf(node).getElementById(id)?.textContent ?? '' : '')).join(' '));
}

/** A button right after the field names its purpose (G167: an adjacent button labels a search box). */
export function adjacentButtonName(node: Element): string {
  let sib = node.nextElementSibling;
  for (let i = 0; sib && i < 2; i++, sib = sib.nextElementSibling) {
    if (sib.matches('button, input[type="submit"], input[type="button"], input[type="image"], [role="button"]')) return accessibleName(sib);
  }
  return '';
}

export function placeholderMatches(node: Element): boolean {
  return clean(node.getAttribute('placeholder')) !== '';
}

export function placeholderEvaluate(this: CheckHelper, node: Element): boolean {
  const placeholder = clean(node.getAttribute('placeholder'));
  this.data({ placeholder });
  if (labelText(node) || labelledByText(node)) return true;
  if (clean(node.getAttribute('aria-label')) || clean(node.getAttribute('title'))) return true;
  return adjacentButtonName(node) !== '';
}

export const placeholderLabel = defineKanjianRule({
  id: 'kanjian-placeholder-label',
  selector: TEXT_FIELD,
  matches: placeholderMatches,
  evaluate: placeholderEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag332', 'cat.forms'],
});

// ---- kanjian-label-in-name -----------------------------------------------------------------------

/** Hidden from sight (though perhaps not from screen readers): display, visibility, clip tricks. */
export function visuallyHidden(el: Element): boolean {
  const cs = style(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return true;
  if (cs.position === 'absolute' || cs.position === 'fixed') {
    if (/rect\(\s*0|rect\(\s*1px/.test(cs.clip) || /inset\(\s*50%/.test(cs.clipPath || '')) return true;
    const w = parseFloat(cs.width);
    const h = parseFloat(cs.height);
    if ((w <= 1 || h <= 1) && (cs.overflow === 'hidden' || cs.overflowX === 'hidden')) return true;
    if (parseFloat(cs.left) <= -999 || parseFloat(cs.textIndent) <= -999) return true;
  }
  return false;
}

/** Text a sighted user sees in an element (screen-reader-only parts left out). */
export function visibleText(el: Element): string {
  let s = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) s += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.nodeName === 'SCRIPT' || e.nodeName === 'STYLE' || visuallyHidden(e)) return;
      if (e.nodeName === 'IMG') s += ' ';
      else e.childNodes.forEach(walk);
    }
  };
  walk(el);
  return clean(s);
}

/** The visible label a person would say aloud to use the control (2.5.3 Label in Name). */
export function visibleLabelOf(node: Element): string {
  if (node.matches('input, select, textarea')) {
    const labels = (node as HTMLInputElement).labels;
    const fromLabel = labels ? Array.from(labels).map(visibleText).join(' ') : '';
    if (node.matches('input[type="submit"], input[type="button"], input[type="reset"]')) return clean((node as HTMLInputElement).value) || clean(fromLabel);
    return clean(fromLabel);
  }
  return visibleText(node);
}

/** Text drawn with an icon font (ligatures such as Material Icons' "search"): not words on screen. */
export function iconFont(el: Element): boolean {
  return /icon|material|awesome|glyph|symbol|dashicons|iconfont/i.test(style(el).fontFamily);
}

/** The label as spoken: parenthesised hints and formats ("(YYYY-MM-DD)", "（必填）") left out, as ACT does. */
export function spokenLabel(visible: string): string {
  return visible.replace(/[(（[【][^)）\]】]*[)）\]】]/g, ' ').trim();
}

export function labelInNameMatches(node: Element): boolean {
  if (!node.hasAttribute('aria-label') && !node.hasAttribute('aria-labelledby')) return false;
  if (iconFont(node)) return false;
  const visible = spokenLabel(visibleLabelOf(node));
  // Symbols and single characters ("×", "»", "1") are not words one would say.
  return squash(visible).length >= 2;
}

export function labelInNameEvaluate(this: CheckHelper, node: Element): boolean {
  const visible = spokenLabel(visibleLabelOf(node));
  const name = accessibleName(node);
  this.data({ visible, name });
  return squash(name).includes(squash(visible));
}

export const labelInName = defineKanjianRule({
  id: 'kanjian-label-in-name',
  selector: 'input, select, textarea, button, a[href], [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"]',
  matches: labelInNameMatches,
  evaluate: labelInNameEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag21a', 'wcag253', 'cat.semantics'],
});

// ---- kanjian-label-unique ------------------------------------------------------------------------

const UNIQUE_FIELD = `${TEXT_FIELD}, select`;

/** The labelled groups around a field (fieldset legends, ARIA group names): they tell same-named fields apart. */
function groupPath(node: Element): string {
  const parts: string[] = [];
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.nodeName === 'FIELDSET') {
      const legend = Array.from(el.children).find((c) => c.nodeName === 'LEGEND');
      parts.push(clean(legend?.textContent) || clean(el.getAttribute('aria-label')));
    } else if (/^(group|radiogroup|region)$/.test(el.getAttribute('role') ?? '')) parts.push(clean(el.getAttribute('aria-label')) || clean(labelledByText(el)));
    if (el.nodeName === 'FORM') break;
  }
  return parts.join('/');
}

function fieldKey(node: Element): string {
  const form = (node as HTMLInputElement).form;
  const formKey = form ? String(Array.from(node.ownerDocument.forms).indexOf(form)) : 'none';
  return `${formKey}|${groupPath(node)}|${squash(accessibleName(node))}`;
}

function fieldCounts(doc: Document): Map<string, number> {
  return perRun('kanjian-field-names', () => {
    const m = new Map<string, number>();
    for (const f of Array.from(doc.querySelectorAll(UNIQUE_FIELD))) {
      if (!squash(accessibleName(f))) continue;
      const k = fieldKey(f);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  });
}

export function labelUniqueMatches(node: Element): boolean {
  if (!squash(accessibleName(node))) return false;
  const table = node.closest('table');
  // Rows of a data table repeat their fields; the headers tell them apart.
  return !(table && classifyTable(table).kind === 'data');
}

export function labelUniqueEvaluate(this: CheckHelper, node: Element): boolean {
  const n = fieldCounts(node.ownerDocument).get(fieldKey(node)) ?? 1;
  this.data({ name: accessibleName(node), count: n });
  return n < 2;
}

export const labelUnique = defineKanjianRule({
  id: 'kanjian-label-unique',
  selector: UNIQUE_FIELD,
  matches: labelUniqueMatches,
  evaluate: labelUniqueEvaluate,
  impact: 'moderate',
  tags: ['kanjian', 'wcag2aa', 'wcag246', 'cat.forms'],
});

// ---- kanjian-change-navigates --------------------------------------------------------------------

export const NAVIGATES = /\b(?:window\.|document\.|self\.|top\.|parent\.)?location(?:\.href)?\s*(?:=|\.assign|\.replace)|\.href\s*=|window\.open\s*\(|\.submit\s*\(\s*\)|\bnavigate\s*\(|\bMM_jumpMenu\s*\(|\bjumpMenu\s*\(|history\.go\s*\(/i;
export const CHANGE_WARNING = /选择后|選擇後|自动跳转|自動跳轉|将跳转|將跳轉|将打开|將開啟|将离开|將離開|立即跳转|立即跳轉|will (?:open|go|take you|navigate|load)|opens? (?:a |the )?(?:new|selected)|selecting .* (?:opens|loads|goes)/i;

export function changeNavigatesMatches(node: Element): boolean {
  const handler = `${node.getAttribute('onchange') ?? ''} ${node.matches('input') ? node.getAttribute('onclick') ?? '' : ''}`;
  return NAVIGATES.test(handler);
}

export function changeNavigatesEvaluate(this: CheckHelper, node: Element): boolean {
  const described = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => (id ? rootOf(node).getElementById(id)?.textContent ?? '' : ''));
  const text = [accessibleName(node), node.getAttribute('title') ?? '', labelText(node), ...described, clean(node.parentElement?.textContent).slice(0, 300)].join(' ');
  // G13: telling users beforehand what a change will do is sufficient.
  return CHANGE_WARNING.test(text);
}

export const changeNavigates = defineKanjianRule({
  id: 'kanjian-change-navigates',
  selector: 'select[onchange], input[type="radio"][onchange], input[type="radio"][onclick], input[type="checkbox"][onchange], input[type="checkbox"][onclick]',
  matches: changeNavigatesMatches,
  evaluate: changeNavigatesEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag322', 'cat.forms'],
});
