import type { Readability } from '@mozilla/readability';
import { cloneWithoutOwnUi } from '../shared/own-ui';

/**
 * The reading view's content (纯文本): the page's main content, found by Readability on a clone of
 * the document (the live page is never touched), rebuilt element by element from an allow-list into
 * kanjian's own document fragment. Nothing of the page's markup is copied as HTML: no attributes
 * but safe link targets and table spans, no scripts, no handlers, no styles; images become their
 * alternative text.
 */
export interface ReaderArticle {
  title: string;
  byline: string;
  lang: string;
  /** The content's root, in an inert document (DOMParser), to be rebuilt with buildReaderContent. */
  content: Element;
}

const KEEP = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'dl', 'dt', 'dd', 'figure', 'figcaption',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'hr', 'br',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'mark', 'small', 'abbr', 'q', 'cite', 'code', 'time', 'a',
]);
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'source',
  'track', 'button', 'input', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter', 'dialog',
  'map', 'area', 'head', 'title', 'meta', 'link', 'base',
]);
/** Parts of a page that are not its content, removed before the fallback (no Readability result). */
const CHROME = 'script, style, noscript, template, nav, header, footer, aside, form, [hidden], [aria-hidden="true"], [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"]';

const SAFE_URL = /^(https?:|mailto:|tel:)/i;

/**
 * Rebuilds `src`'s children into `doc` (kanjian's document) from the allow-list. `altText(alt)`
 * renders an image's alternative text (e.g. "〔图片：…〕"); images without alt are decorative.
 */
export function buildReaderContent(src: Element, doc: Document, altText: (alt: string) => string): DocumentFragment {
  const frag = doc.createDocumentFragment();
  const copy = (from: Node, to: Node): void => {
    for (let n = from.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        to.appendChild(doc.createTextNode(n.nodeValue ?? ''));
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const name = el.localName;
      if (DROP.has(name)) continue;
      if (name === 'img') {
        const alt = (el.getAttribute('alt') ?? '').trim();
        if (alt) {
          const span = doc.createElement('span');
          span.className = 'alt';
          span.textContent = altText(alt);
          to.appendChild(span);
        }
        continue;
      }
      if (!KEEP.has(name)) {
        copy(el, to); // unwrap: div, span, section, font, center…
        continue;
      }
      if (name === 'a') {
        const raw = (el.getAttribute('href') ?? '').trim();
        // href="#" and javascript: links are the page's buttons (打印本页, 关闭窗口), not content.
        if (raw === '#' || /^javascript:/i.test(raw)) continue;
        const href = (el as HTMLAnchorElement).href || raw;
        if (!SAFE_URL.test(href)) {
          copy(el, to);
          continue;
        }
        const a = doc.createElement('a');
        a.setAttribute('href', href);
        copy(el, a);
        to.appendChild(a);
        continue;
      }
      const out = doc.createElement(name);
      if (name === 'td' || name === 'th') {
        for (const attr of ['colspan', 'rowspan']) {
          const v = el.getAttribute(attr);
          if (v && /^\d{1,3}$/.test(v)) out.setAttribute(attr, v);
        }
        const scope = el.getAttribute('scope');
        if (name === 'th' && scope && /^(row|col|rowgroup|colgroup)$/.test(scope)) out.setAttribute('scope', scope);
      }
      copy(el, out);
      to.appendChild(out);
    }
  };
  copy(src, frag);
  // Blocks left with nothing to read (e.g. a row of dropped buttons) go too.
  for (const el of [...frag.querySelectorAll('p, li, dd, dt, figcaption, blockquote')]) {
    if (!el.textContent?.trim() && !el.querySelector('.alt')) el.remove();
  }
  return frag;
}


/**
 * The article's own title: the page's single h1 when the document title contains it (portals
 * append the site name, "标题 - 某某区人民政府", which Readability keeps for CJK titles).
 */
export function articleTitle(docTitle: string, h1s: readonly string[]): string {
  const title = docTitle.replace(/\s+/g, ' ').trim();
  const h1 = h1s.length === 1 ? h1s[0]!.replace(/\s+/g, ' ').trim() : '';
  return h1 && title.includes(h1) ? h1 : title;
}

/**
 * Finds the page's main content. Never throws; falls back to the page's main region or body.
 * `ReadabilityClass` is @mozilla/readability, passed in: the content script loads it on first use.
 */
export function extractArticle(doc: Document, ReadabilityClass?: typeof Readability): ReaderArticle {
  const h1s = [...doc.querySelectorAll('body h1')].map((h) => h.textContent ?? '');
  const lang = doc.documentElement?.getAttribute('lang') ?? '';
  let parsed: ReturnType<Readability['parse']> = null;
  try {
    parsed = ReadabilityClass ? new ReadabilityClass(cloneWithoutOwnUi(doc), { charThreshold: 200 }).parse() : null;
  } catch {
    parsed = null;
  }
  const parser = new DOMParser();
  if (parsed?.content && (parsed.textContent ?? '').trim().length >= 50) {
    const inert = parser.parseFromString(`<!doctype html><body>${parsed.content}`, 'text/html');
    return { title: articleTitle(parsed.title ?? doc.title, h1s), byline: (parsed.byline ?? '').trim(), lang: parsed.lang || lang, content: inert.body };
  }
  const clone = cloneWithoutOwnUi(doc);
  const root = clone.querySelector('main, [role="main"], article') ?? clone.body ?? clone.documentElement;
  for (const el of [...root.querySelectorAll(CHROME)]) el.remove();
  return { title: articleTitle(doc.title, h1s), byline: '', lang, content: root };
}
