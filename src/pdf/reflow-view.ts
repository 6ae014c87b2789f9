/**
 * The reflow view: the document's blocks as plain HTML (h1–h6, p, ol/ul, table) in the reader page's
 * own document, so every aid of the toolbar (text size, line height, 配色, 繁简, 显示屏, 指读/连读,
 * 区域跳转) works on it exactly as on a web page. Text goes in as text nodes, never as HTML.
 */
import type { ReflowBlock } from './reflow';

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** One block as an element; `data-page` says which page it came from (search and the page view use it). */
export function renderBlock(doc: Document, block: ReflowBlock): HTMLElement {
  let out: HTMLElement;
  switch (block.kind) {
    case 'heading':
      out = el(doc, `h${block.level}` as 'h1', block.text);
      break;
    case 'paragraph':
      out = el(doc, 'p', block.text);
      break;
    case 'list': {
      out = el(doc, block.ordered ? 'ol' : 'ul');
      // Items keep the document's own numbering (1. / （一） / ①), so the list style adds none.
      if (block.ordered) out.className = 'kjr-numbered';
      for (const item of block.items) out.append(el(doc, 'li', item));
      break;
    }
    case 'table': {
      const table = el(doc, 'table');
      if (block.caption) table.append(el(doc, 'caption', block.caption));
      const head = block.headerRows ? el(doc, 'thead') : null;
      const body = el(doc, 'tbody');
      block.rows.forEach((row, i) => {
        const tr = el(doc, 'tr');
        const isHead = i < block.headerRows;
        for (const cell of row) {
          const c = el(doc, isHead ? 'th' : 'td', cell);
          if (isHead) c.setAttribute('scope', 'col');
          tr.append(c);
        }
        (isHead && head ? head : body).append(tr);
      });
      if (head) table.append(head);
      table.append(body);
      out = el(doc, 'div');
      out.className = 'kjr-table';
      out.append(table);
      break;
    }
  }
  out.dataset.page = String(block.page);
  return out;
}

/** Replaces the article's content with the blocks (one DOM write). */
export function renderBlocks(article: HTMLElement, blocks: readonly ReflowBlock[]): void {
  const doc = article.ownerDocument;
  const frag = doc.createDocumentFragment();
  for (const b of blocks) frag.append(renderBlock(doc, b));
  article.replaceChildren(frag);
}
