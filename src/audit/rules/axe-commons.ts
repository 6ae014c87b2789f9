// Access to the running axe-core's own helpers (accessible name, focusability, visibility, roles) from
// inside kanjian's checks, so kanjian judges names and roles exactly as axe's rules do. axe sets the
// global `axe` in every frame it runs in (the extension and the CLI inject axe.min.js; the unit tests
// import axe-core into jsdom), and checks only ever run while axe.run is active there.
import type { VirtualNode } from 'axe-core';

interface AxeCommons {
  text: {
    accessibleTextVirtual(v: VirtualNode, o?: Record<string, unknown>): string;
    sanitize(s: string): string;
  };
  dom: {
    isFocusable(el: Element | VirtualNode): boolean;
    isNativelyFocusable(el: Element | VirtualNode): boolean;
    isVisibleToScreenReaders(el: Element | VirtualNode): boolean;
    isVisibleOnScreen(el: Element | VirtualNode): boolean;
  };
  aria: { getRole(el: Element | VirtualNode, o?: Record<string, unknown>): string | null };
}

interface AxeGlobal {
  commons: AxeCommons;
  utils: { getNodeFromTree(el: Node): VirtualNode | null };
  _tree?: unknown;
}

function axeGlobal(): AxeGlobal | undefined {
  return (globalThis as unknown as { axe?: AxeGlobal }).axe;
}

/** axe's virtual node for an element (null outside a run or for nodes outside the audited context). */
export function vnodeOf(el: Element): VirtualNode | null {
  try {
    return axeGlobal()?.utils.getNodeFromTree(el) ?? null;
  } catch {
    return null;
  }
}

/** Collapses whitespace (axe's sanitize plus full-width spaces, common in Chinese pages). */
export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

/**
 * The element's accessible name as axe computes it; falls back to a rough name (aria-label, text,
 * image alts, title) when axe's tree does not hold the element.
 */
export function accessibleName(el: Element): string {
  // Several rules ask for the same names (matches and evaluate, link indexes): once per element per run.
  const cache = perRun('kanjian-accessible-names', () => new WeakMap<Element, string>());
  let name = cache.get(el);
  if (name === undefined) {
    name = computeName(el);
    cache.set(el, name);
  }
  return name;
}

function computeName(el: Element): string {
  const a = axeGlobal();
  const v = vnodeOf(el);
  if (a && v) {
    try {
      return clean(a.commons.text.accessibleTextVirtual(v));
    } catch {
      // fall through to the rough name
    }
  }
  return roughName(el);
}

export function roughName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label && clean(label)) return clean(label);
  const parts: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    else if (n.nodeType === 1) {
      const e = n as Element;
      if (e.getAttribute('aria-hidden') === 'true') return;
      if (e.nodeName === 'IMG' || (e.nodeName === 'INPUT' && (e as HTMLInputElement).type === 'image')) parts.push(' ' + (e.getAttribute('alt') ?? '') + ' ');
      else if (e.nodeName !== 'SCRIPT' && e.nodeName !== 'STYLE') e.childNodes.forEach(walk);
    }
  };
  el.childNodes.forEach(walk);
  return clean(parts.join('')) || clean(el.getAttribute('title'));
}

export function isFocusable(el: Element): boolean {
  const a = axeGlobal();
  const v = vnodeOf(el);
  if (a && v) {
    try {
      return a.commons.dom.isFocusable(v);
    } catch {
      // fall through
    }
  }
  return roughFocusable(el);
}

const NATIVE_FOCUSABLE = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'SUMMARY']);

/** Focusable without axe: tabindex, links with href, enabled form controls, contenteditable. */
export function roughFocusable(el: Element): boolean {
  if (el.hasAttribute('tabindex') && !Number.isNaN(parseInt(el.getAttribute('tabindex')!, 10))) return true;
  if ((el.nodeName === 'A' || el.nodeName === 'AREA') && el.hasAttribute('href')) return true;
  if (NATIVE_FOCUSABLE.has(el.nodeName)) return !(el as HTMLInputElement).disabled && (el as HTMLInputElement).type !== 'hidden';
  if ((el.nodeName === 'AUDIO' || el.nodeName === 'VIDEO') && el.hasAttribute('controls')) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

export function isVisibleToScreenReaders(el: Element): boolean {
  const a = axeGlobal();
  const v = vnodeOf(el);
  if (a && v) {
    try {
      return a.commons.dom.isVisibleToScreenReaders(v);
    } catch {
      // fall through
    }
  }
  return true;
}

export function roleOf(el: Element): string | null {
  const a = axeGlobal();
  const v = vnodeOf(el);
  if (a && v) {
    try {
      return a.commons.aria.getRole(v);
    } catch {
      // fall through
    }
  }
  return el.getAttribute('role')?.trim().split(/\s+/)[0] ?? null;
}

const runCaches = new WeakMap<object, Map<string, unknown>>();
let fallbackCache: { at: number; map: Map<string, unknown> } | undefined;

/**
 * A value computed once per axe run (page-wide indexes such as "all links by name"). axe builds a
 * fresh tree for every run, so the tree object keys the cache; without one (outside a run) the value
 * lives for one task.
 */
export function perRun<T>(key: string, create: () => T): T {
  const tree = axeGlobal()?._tree;
  let map: Map<string, unknown>;
  if (tree && typeof tree === 'object') {
    map = runCaches.get(tree) ?? new Map();
    runCaches.set(tree, map);
  } else {
    const now = Date.now();
    if (!fallbackCache || now - fallbackCache.at > 50) fallbackCache = { at: now, map: new Map() };
    map = fallbackCache.map;
  }
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as T;
}
