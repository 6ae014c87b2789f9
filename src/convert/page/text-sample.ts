import { PAGE_TEXT_SAMPLE } from '../engine';

/**
 * The start of `root`'s textContent, at most `limit` code units, read without building the whole
 * string: the same text nodes in the same order (script and style text included, as textContent has
 * them), so the answer is the one the CLI's `textContent` gives. On a long page this is a few text
 * nodes instead of every one, which keeps the toolbar's first open and 繁简's start quick.
 */
export function textSample(root: Node | null | undefined, limit = PAGE_TEXT_SAMPLE): string {
  if (!root) return '';
  const doc = root.ownerDocument ?? (root as Document);
  // SHOW_TEXT | SHOW_CDATA_SECTION: the nodes textContent concatenates.
  const walker = doc.createTreeWalker(root, 0x4 | 0x8);
  const parts: string[] = [];
  let n = 0;
  for (let node = walker.nextNode(); node && n < limit; node = walker.nextNode()) {
    const data = (node as CharacterData).data;
    parts.push(data.length > limit - n ? data.slice(0, limit - n) : data);
    n += data.length;
  }
  return parts.join('');
}
