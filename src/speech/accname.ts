// A pragmatic subset of the accessible name computation (W3C accname 1.2): aria-labelledby, aria-label,
// native labels (label[for], wrapping label, alt, value, legend, caption), name from content for roles that
// allow it, title, placeholder. Enough for speaking what a sighted user points at; not a full engine.
import { collapse, isBlock, isPruned, tagOf, textVisibleIn } from './dom';
import { word } from './i18n';
import type { SpeechLocale } from './types';

/** Roles whose name comes from their content. */
const NAME_FROM_CONTENT = new Set([
  'link', 'button', 'heading', 'checkbox', 'radio', 'switch', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'tab', 'treeitem', 'cell', 'gridcell', 'columnheader', 'rowheader', 'tooltip',
  'row', 'sectionhead', 'summary',
]);

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'number', 'password',
  'date', 'time', 'datetime-local', 'month', 'week']);

function inputType(el: Element): string {
  return (el.getAttribute('type') ?? '').trim().toLowerCase();
}

type Root = Document | ShadowRoot;

function rootOf(el: Element): Root | null {
  const r = el.getRootNode();
  return r && 'getElementById' in r ? (r as Root) : el.ownerDocument;
}

/** Current value of a form control as a user sees it ('' for password fields: never spoken). */
export function controlValue(el: Element): string {
  const tag = tagOf(el);
  if (tag === 'input') {
    const type = inputType(el);
    if (type === 'password') return '';
    return (el as HTMLInputElement).value ?? '';
  }
  if (tag === 'textarea') return (el as HTMLTextAreaElement).value ?? '';
  if (tag === 'select') return selectedOptionsText(el as HTMLSelectElement).join(' ');
  const vt = el.getAttribute('aria-valuetext');
  if (vt) return vt;
  return el.getAttribute('aria-valuenow') ?? '';
}

export function selectedOptionsText(sel: HTMLSelectElement): string[] {
  const out: string[] = [];
  const options = sel.options ? Array.from(sel.options) : Array.from(sel.querySelectorAll('option'));
  for (const o of options) {
    if (o.selected) out.push(collapse(o.label || o.textContent || ''));
  }
  return out;
}

interface WalkCtx {
  /** Elements already visited by aria-labelledby, to stop reference cycles. */
  visited: Set<Element>;
  /** Inside a labelledby reference: hidden referenced content still counts (accname 2A exception). */
  referenced: boolean;
  /** The control whose label is being read: skip it inside a wrapping label. */
  skip: Element | null;
  locale: SpeechLocale;
}

/** Text alternative of a subtree for name-from-content (accname step 2F, simplified). */
function textFromContent(el: Element, ctx: WalkCtx): string {
  const out: string[] = [];
  const walk = (node: Node, visible: boolean): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        if (visible) out.push((c as Text).data);
        continue;
      }
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e === ctx.skip) continue;
      if (!ctx.referenced && isPruned(e, { skipOwnUi: false })) continue;
      const block = isBlock(e);
      if (block) out.push(' ');
      const own = e.getAttribute('aria-label')?.trim();
      const tag = tagOf(e);
      if (own) out.push(' ', own, ' ');
      else if (tag === 'img' || tag === 'area') out.push(' ', e.getAttribute('alt') ?? '', ' ');
      else if (tag === 'input' || tag === 'select' || tag === 'textarea') out.push(' ', controlValue(e), ' ');
      else walk(e, textVisibleIn(e));
      if (block) out.push(' ');
    }
  };
  walk(el, ctx.referenced || textVisibleIn(el));
  return collapse(out.join(''));
}

function labelledBy(el: Element, ctx: WalkCtx): string {
  const ids = (el.getAttribute('aria-labelledby') ?? '').trim();
  if (!ids) return '';
  const root = rootOf(el);
  if (!root) return '';
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const ref = root.getElementById(id);
    if (!ref || ctx.visited.has(ref)) continue;
    ctx.visited.add(ref);
    const sub: WalkCtx = { ...ctx, referenced: true };
    const t = ref.getAttribute('aria-label')?.trim() || textFromContent(ref, sub);
    if (t) parts.push(t);
  }
  return collapse(parts.join(' '));
}

