// The keyboard walk's in-page API. Both drivers use it between key presses: the CLI presses real keys
// with Playwright and calls these functions through page.evaluate; the extension cannot press keys,
// so emulateKey() moves focus the way Tab would (the page's keydown handlers run first and may take
// over, as with a real key). Installed once per document on globalThis[Symbol.for('kanjian.keyboard')].
import { roughName } from '../rules/axe-commons';
import { deepActiveElement, radioGroupOf, sequentialFocusOrder } from './focus-order';
import { focusVisibility, offscreen, styleChanges, type StyleSnapshot } from './judge';
import type { BeginInfo, DialogInfo, ElementInfo, FocusVisibility, KeyName, Observation, Rect } from './types';

export const KEYBOARD_API_KEY = 'kanjian.keyboard';

export interface KeyboardPageApi {
  readonly version: 1;
  /** Resets focus to the top of the document and describes what the walk should meet. */
  begin(): BeginInfo;
  /** Where focus is now, and whether it is visible. */
  observe(): Observation;
  /** Moves focus as the key would (extension mode). Returns whether the page's handler cancelled it. */
  emulateKey(key: KeyName): { prevented: boolean };
  /** Focuses an element by id (to resume after a trap, or to reach a dialog opener). */
  focusElement(id: number): boolean;
  /** Focuses the first element of the expected order after all the given ids (resuming past a trap). */
  focusAfter(ids: number[]): ElementInfo | null;
  /** Clicks an element (a dialog's close button). */
  clickElement(id: number): boolean;
  /** Open, visible dialogs. */
  openDialogs(): DialogInfo[];
  /** Whether focus is inside the element. */
  focusWithin(id: number): boolean;
  /** Tab stops inside an element (to know how many presses cycle a dialog). */
  tabbablesIn(id: number): number;
  /** A control in the dialog that closes it (named 关闭, close, ×, 取消…). */
  closeControl(dialogId: number): ElementInfo | null;
  /** Forgets the walk's snapshots. */
  end(): void;
}

const STYLE_PROPS = [
  'outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
  'border-top-color', 'border-bottom-color', 'border-left-color', 'border-right-color',
  'border-top-width', 'border-bottom-width', 'border-top-style', 'border-bottom-style',
  'background-color', 'background-image', 'color', 'text-decoration-line', 'text-decoration-color',
  'transform', 'opacity', 'filter', 'font-weight', 'visibility',
];
const PSEUDO_PROPS = ['content', 'display', 'background-color', 'border-bottom-color', 'border-bottom-style', 'outline-style', 'box-shadow', 'opacity', 'transform'];
const ANCESTOR_PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'background-color', 'border-top-color', 'border-bottom-color', 'border-left-color', 'color'];

