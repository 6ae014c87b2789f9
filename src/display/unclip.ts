import { isOwnUi, type PageStyle } from './page-style';

/**
 * After an aid makes text take more room (zoom reflow, line height, spacing), boxes with a fixed
 * height would clip the text (overflow: hidden) or let it spill over the next box. This finds the
 * elements that fit with the aid's rules off and overflow with them on, and tags them so the aid's
 * own CSS gives them their natural height. The attribute holds one token per aid, so aids never
 * untag each other's elements. Runs once per apply (and on load), never on idle.
 */
export const UNCLIP_ATTR = 'data-kj-unclip';

export function unclipCss(owner: string): string {
  // A positioned box held by both top and bottom only grows once bottom lets go.
  return (
    `[${UNCLIP_ATTR}~="${owner}"]{height:auto!important;max-height:none!important}` +
    `[${UNCLIP_ATTR}~="${owner}-pos"]{bottom:auto!important}` +
    `[${UNCLIP_ATTR}~="${owner}-flow"]{position:static!important;margin:0!important}`
  );
}

/** True when the box's content is taller than its box (beyond a pixel of rounding). */
export function overflowsVertically(scrollHeight: number, clientHeight: number): boolean {
  return clientHeight > 0 && scrollHeight > clientHeight + 1;
}

function hasText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && /\S/.test(c.nodeValue ?? '')) return true;
  return false;
}

/**
 * True when the element's text box overflows vertically now (scroll boxes excepted). clientHeight
 * first: it is 0 for every inline box, most of a page, which then needs no second read.
 */
export function textOverflows(el: HTMLElement, view: Window): boolean {
  const clientHeight = el.clientHeight;
  if (clientHeight === 0 || !overflowsVertically(el.scrollHeight, clientHeight)) return false;
  if (isOwnUi(el)) return false;
  const oy = view.getComputedStyle(el).overflowY;
  if (oy === 'auto' || oy === 'scroll') return false; // a scroll box: the reader can scroll it
  return hasText(el) || !!el.querySelector('p, span, a, li, td, div');
}

/** Elements whose text box overflows vertically now (scroll boxes excepted). */
export function overflowingText(doc: Document): HTMLElement[] {
  const body = doc.body;
  const view = doc.defaultView;
  if (!body || !view) return [];
  const out: HTMLElement[] = [];
  for (const el of body.querySelectorAll<HTMLElement>('*')) if (textOverflows(el, view)) out.push(el);
  return out;
}

export function addToken(el: Element, attr: string, token: string): void {
  const tokens = (el.getAttribute(attr) ?? '').split(' ').filter(Boolean);
  if (!tokens.includes(token)) el.setAttribute(attr, [...tokens, token].join(' '));
}

export function removeTokens(doc: Document, attr: string, token: string): void {
  for (const el of doc.querySelectorAll(`[${attr}~="${token}"]`)) {
    const rest = (el.getAttribute(attr) ?? '').split(' ').filter((t) => t && t !== token);
    if (rest.length) el.setAttribute(attr, rest.join(' '));
    else el.removeAttribute(attr);
  }
}

/** Tags (for `owner`) the text boxes that overflow with `styles` on but fit with them off. */
export function fitOverflowing(doc: Document, styles: readonly PageStyle[], owner: string, found: HTMLElement[] = overflowingText(doc)): void {
  const overflowing = found.filter((el) => !(el.getAttribute(UNCLIP_ATTR) ?? '').split(' ').includes(owner));
  if (!overflowing.length) return;
  for (const s of styles) s.setDisabled(true);
  let fitBefore: HTMLElement[];
  try {
    fitBefore = overflowing.filter((el) => !overflowsVertically(el.scrollHeight, el.clientHeight));
  } finally {
    for (const s of styles) s.setDisabled(false);
  }
  const view = doc.defaultView;
  for (const el of fitBefore) {
    addToken(el, UNCLIP_ATTR, owner);
    const cs = view?.getComputedStyle(el);
    if (cs && (cs.position === 'absolute' || cs.position === 'fixed') && cs.top !== 'auto' && cs.bottom !== 'auto') {
      addToken(el, UNCLIP_ATTR, `${owner}-pos`);
    }
  }
}

export function clearUnclip(doc: Document, owner: string): void {
  removeTokens(doc, UNCLIP_ATTR, owner);
  removeTokens(doc, UNCLIP_ATTR, `${owner}-pos`);
  removeTokens(doc, UNCLIP_ATTR, `${owner}-flow`);
}

interface TextBox {
  node: Text;
  r: DOMRect;
}

function textBoxes(doc: Document): TextBox[] {
  const out: TextBox[] = [];
  const body = doc.body;
  if (!body) return out;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/\S/.test(n.nodeValue ?? '') || isOwnUi(n)) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) if (r.width > 2 && r.height > 2) out.push({ node: n as Text, r });
  }
  return out;
}

/** Pairs of different text nodes whose line boxes overlap (a sweep over boxes sorted by top). */
export function overlappingPairs<T>(boxes: ReadonlyArray<{ node: T; r: { top: number; bottom: number; left: number; right: number } }>): Array<[T, T]> {
  const sorted = [...boxes].sort((a, b) => a.r.top - b.r.top);
  const out: Array<[T, T]> = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.r.top < a.r.bottom - 2; j++) {
      const b = sorted[j]!;
      if (a.node === b.node) continue;
      const ix = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const iy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (ix > 2 && iy > 2) out.push([a.node, b.node]);
    }
  }
  return out;
}

function positionedAncestor(node: Node, other: Node, view: Window): Element | null {
  for (let e = node.parentElement; e && e !== node.ownerDocument?.body; e = e.parentElement) {
    if (e.contains(other)) return null;
    const p = view.getComputedStyle(e).position;
    if (p === 'absolute' || p === 'fixed') return e;
  }
  return null;
}

/**
 * Text drawn over other text once the aid is on (and not before) usually comes from a positioned
 * box that kept its place while the text around it grew: such boxes are put back into the normal
 * flow (`<owner>-flow` token), which moves them out of the way.
 */
export function fitOverlaps(doc: Document, styles: readonly PageStyle[], owner: string): void {
  const view = doc.defaultView;
  if (!view || !doc.body) return;
  const after = overlappingPairs(textBoxes(doc));
  if (!after.length) return;
  for (const s of styles) s.setDisabled(true);
  let before: Array<[Text, Text]>;
  try {
    before = overlappingPairs(textBoxes(doc));
  } finally {
    for (const s of styles) s.setDisabled(false);
  }
  const known = new Set(before.map(([a, b]) => `${a.nodeValue}\u0000${b.nodeValue}`));
  for (const [a, b] of after) {
    if (known.has(`${a.nodeValue}\u0000${b.nodeValue}`) || known.has(`${b.nodeValue}\u0000${a.nodeValue}`)) continue;
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const box = positionedAncestor(x, y, view);
      if (box) addToken(box, UNCLIP_ATTR, `${owner}-flow`);
    }
  }
}
