import { isOwnUi } from '../../shared/own-ui';
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

/** True when this element and its whole subtree must be left alone. */
export function isSkippedElement(el: Element): boolean {
  const name = el.localName;
  if (SKIP_TAGS.has(name)) return true;
  if (isOwnUi(el)) return true;
  if (el.getAttribute('translate') === 'no') return true;
  if (el.classList.contains('ignore-opencc')) return true;
  // Japanese, Korean and Vietnamese also write with Han characters: never "convert" them.
  const lang = el.getAttribute('lang');
  if (lang && /^(ja|ko|vi)(-|$)/i.test(lang)) return true;
  const ce = el.getAttribute('contenteditable');
  if (ce !== null && ce !== 'false') return true;
  return false;
}

/** True when a node sits inside a subtree that must be left alone (checked up to the root). */
export function isInSkippedSubtree(node: Node): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkippedElement(el)) return true;
  }
  return false;
}

/** Attributes of this element that should be converted. */
export function convertibleAttributes(el: Element): string[] {
  const out: string[] = [];
  for (const a of READABLE_ATTRIBUTES) if (el.hasAttribute(a)) out.push(a);
  if (el.localName === 'input' && BUTTON_INPUT_TYPES.has((el.getAttribute('type') ?? '').toLowerCase()) && el.hasAttribute('value')) {
    out.push('value');
  }
  return out;
}

/** Han characters (CJK ideographs, extensions, compatibility) — only strings with one are worth converting. */
const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;
export function hasHan(text: string | null): boolean {
  return !!text && HAN.test(text);
}

/**
 * Visits every convertible text node and element under `root` (skipping excluded subtrees), and
 * every open shadow root found on the way.
 */
export function walk(
  root: Node,
  onText: (t: Text) => void,
  onElement: (el: Element) => void,
  onShadowRoot: (sr: ShadowRoot) => void,
): void {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 1 && isSkippedElement(root as Element)) return;
  if (root.nodeType === 3) {
    onText(root as Text);
    return;
  }
  if (root.nodeType === 1) {
    onElement(root as Element);
    const sr = (root as Element).shadowRoot;
    if (sr) onShadowRoot(sr);
  }
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === 1 && isSkippedElement(node as Element)) return NodeFilter.FILTER_REJECT;
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType === 3) onText(n as Text);
    else {
      onElement(n as Element);
      const sr = (n as Element).shadowRoot;
      if (sr) onShadowRoot(sr);
    }
  }
}
