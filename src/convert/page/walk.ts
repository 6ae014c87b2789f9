import { isMarkedOwnUi, isOwnUi } from '../../shared/own-ui';
/**
 * What the page converter may touch. Text people read is converted; code, editors, form values,
 * opted-out subtrees and kanjian's own UI never are.
 */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'code', 'pre', 'kbd', 'samp', 'var', 'svg:style', 'math',
]);

/** Attributes people read (or hear), converted along with the text. */
export const READABLE_ATTRIBUTES = ['title', 'alt', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription'] as const;
const BUTTON_INPUT_TYPES = new Set(['button', 'submit', 'reset']);

const NO_NAMES: readonly string[] = [];

/** True when this element and its whole subtree must be left alone. */
export function isSkippedElement(el: Element): boolean {
  return skippedByMarkup(el, el.hasAttributes() ? el.getAttributeNames() : NO_NAMES) || isOwnUi(el);
}


/** The page's own reasons to leave an element alone: its tag, or its attributes (names read once). */
function skippedByMarkup(el: Element, names: readonly string[]): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  for (const name of names) {
    switch (name) {
      case 'translate':
        if (el.getAttribute('translate') === 'no') return true;
        break;
      case 'class':
        if (el.classList.contains('ignore-opencc')) return true;
        break;
      case 'lang':
        // Japanese, Korean and Vietnamese also write with Han characters: never "convert" them.
        if (/^(ja|ko|vi)(-|$)/i.test(el.getAttribute('lang') ?? '')) return true;
        break;
      case 'contenteditable':
        if (el.getAttribute('contenteditable') !== 'false') return true;
        break;
    }
  }
  return false;
}

/** True when a node sits inside a subtree that must be left alone (checked up to the root). */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** Attributes of this element that should be converted (`present`: its attribute names, if already read). */
export function convertibleAttributes(el: Element, present: readonly string[] = el.getAttributeNames()): string[] {
  const out: string[] = READABLE_ATTRIBUTES.filter((a) => present.includes(a));
  if (el.localName === 'input' && present.includes('value') && BUTTON_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) {
    out.push('value');
  }
  return out;
}

/** Han characters (CJK ideographs, extensions, compatibility) — only strings with one are worth converting. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;
export function hasHan(text: string | null): boolean {
  return !!text && HAN.test(text);
}

/** isSkippedElement for an element a walk from outside our UI reaches: our UI by its mark, no climb. */
function skippedInWalk(el: Element, names: readonly string[]): boolean {
  return isMarkedOwnUi(el) || skippedByMarkup(el, names);
}

/**
 * Visits every convertible text node and element under `root` (skipping excluded subtrees), and
 * every open shadow root found on the way. onElement gets the element's attribute names.
 */
export function walk(
  root: Node,
  onText: (t: Text) => void,
  onElement: (el: Element, names: readonly string[]) => void,
  onShadowRoot: (sr: ShadowRoot) => void,
): void {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  if (root.nodeType === 3) {
    onText(root as Text);
    return;
  }
  if (root.nodeType === 1) {
    const el = root as Element;
    onElement(el, el.hasAttributes() ? el.getAttributeNames() : NO_NAMES);
    const sr = el.shadowRoot;
    if (sr) onShadowRoot(sr);
  }
  // No filter callback: the walker runs natively and a skipped subtree is stepped over here.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let n = walker.nextNode();
  while (n) {
    if (n.nodeType === 3) {
      onText(n as Text);
      n = walker.nextNode();
      continue;
    }
    const el = n as Element;
    const names = el.hasAttributes() ? el.getAttributeNames() : NO_NAMES;
    if (skippedInWalk(el, names)) {
      n = walker.nextSibling();
      while (!n && walker.parentNode()) n = walker.nextSibling();
      continue;
    }
    onElement(el, names);
    const sr = el.shadowRoot;
    if (sr) onShadowRoot(sr);
    n = walker.nextNode();
  }
}
