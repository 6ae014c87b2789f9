// Sequential focus navigation order as the HTML standard describes it (what Tab does), computed from
// the DOM: elements with a positive tabindex first in ascending order, then tabindex 0 and natively
// focusable elements in tree order, per focus navigation scope (each shadow root and slot is a scope,
// placed where its owner is). Hidden, inert and disabled elements are skipped; same-origin iframes
// are entered. Runs in the audited page.

const NATIVE = new Set(['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT', 'EMBED']);

function parseTabindex(el: Element): number | null {
  const raw = el.getAttribute('tabindex');
  if (raw === null) return null;
  const n = parseInt(raw.trim(), 10);
  return Number.isNaN(n) ? null : n;
}

function disabled(el: Element): boolean {
  try {
    if (el.matches(':disabled')) return true;
  } catch {
    // :disabled unsupported (very old engines): fall through
  }
  return false;
}

/** Natively focusable (without a tabindex attribute). */
export function nativelyFocusable(el: Element): boolean {
  const tag = el.nodeName;
  if ((tag === 'A' || tag === 'AREA') && el.hasAttribute('href')) return true;
  if (NATIVE.has(tag)) {
    if (tag === 'INPUT' && (el as HTMLInputElement).type === 'hidden') return false;
    return !disabled(el);
  }
  if ((tag === 'AUDIO' || tag === 'VIDEO') && el.hasAttribute('controls')) return true;
  if (tag === 'SUMMARY') {
    const details = el.parentElement;
    return !!details && details.nodeName === 'DETAILS' && details.querySelector(':scope > summary') === el;
  }
  // The root of an editing host (its editable descendants are part of it, not stops of their own).
  return editable(el) && !(el.parentElement && editable(el.parentElement));
}

function editable(el: Element): boolean {
  const v = el.getAttribute('contenteditable');
  if (v === null) return (el as HTMLElement).isContentEditable === true && !!el.parentElement && editable(el.parentElement);
  return v === '' || v.toLowerCase() === 'true' || v.toLowerCase() === 'plaintext-only';
}

/** Not rendered or not focusable for the user: display none, visibility hidden, inert, closed details. */
export function unavailable(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  if (el.closest('[inert]')) return true;
  const cs = win.getComputedStyle(el);
  if (cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  if (cs.display === 'none') return true;
  if ((el as HTMLElement).getClientRects().length === 0 && cs.display !== 'contents') {
    // Not rendered: an ancestor is display: none (or the element has no box at all).
    for (let p: Element | null = el; p; p = p.parentElement) if (win.getComputedStyle(p).display === 'none') return true;
  }
  const details = el.parentElement?.closest('details:not([open])');
  if (details && !(el.nodeName === 'SUMMARY' && el.parentElement === details)) return true;
  return false;
}

/**
 * The radio buttons of el's group (same name, same form, same tree), or just el when it has no name.
 * Tab stops on one of them only (the checked one, else the first); arrow keys move within the group.
 */
export function radioGroupOf(el: HTMLInputElement): HTMLInputElement[] {
  if (!el.name) return [el];
  const root = el.getRootNode() as Document | ShadowRoot;
  return Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]')).filter(
    (r) => r.name === el.name && r.form === el.form && !r.disabled && !unavailable(r),
  );
}

function radioIsTabStop(el: HTMLInputElement): boolean {
  const group = radioGroupOf(el);
  const checked = group.find((r) => r.checked);
  return (checked ?? group[0]) === el;
}

/** The effective tabindex for sequential navigation, or null when Tab never stops on the element. */
export function tabOrderValue(el: Element): number | null {
  if (unavailable(el)) return null;
  if (el.nodeName === 'INPUT' && (el as HTMLInputElement).type === 'radio' && !radioIsTabStop(el as HTMLInputElement)) return null;
  const attr = parseTabindex(el);
  if (attr !== null) {
    if (disabled(el)) return null;
    return attr < 0 ? null : attr;
  }
  return nativelyFocusable(el) ? 0 : null;
}

interface Entry { el: Element; order: number | null; seq: number; sub: HTMLElement[] }

function sameOriginDoc(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The children a focus navigation scope walks in tree order (slots give their assigned nodes). */
function childrenOf(node: Element | ShadowRoot | Document): Element[] {
  if (node instanceof Element && node.nodeName === 'SLOT') {
    const assigned = (node as HTMLSlotElement).assignedElements({ flatten: false });
    return assigned.length ? assigned : Array.from(node.children);
  }
  return Array.from((node as ParentNode).children);
}

function collect(nodes: Element[], entries: Entry[], seq: { n: number }): void {
  for (const el of nodes) {
    const order = tabOrderValue(el);
    const host = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (host) {
      // A shadow host owns a scope; with a negative tabindex its shadow tree is skipped.
      const attr = parseTabindex(el);
      const delegates = host.delegatesFocus;
      const sub = attr !== null && attr < 0 ? [] : scopeOrder(childrenOf(host));
      entries.push({ el, order: attr !== null && attr < 0 ? null : (order ?? (sub.length ? 0 : null)), seq: seq.n++, sub: delegates || order === null ? sub : [el as HTMLElement, ...sub] });
      continue;
    }
    if (el.nodeName === 'SLOT') {
      entries.push({ el, order: 0, seq: seq.n++, sub: scopeOrder(childrenOf(el)) });
      continue;
    }
    if (el.nodeName === 'IFRAME' && order !== null) {
      const doc = sameOriginDoc(el);
      if (doc?.body) {
        entries.push({ el, order, seq: seq.n++, sub: scopeOrder(Array.from(doc.body.children)) });
        continue;
      }
    }
    if (order !== null) entries.push({ el, order, seq: seq.n++, sub: [el as HTMLElement] });
    // Descendants of an element belong to the same scope (an unavailable subtree has none to offer).
    if (el.children.length && !(el.nodeName !== 'SLOT' && unavailableSubtree(el))) collect(Array.from(el.children), entries, seq);
  }
}

function unavailableSubtree(el: Element): boolean {
  const win = el.ownerDocument.defaultView;
  if (!win) return true;
  if (el.hasAttribute('inert')) return true;
  return win.getComputedStyle(el).display === 'none';
}

function scopeOrder(nodes: Element[]): HTMLElement[] {
  const entries: Entry[] = [];
  collect(nodes, entries, { n: 0 });
  const positive = entries.filter((e) => (e.order ?? 0) > 0).sort((a, b) => a.order! - b.order! || a.seq - b.seq);
  const zero = entries.filter((e) => e.order === 0);
  return [...positive, ...zero].flatMap((e) => e.sub);
}

/** Elements Tab visits, in order, starting from the top of the document. */
export function sequentialFocusOrder(doc: Document = document): HTMLElement[] {
  if (!doc.body) return [];
  return scopeOrder(Array.from(doc.body.children));
}

/** The focused element, looking inside shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document = document): Element | null {
  let a: Element | null = doc.activeElement;
  for (let i = 0; a && i < 20; i++) {
    const sr = (a as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
    if (sr?.activeElement) {
      a = sr.activeElement;
      continue;
    }
    if (a.nodeName === 'IFRAME') {
      const inner = sameOriginDoc(a);
      if (inner?.activeElement && inner.activeElement !== inner.body) {
        a = inner.activeElement;
        continue;
      }
    }
    break;
  }
  if (!a || a === doc.body || a === doc.documentElement) return null;
  return a;
}
