// 指读: what to say for one element. Role word first, then name, value, state ("复选框 同意 已选中").
import { accessibleName, controlValue, roleOf } from './accname';
import { collapse, isBlock, isPruned, tagOf, textVisibleIn, visibleText } from './dom';
import { word } from './i18n';
import type { SpeechLocale } from './types';

/** Roles we announce with a role word (everything else is read as its text). */
const SPOKEN_ROLES = new Set([
  'link', 'button', 'img', 'heading', 'checkbox', 'radio', 'switch', 'textbox', 'searchbox', 'combobox',
  'listbox', 'slider', 'spinbutton', 'menuitemcheckbox', 'menuitemradio',
]);

function join(parts: Array<string | false | null | undefined>): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(' ');
}

function checkedState(el: Element, locale: SpeechLocale, isSwitch: boolean): string {
  let state: 'true' | 'false' | 'mixed';
  if (tagOf(el) === 'input') {
    const input = el as HTMLInputElement;
    state = input.indeterminate ? 'mixed' : input.checked ? 'true' : 'false';
  } else {
    const a = (el.getAttribute('aria-checked') ?? 'false').trim().toLowerCase();
    state = a === 'true' ? 'true' : a === 'mixed' ? 'mixed' : 'false';
  }
  if (isSwitch) return word(state === 'true' ? 'on' : 'off', locale);
  return word(state === 'true' ? 'checked' : state === 'mixed' ? 'mixed' : 'notChecked', locale);
}

function isDisabled(el: Element): boolean {
  if ((el as HTMLInputElement).disabled === true) return true;
  return (el.getAttribute('aria-disabled') ?? '').trim().toLowerCase() === 'true';
}

function extraStates(el: Element, locale: SpeechLocale): string[] {
  const out: string[] = [];
  const expanded = el.getAttribute('aria-expanded');
  if (expanded === 'true') out.push(word('expanded', locale));
  else if (expanded === 'false') out.push(word('collapsed', locale));
  const pressed = el.getAttribute('aria-pressed');
  if (pressed === 'true') out.push(word('pressed', locale));
  if (isDisabled(el)) out.push(word('disabled', locale));
  return out;
}

function fieldStates(el: Element, locale: SpeechLocale): string[] {
  const out: string[] = [];
  if ((el as HTMLInputElement).required === true || el.getAttribute('aria-required') === 'true') {
    out.push(word('required', locale));
  }
  if ((el as HTMLInputElement).readOnly === true || el.getAttribute('aria-readonly') === 'true') {
    out.push(word('readonly', locale));
  }
  return out;
}

function headingLevel(el: Element): number {
  const m = /^h([1-6])$/.exec(tagOf(el));
  const aria = Number(el.getAttribute('aria-level'));
  if (Number.isInteger(aria) && aria > 0) return aria;
  return m ? Number(m[1]) : 2;
}

/** Whether an image is decorative (alt="", role presentation/none): such images are not spoken. */
export function isDecorativeImage(el: Element): boolean {
  const role = roleOf(el);
  if (role === 'presentation' || role === 'none') return true;
  return tagOf(el) === 'img' && el.getAttribute('alt') === '' && !el.getAttribute('aria-label')
    && !el.getAttribute('aria-labelledby');
}

/**
 * What to say for el when the user points at or focuses it. '' means "say nothing" (decorative image,
 * hidden element, empty container). Never throws.
 */
export function describeForSpeech(el: Element, locale: SpeechLocale = 'zh-CN'): string {
  try {
    return describe(el, locale);
  } catch {
    return '';
  }
}