/** The computed styles that could show focus: on the element, its ::before/::after and two ancestors. */
export function styleSnapshot(el: Element): StyleSnapshot {
  const win = el.ownerDocument.defaultView;
  const out: StyleSnapshot = {};
  if (!win) return out;
  const take = (part: string, cs: CSSStyleDeclaration, props: string[]) => {
    for (const p of props) out[`${part}:${p}`] = cs.getPropertyValue(p);
  };
  take('self', win.getComputedStyle(el), STYLE_PROPS);
  for (const pseudo of ['before', 'after']) {
    const cs = win.getComputedStyle(el, `::${pseudo}`);
    if (cs.getPropertyValue('content') && cs.getPropertyValue('content') !== 'none') take(pseudo, cs, PSEUDO_PROPS);
  }
  let p = el.parentElement;
  for (let i = 1; p && i <= 2 && p.nodeName !== 'BODY'; i++, p = p.parentElement) take(`ancestor${i}`, win.getComputedStyle(p), ANCESTOR_PROPS);
  const r = el.getBoundingClientRect();
  out['box:rect'] = `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
  return out;
}

const NO_VALUE = /^(|none|hidden|0|0px|transparent|initial|unset|inherit|revert|rgba\(0, 0, 0, 0\))$/;

/** A rule declaration that draws something on focus: an outline, shadow, border, background or underline. */
function drawsIndicator(style: CSSStyleDeclaration): boolean {
  const get = (p: string) => style.getPropertyValue(p).trim().toLowerCase();
  if (!NO_VALUE.test(get('outline-style')) && !/^(0|0px)$/.test(get('outline-width'))) return true;
  if (!NO_VALUE.test(get('box-shadow'))) return true;
  if (['top', 'right', 'bottom', 'left'].some((side) => !NO_VALUE.test(get(`border-${side}-style`)))) return true;
  if (!NO_VALUE.test(get('background-color')) || !NO_VALUE.test(get('background-image'))) return true;
  return /underline|overline/.test(get('text-decoration-line') || get('text-decoration'));
}

/** A rule declaration that takes the outline away (outline: none / 0). */
function removesOutline(style: CSSStyleDeclaration): boolean {
  const st = style.getPropertyValue('outline-style').trim().toLowerCase();
  const w = style.getPropertyValue('outline-width').trim().toLowerCase();
  return st === 'none' || st === 'hidden' || w === '0' || w === '0px';
}

interface RuleLike { selectorText: string; style: CSSStyleDeclaration }

function styleRules(doc: Document): { rules: RuleLike[]; unreadable: boolean } {
  const rules: RuleLike[] = [];
  let unreadable = false;
  const walk = (list: CSSRuleList): void => {
    for (const r of Array.from(list)) {
      const sr = r as unknown as Partial<RuleLike> & { cssRules?: CSSRuleList };
      if (typeof sr.selectorText === 'string' && sr.style) rules.push(sr as RuleLike);
      if (sr.cssRules) walk(sr.cssRules);
    }
  };
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      walk(sheet.cssRules);
    } catch {
      unreadable = true;
    }
  }
  return { rules, unreadable };
}

/**
 * When the element does not match :focus-visible (focus moved by script, as in the extension's
 * emulated walk), the page's :focus-visible styles are not applied. Read them from the stylesheets:
 * a :focus-visible rule that draws an indicator → yes; an author rule taking the outline away (and
 * none drawing one) → no; neither → the browser's default focus ring → yes.
 */
export function focusVisibleFromRules(el: Element): FocusVisibility {
  const { rules, unreadable } = styleRules(el.ownerDocument);
  let removes = false;
  for (const r of rules) {
    for (const sel of r.selectorText.split(',')) {
      if (/:hover|:active|::/.test(sel)) continue;
      const plain = sel.replace(/:focus-visible|:focus-within|:focus/g, '').trim() || '*';
      let matches = false;
      try {
        matches = el.matches(plain);
      } catch {
        matches = false;
      }
      if (!matches) continue;
      if (/:focus(?!-within)/.test(sel) && drawsIndicator(r.style)) return 'yes';
      if (removesOutline(r.style)) removes = true;
    }
  }
  if (removes) return 'no';
  return unreadable ? 'unknown' : 'yes';
}

function isModal(el: Element): boolean {
  if (el.getAttribute('aria-modal') === 'true') return true;
  try {
    return el.nodeName === 'DIALOG' && el.matches(':modal');
  } catch {
    return false;
  }
}

const OPERABLE_HANDLERS = ['onclick', 'onmousedown', 'onmouseup', 'onpointerdown', 'onpointerup', 'ontouchstart', 'ondblclick'];
const DIALOG_SELECTOR = 'dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]';
const CLOSE_NAME = /^(关闭|關閉|close|×|✕|x|取消|cancel|确定|確定|ok|返回|知道了|我知道了)$|关闭|關閉|close/i;

export interface KeyboardApiOptions {
  /** Elements that are not the page's (the extension's own UI, known by reference): never walked or judged. */
  skip?: (el: Element) => boolean;
}

export function createKeyboardApi(doc: Document = document, opts: KeyboardApiOptions = {}): KeyboardPageApi {
  const win = doc.defaultView ?? window;
  const skip = opts.skip;
  const pageOwn = <E extends Element>(els: E[]): E[] => (skip ? els.filter((e) => !skip(e)) : els);
  const focusOrder = (): HTMLElement[] => pageOwn(sequentialFocusOrder(doc));
  const ids = new WeakMap<Element, number>();
  const byId = new Map<number, Element>();
  const unfocused = new Map<number, StyleSnapshot>();
  let domOrder = new Map<Element, number>();
  let startingPoint: Element | null = null;
  // The tab order, recomputed only after the DOM changed (it costs a style lookup per element).
  let orderCache: HTMLElement[] | null = null;
  let watcher: MutationObserver | null = null;
  const currentOrder = (): HTMLElement[] => {
    if (!orderCache) orderCache = focusOrder();
    return orderCache;
  };
  // The last element that received focus: a page that throws focus away on arrival (onfocus="blur()")
  // leaves the body focused, and this says which stop it was.
  let focusedLast: Element | null = null;
  const onFocusIn = (e: FocusEvent): void => {
    let t = (e.composedPath()[0] ?? e.target) as Element | null;
    if (t && t.nodeType !== 1) t = null;
    focusedLast = t;
  };

  const idOf = (el: Element): number => {
    let id = ids.get(el);
    if (id === undefined) {
      id = byId.size + 1;
      ids.set(el, id);
      byId.set(id, el);
    }
    return id;
  };

  const selectorOf = (el: Element): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const parts: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (e.id) {
        const sel = `#${CSS.escape(e.id)}`;
        let unique = false;
        try {
          unique = root.querySelectorAll(sel).length === 1;
        } catch {
          unique = false;
        }
        if (unique) {
          parts.unshift(sel);
          break;
        }
      }
      const tag = e.nodeName.toLowerCase();
      const parent = e.parentElement;
      if (!parent) {
        parts.unshift(tag);
        break;
      }
      const same = Array.from(parent.children).filter((c) => c.nodeName === e!.nodeName);
      parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(e) + 1})` : tag);
    }
    return parts.join(' > ');
  };

  const targetOf = (el: Element): Array<string | string[]> => {
    const chain: string[] = [selectorOf(el)];
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) chain.unshift(selectorOf(root.host));
    return chain.length > 1 ? [chain] : chain;
  };

  const nameOf = (el: Element): string => {
    const labelled = (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((i) => (i ? el.ownerDocument.getElementById(i)?.textContent ?? '' : ''))
      .join(' ')
      .trim();
    if (labelled) return labelled.replace(/\s+/g, ' ').slice(0, 80);
    const labels = (el as HTMLInputElement).labels;
    const fromLabel = labels?.length ? Array.from(labels).map((l) => l.textContent ?? '').join(' ').trim() : '';
    const value = el.nodeName === 'INPUT' && /^(submit|button|reset)$/.test((el as HTMLInputElement).type) ? (el as HTMLInputElement).value : '';
    return (el.getAttribute('aria-label')?.trim() || fromLabel || value || roughName(el) || el.getAttribute('placeholder') || '').replace(/\s+/g, ' ').slice(0, 80);
  };

  const rectOf = (el: Element): Rect => {
    const r = el.getBoundingClientRect();
    // Page coordinates, so a scrolled page compares like an unscrolled one.
    const w = el.ownerDocument.defaultView ?? win;
    return { x: Math.round(r.x + w.scrollX), y: Math.round(r.y + w.scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  };

  const positioned = (el: Element): { fixed: boolean; reordered: boolean } => {
    let fixed = false;
    let reordered = false;
    const w = el.ownerDocument.defaultView ?? win;
    for (let e: Element | null = el, depth = 0; e && depth < 8; e = e.parentElement, depth++) {
      const cs = w.getComputedStyle(e);
      if (cs.position === 'fixed' || cs.position === 'sticky') fixed = true;
      if (cs.order && cs.order !== '0') reordered = true;
      const parent = e.parentElement;
      if (parent) {
        const pcs = w.getComputedStyle(parent);
        if (/flex|grid/.test(pcs.display) && (/reverse/.test(pcs.flexDirection) || /reverse/.test(pcs.flexWrap) || /dense/.test(pcs.gridAutoFlow))) reordered = true;
      }
    }
    return { fixed, reordered };
  };

  const describe = (el: Element): ElementInfo => {
    const tabindexAttr = el.getAttribute('tabindex');
    const tabindex = tabindexAttr === null ? null : parseInt(tabindexAttr, 10);
    const html = el.outerHTML.replace(/\s+/g, ' ');
    return {
      id: idOf(el),
      selector: selectorOf(el),
      target: targetOf(el),
      html: html.length > 200 ? `${html.slice(0, 197)}...` : html,
      tag: el.nodeName.toLowerCase(),
      role: el.getAttribute('role'),
      name: nameOf(el),
      rect: rectOf(el),
      tabindex: Number.isNaN(tabindex) ? null : tabindex,
      domIndex: domOrder.get(el) ?? -1,
      ...positioned(el),
      operable: el.matches('a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary') || OPERABLE_HANDLERS.some((a) => !!el.getAttribute(a)?.trim()),
    };
  };

  const pageSize = () => {
    const d = doc.documentElement;
    return { width: Math.max(d.scrollWidth, win.innerWidth), height: Math.max(d.scrollHeight, win.innerHeight) };
  };

  const interactiveElements = (order: Set<Element>): Element[] => {
    const sel =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [onclick], [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"], [role="menuitem"], [role="slider"], [role="combobox"], [tabindex]';
    return pageOwn(Array.from(doc.querySelectorAll(sel))).filter((el) => {
      if (order.has(el)) return true;
      if ((el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true' || el.closest('[inert]')) return false;
      const tabindex = el.getAttribute('tabindex');
      // A plain tabindex="-1" without a role or handler is focus management, not a control.
      if (tabindex !== null && !el.hasAttribute('onclick') && !el.hasAttribute('role') && !el.matches('a[href], button, input, select, textarea, summary')) return false;
      if (/^(BODY|HTML|LABEL|OPTION|FORM)$/.test(el.nodeName)) return false;
      // A radio button is reached with the arrow keys once Tab is in its group.
      if (el.nodeName === 'INPUT' && (el as HTMLInputElement).type === 'radio' && radioGroupOf(el as HTMLInputElement).some((r) => order.has(r))) return false;
      const cs = win.getComputedStyle(el);
      if (cs.visibility === 'hidden' || el.getClientRects().length === 0) return false;
      // Reached through a control inside it or around it.
      if (el.querySelector('a[href], button, input, select, textarea, [tabindex="0"]')) return false;
      if (el.parentElement?.closest('a[href], button, label, summary, [role="button"], [role="link"]')) return false;
      // Items of a composite widget (tabs, menus, radio groups) are reached with arrow keys.
      if (el.closest('[role="tablist"], [role="menu"], [role="menubar"], [role="radiogroup"], [role="tree"], [role="listbox"], [role="grid"]')) return false;
      return true;
    });
  };

  const dialogOpeners = (): Element[] => {
    const out = new Set<Element>();
    for (const el of Array.from(doc.querySelectorAll('[aria-haspopup="dialog"], [data-toggle="modal"], [data-bs-toggle="modal"], [popovertarget], [commandfor]'))) out.add(el);
    for (const el of Array.from(doc.querySelectorAll('[aria-controls]'))) {
      const t = doc.getElementById(el.getAttribute('aria-controls') ?? '');
      if (t && t.matches('dialog, [role="dialog"], [role="alertdialog"]')) out.add(el);
    }
    for (const el of Array.from(doc.querySelectorAll('a[href^="#"]'))) {
      const id = (el.getAttribute('href') ?? '').slice(1);
      const t = id ? doc.getElementById(id) : null;
      if (t && t.matches('dialog, [role="dialog"], [role="alertdialog"]')) out.add(el);
    }
    return pageOwn([...out]).filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
  };

  const api: KeyboardPageApi = {
    version: 1,
    begin() {
      domOrder = new Map();
      let i = 0;
      const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.currentNode as Element | null; n; n = walker.nextNode() as Element | null) domOrder.set(n, i++);
      watcher?.disconnect();
      orderCache = null;
      watcher = new MutationObserver(() => {
        orderCache = null;
      });
      watcher.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex', 'disabled', 'hidden', 'inert', 'style', 'class', 'open', 'href', 'contenteditable'] });
      // 'focus' in the capture phase: it runs before the element's own onfocus handler (which may blur).
      doc.addEventListener('focus', onFocusIn, true);
      const order = currentOrder();
      const orderSet = new Set<Element>(order);
      for (const el of order) if (!domOrder.has(el)) domOrder.set(el, i++);
      // Nothing focused while the unfocused rendering is recorded, and Tab starts from the top.
      (deepActiveElement(doc) as HTMLElement | null)?.blur?.();
      for (const el of order) unfocused.set(idOf(el), styleSnapshot(el));
      startingPoint = null;
      const expected = order.map(describe);
      const described = new Map<Element, ElementInfo>(order.map((el, i) => [el, expected[i]!]));
      const info = (el: Element) => described.get(el) ?? describe(el);
      return {
        url: doc.location?.href ?? '',
        expected,
        interactive: interactiveElements(orderSet).map(info),
        dialogOpeners: dialogOpeners().map(info),
      };
    },
    observe() {
      let el = deepActiveElement(doc);
      let blurred = false;
      if (!el && focusedLast?.isConnected && focusedLast !== doc.body) {
        // Focus arrived and was thrown away at once: the stop is real, its focus invisible.
        el = focusedLast;
        blurred = true;
      }
      focusedLast = null;
      if (!el) return { element: null, visible: 'unknown', changes: [] };
      startingPoint = el;
      const info = describe(el);
      const before = unfocused.get(info.id);
      const after = styleSnapshot(el);
      const changes = before ? styleChanges(before, after).filter((c) => c !== 'box:rect' || !before['box:rect']?.endsWith(',0,0')) : [];
      let focusVisibleMatches = false;
      try {
        focusVisibleMatches = el.matches(':focus-visible');
      } catch {
        focusVisibleMatches = true;
      }
      const r = el.getBoundingClientRect();
      const w = el.ownerDocument.defaultView ?? win;
      const rect = { x: r.x + w.scrollX, y: r.y + w.scrollY, width: r.width, height: r.height };
      const order = currentOrder();
      const first = order[0] === el;
      const last = order[order.length - 1] === el;
      const edge = first && last ? ('only' as const) : first ? ('first' as const) : last ? ('last' as const) : undefined;
      if (blurred) return { element: info, visible: 'no', changes: [], visibleReason: 'blurred', ...(edge ? { edge } : {}) };
      const verdict = focusVisibility({
        changes,
        isOffscreen: offscreen(rect, pageSize()),
        focusVisibleMatches,
        ruleVerdict: changes.length || focusVisibleMatches ? 'unknown' : focusVisibleFromRules(el),
      });
      return { element: info, visible: verdict.visible, changes, ...(verdict.reason ? { visibleReason: verdict.reason } : {}), ...(edge ? { edge } : {}) };
    },
    emulateKey(key) {
      const active = deepActiveElement(doc);
      const target = active ?? doc.body ?? doc.documentElement;
      const shift = key === 'Shift+Tab';
      const name = key === 'Shift+Tab' ? 'Tab' : key;
      const code = name === 'Escape' ? 27 : name === 'Enter' ? 13 : 9;
      const init: KeyboardEventInit & { keyCode: number; which: number } = { key: name, code: name, keyCode: code, which: code, shiftKey: shift, bubbles: true, cancelable: true, composed: true };
      const down = new KeyboardEvent('keydown', init);
      const before = deepActiveElement(doc);
      const notCancelled = target.dispatchEvent(down);
      const after = deepActiveElement(doc);
      if (notCancelled && after === before) {
        if (name === 'Tab') {
          const order = currentOrder();
          const from = startingPoint && startingPoint.isConnected ? startingPoint : null;
          const idx = from ? order.indexOf(from as HTMLElement) : -1;
          let next: HTMLElement | undefined;
          if (idx >= 0) next = shift ? order[idx - 1] : order[idx + 1];
          else if (from) {
            // The starting point is no tab stop (it went away, or took focus by script): continue from
            // the nearest stop after (or before) it in document order.
            const follows = (e: Element) => !!(from.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
            next = shift ? [...order].reverse().find((e) => !follows(e) && e !== from) : order.find(follows);
          } else next = shift ? order[order.length - 1] : order[0];
          if (next) {
            next.focus({ preventScroll: false, focusVisible: true } as FocusOptions);
            startingPoint = next;
          } else {
            // Past the last stop: focus leaves the document (the browser's own UI in a real window).
            (active as HTMLElement | null)?.blur?.();
            startingPoint = null;
          }
        } else if (name === 'Enter' && active) {
          if (active.matches('a[href], button, input[type="submit"], input[type="button"], input[type="image"], summary, [role="button"], [role="link"]')) (active as HTMLElement).click();
        }
      }
      target.dispatchEvent(new KeyboardEvent('keyup', init));
      return { prevented: !notCancelled };
    },
    focusElement(id) {
      const el = byId.get(id) as HTMLElement | undefined;
      if (!el?.isConnected) return false;
      el.focus({ focusVisible: true } as FocusOptions);
      startingPoint = el;
      return deepActiveElement(doc) === el;
    },
    focusAfter(skip) {
      const order = focusOrder();
      const skipEls = skip.map((i) => byId.get(i)).filter((e): e is Element => !!e);
      const lastIdx = Math.max(...skipEls.map((e) => order.indexOf(e as HTMLElement)));
      const next = order.slice(lastIdx + 1).find((e) => !skipEls.includes(e));
      if (!next) return null;
      next.focus({ focusVisible: true } as FocusOptions);
      startingPoint = next;
      return describe(next);
    },
    clickElement(id) {
      const el = byId.get(id) as HTMLElement | undefined;
      if (!el?.isConnected) return false;
      el.click();
      return true;
    },
    openDialogs() {
      return pageOwn(Array.from(doc.querySelectorAll(DIALOG_SELECTOR)))
        .filter((d) => d.getClientRects().length > 0 && win.getComputedStyle(d).visibility !== 'hidden' && d.getAttribute('aria-hidden') !== 'true')
        .map((d) => ({ element: describe(d), modal: isModal(d) }));
    },
    focusWithin(id) {
      const el = byId.get(id);
      const a = deepActiveElement(doc);
      return !!el && !!a && (el === a || el.contains(a));
    },
    tabbablesIn(id) {
      const el = byId.get(id);
      return el ? focusOrder().filter((e) => el.contains(e)).length : 0;
    },
    closeControl(dialogId) {
      const d = byId.get(dialogId);
      if (!d) return null;
      const controls = Array.from(d.querySelectorAll('button, [role="button"], a[href], input[type="button"], input[type="submit"]'));
      const c = controls.find((e) => CLOSE_NAME.test((nameOf(e) || e.getAttribute('title') || '').trim()));
      return c ? describe(c) : null;
    },
    end() {
      unfocused.clear();
      watcher?.disconnect();
      watcher = null;
      orderCache = null;
      doc.removeEventListener('focus', onFocusIn, true);
    },
  };
  return api;
}

/** Installs the API in this document once (the CLI's page script and the extension's frame script call it). */
export function installKeyboardApi(doc: Document = document): KeyboardPageApi {
  const g = globalThis as unknown as Record<symbol, KeyboardPageApi | undefined>;
  const key = Symbol.for(KEYBOARD_API_KEY);
  g[key] ??= createKeyboardApi(doc);
  return g[key]!;
}
