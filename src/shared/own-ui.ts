/**
 * kanjian's own elements in a page (the toolbar host, overlays, style elements), known by reference.
 *
 * Never by anything a page can write: a page that could mark its own elements as ours (an attribute,
 * a tag name) could hide them from conversion and reading, and hide its violations from the audit
 * (`<body data-kanjian-ui>` once emptied a whole audit). The set lives on this world's global under a
 * registered symbol, so the audit script injected later into the same isolated world sees it; the
 * page's own world has another global and cannot reach it.
 */
const KEY = Symbol.for('kanjian.ownUi');

function registry(): WeakSet<Node> {
  const g = globalThis as unknown as Record<symbol, WeakSet<Node> | undefined>;
  let set = g[KEY];
  if (!set) {
    set = new WeakSet();
    Object.defineProperty(globalThis, KEY, { value: set, configurable: false, enumerable: false, writable: false });
  }
  return set;
}

/** Records an element kanjian created (its subtree and shadow root count as ours too). */
export function markOwnUi<E extends Element>(el: E): E {
  registry().add(el);
  return el;
}

/** True for nodes inside one of kanjian's own elements (crossing shadow roots to their hosts). */
export function isOwnUi(node: Node | null): boolean {
  const set = registry();
  for (let n: Node | null = node; n; n = n.parentNode ?? hostOf(n)) {
    if (set.has(n)) return true;
  }
  return false;
}

/**
 * True for an element kanjian marked itself (not its descendants): enough for a walk from a root
 * outside our UI that never enters a marked element's subtree, at a WeakSet lookup per element
 * instead of a climb to the root.
 */
export function isMarkedOwnUi(node: Node): boolean {
  return registry().has(node);
}

/** A shadow root's host (nodeType, not instanceof: Firefox content scripts see the page's nodes through wrappers). */
function hostOf(n: Node): Node | null {
  return n.nodeType === 11 ? ((n as ShadowRoot).host ?? null) : null;
}

/** kanjian's own elements in a document, outermost only, in document order. */
export function ownUiIn(doc: Document): Element[] {
  const set = registry();
  return [...doc.querySelectorAll('*')].filter((el) => set.has(el) && !isOwnUi(el.parentNode));
}

/**
 * A copy of the document without kanjian's elements (for Readability, which works on a clone):
 * the clone's nodes are not ours by reference, so ours are found by their position.
 */
export function cloneWithoutOwnUi(doc: Document): Document {
  const paths = ownUiIn(doc).map((el) => pathOf(el));
  const clone = doc.cloneNode(true) as Document;
  // Deepest and last first, so earlier paths stay valid while removing.
  for (const path of paths.reverse()) nodeAt(clone, path)?.parentNode?.removeChild(nodeAt(clone, path)!);
  return clone;
}

function pathOf(node: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n.parentNode; n = n.parentNode) path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  return path;
}

function nodeAt(root: Node, path: readonly number[]): Node | null {
  let n: Node | null = root;
  for (const i of path) n = n?.childNodes[i] ?? null;
  return n;
}