function labelsOf(el: Element): Element[] {
  const found: Element[] = [];
  const id = el.getAttribute('id');
  const root = rootOf(el);
  if (id && root) {
    for (const l of Array.from(root.querySelectorAll('label'))) {
      if (l.getAttribute('for') === id) found.push(l);
    }
  }
  const wrap = el.parentElement?.closest('label');
  if (wrap && !wrap.hasAttribute('for') && !found.includes(wrap)) found.push(wrap);
  return found;
}

/** The role we treat el as: first explicit role token, else the implicit HTML role ('' for plain text). */
export function roleOf(el: Element): string {
  const explicit = (el.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0] ?? '';
  if (explicit) return explicit === 'image' ? 'img' : explicit;
  const tag = tagOf(el);
  switch (tag) {
    case 'a':
    case 'area':
      return el.hasAttribute('href') ? 'link' : '';
    case 'button':
    case 'summary':
      return 'button';
    case 'img':
      return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6':
      return 'heading';
    case 'textarea':
      return 'textbox';
    case 'select': {
      const s = el as HTMLSelectElement;
      return s.multiple || (Number(el.getAttribute('size')) || 0) > 1 ? 'listbox' : 'combobox';
    }
    case 'input': {
      const type = inputType(el);
      if (type === 'button' || type === 'submit' || type === 'reset' || type === 'image' || type === 'file') return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'range') return 'slider';
      if (type === 'hidden') return '';
      if (type === 'search') return 'searchbox';
      if (TEXT_INPUT_TYPES.has(type) || type === 'color') return 'textbox';
      return 'textbox';
    }
    default:
      return '';
  }
}

/** Accessible name of el (collapsed whitespace; '' if none). */
export function accessibleName(el: Element, locale: SpeechLocale = 'zh-CN'): string {
  try {
    return computeName(el, { visited: new Set([el]), referenced: false, skip: null, locale });
  } catch {
    return '';
  }
}

function computeName(el: Element, ctx: WalkCtx): string {
  const byRef = labelledBy(el, ctx);
  if (byRef) return byRef;
  const aria = collapse(el.getAttribute('aria-label') ?? '');
  if (aria) return aria;

  const tag = tagOf(el);
  const type = tag === 'input' ? inputType(el) : '';
  if (tag === 'input' && (type === 'button' || type === 'submit' || type === 'reset')) {
    const v = collapse(el.getAttribute('value') ?? (el as HTMLInputElement).value ?? '');
    if (v) return v;
    if (type === 'submit') return word('submit', ctx.locale);
    if (type === 'reset') return word('reset', ctx.locale);
  }
  if (tag === 'input' && type === 'image') {
    const alt = collapse(el.getAttribute('alt') ?? '') || collapse(el.getAttribute('value') ?? '');
    if (alt) return alt;
  }
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || tag === 'meter' || tag === 'progress') {
    const parts = labelsOf(el)
      .map((l) => textFromContent(l, { ...ctx, skip: el }))
      .filter(Boolean);
    if (parts.length) return collapse(parts.join(' '));
  }
  if (tag === 'img' || tag === 'area') {
    const alt = el.getAttribute('alt');
    if (alt !== null && collapse(alt)) return collapse(alt);
  }
  if (tag === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return textFromContent(legend, ctx);
  }
  if (tag === 'figure') {
    const cap = el.querySelector(':scope > figcaption');
    if (cap) return textFromContent(cap, ctx);
  }
  if (tag === 'table') {
    const cap = el.querySelector(':scope > caption');
    if (cap) return textFromContent(cap, ctx);
  }
  if (NAME_FROM_CONTENT.has(roleOf(el))) {
    const t = textFromContent(el, ctx);
    if (t) return t;
  }
  const title = collapse(el.getAttribute('title') ?? '');
  if (title) return title;
  const placeholder = collapse(el.getAttribute('placeholder') ?? el.getAttribute('aria-placeholder') ?? '');
  if (placeholder) return placeholder;
  if (tag === 'input' && type === 'image') return word('submit', ctx.locale);
  if (tag === 'input' && type === 'file') return word('chooseFile', ctx.locale);
  return '';
}