function describe(el: Element, locale: SpeechLocale): string {
  if (tagOf(el) === 'svg') return describeSvg(el, locale);
  if (isPruned(el, { skipOwnUi: false })) return '';
  const role = roleOf(el);
  const tag = tagOf(el);
  const name = () => accessibleName(el, locale);
  switch (role) {
    case 'presentation':
    case 'none':
      if (tag === 'img') return '';
      break;
    case 'link':
      return join([word('link', locale), name(), ...extraStates(el, locale)]);
    case 'button':
      return join([word('button', locale), name(), ...extraStates(el, locale)]);
    case 'img': {
      if (isDecorativeImage(el)) return '';
      return join([word('image', locale), name()]);
    }
    case 'heading':
      return join([word('heading', locale, { level: headingLevel(el) }), name()]);
    case 'checkbox':
    case 'menuitemcheckbox':
      return join([word('checkbox', locale), name(), checkedState(el, locale, false), ...extraStates(el, locale)]);
    case 'switch':
      return join([word('switch', locale), name(), checkedState(el, locale, true), ...extraStates(el, locale)]);
    case 'radio':
    case 'menuitemradio':
      return join([word('radio', locale), name(), checkedState(el, locale, false), ...extraStates(el, locale)]);
    case 'textbox':
    case 'searchbox':
    case 'spinbutton': {
      const isPassword = tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'password';
      const value = isPassword ? '' : collapse(controlValue(el));
      return join([
        word(isPassword ? 'password' : 'textbox', locale),
        name(),
        value && `${word('value', locale)} ${value}`,
        ...fieldStates(el, locale),
        ...extraStates(el, locale),
      ]);
    }
    case 'combobox':
    case 'listbox': {
      const value = collapse(controlValue(el));
      return join([
        word(role === 'listbox' ? 'listbox' : 'combobox', locale),
        name(),
        value && `${word('selectedOption', locale)} ${value}`,
        ...fieldStates(el, locale),
        ...extraStates(el, locale),
      ]);
    }
    case 'slider': {
      const value = collapse(controlValue(el));
      return join([word('slider', locale), name(), value, ...extraStates(el, locale)]);
    }
    default:
      break;
  }
  // Plain content: its visible text; an element labelled only by aria-label/title (e.g. an icon) by that.
  const text = visibleText(el);
  if (text) return text;
  return collapse(el.getAttribute('aria-label') ?? '') || collapse(el.getAttribute('title') ?? '');
}

/** Inline SVG is skipped as text, but an SVG with a name (aria-label, <title>) is spoken as an image. */
function describeSvg(el: Element, locale: SpeechLocale): string {
  if ((el.getAttribute('aria-hidden') ?? '').trim() === 'true' || el.hasAttribute('hidden')) return '';
  const role = roleOf(el);
  if (role === 'presentation' || role === 'none') return '';
  const title = el.querySelector(':scope > title')?.textContent ?? '';
  const name = accessibleName(el, locale) || collapse(title);
  return name ? join([word('image', locale), name]) : '';
}

/** Whether el is something 指读 announces as a whole (link, button, field, heading, image). */
export function isSpokenAsWhole(el: Element): boolean {
  return SPOKEN_ROLES.has(roleOf(el));
}

function hasOwnText(el: Element): boolean {
  if (!textVisibleIn(el)) return false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 && (c as Text).data.trim() !== '') return true;
  }
  return false;
}

const MAX_CONTAINER_TEXT = 300;

function labelControl(label: Element): Element | null {
  const id = label.getAttribute('for');
  if (id) {
    const root = label.getRootNode() as Document | ShadowRoot;
    const target = typeof root.getElementById === 'function' ? root.getElementById(id) : null;
    if (target && ['input', 'select', 'textarea'].includes(tagOf(target))) return target;
    return null;
  }
  return label.querySelector('input, select, textarea');
}

/**
 * Resolve what the pointer is over to the element 指读 should read: the nearest link/button/field/heading/
 * image ancestor; else the block holding the text under the pointer (pointing at a bold word reads its
 * paragraph); else a small container. Returns null over page chrome such as body padding or a big wrapper,
 * so hovering empty space does not read the whole page.
 */
export function findSpeakableTarget(node: Node | null): Element | null {
  try {
    const el: Element | null = node == null ? null
      : node.nodeType === 1 ? (node as Element)
      : node.parentElement;
    if (!el) return null;
    const start = el;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const tag = tagOf(e);
      if (tag === 'body' || tag === 'html') break;
      if (isSpokenAsWhole(e) && !(roleOf(e) === 'img' && isDecorativeImage(e))) return e;
      if (tag === 'label') {
        // Pointing at a label reads its control with state: "复选框 同意 已选中".
        const control = labelControl(e);
        if (control) return control;
      }
    }
    const textual = node != null && node.nodeType === 3 ? true : hasOwnText(start);
    if (textual) {
      for (let e: Element | null = start; e; e = e.parentElement) {
        const tag = tagOf(e);
        if (tag === 'body' || tag === 'html') return start;
        if (isBlock(e)) return e;
      }
      return start;
    }
    const tag = tagOf(start);
    if (tag === 'body' || tag === 'html') return null;
    const text = visibleText(start);
    if (text && text.length <= MAX_CONTAINER_TEXT) return start;
    return null;
  } catch {
    return null;
  }
}
