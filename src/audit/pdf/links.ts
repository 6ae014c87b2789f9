/**
 * The PDF documents a page links to, as an audit checks them: same-origin only (the audit reads what
 * the audited site serves, never another host, and never an address a page could aim at the
 * auditor's network), deduplicated, at most a few per page.
 */
import { looksLikePdf } from '../../pdf/open';

export interface LinkedPdf {
  /** Absolute URL of the document. */
  url: string;
  /** axe-style target of the first link to it, for the report's "locate" and fingerprints. */
  target: string[];
  /** The link's markup, shortened. */
  html: string;
}

/** How many linked PDFs one page's audit opens. */
export const MAX_LINKED_PDFS = 5;

function selectorOf(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.nodeType === 1; e = e.parentElement) {
    const tag = e.localName;
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id) && e.ownerDocument.querySelectorAll(`#${e.id}`).length === 1) {
      parts.unshift(`#${e.id}`);
      break;
    }
    const parent: Element | null = e.parentElement;
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    const same = Array.from(parent.children).filter((c) => c.localName === tag);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(e) + 1})` : tag);
  }
  return parts.join(' > ');
}

/** Whether a URL may be fetched for the audit of a page at `pageUrl`: http(s) and the page's own origin. */
export function isAuditablePdfUrl(url: string, pageUrl: string): boolean {
  try {
    const u = new URL(url);
    const page = new URL(pageUrl);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === page.origin;
  } catch {
    return false;
  }
}

/** The same-origin PDF links of a document (light DOM of the top document), first MAX_LINKED_PDFS. */
export function linkedPdfs(doc: Document, max = MAX_LINKED_PDFS): LinkedPdf[] {
  const out: LinkedPdf[] = [];
  const seen = new Set<string>();
  const pageUrl = doc.location?.href ?? doc.URL;
  for (const a of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
    if (out.length >= max) break;
    const href = (a as HTMLAnchorElement).href;
    if (typeof href !== 'string' || !looksLikePdf(href) || !isAuditablePdfUrl(href, pageUrl)) continue;
    const url = href.split('#')[0]!;
    if (seen.has(url)) continue;
    seen.add(url);
    const html = a.outerHTML;
    out.push({ url, target: [selectorOf(a)], html: html.length > 200 ? `${html.slice(0, 197)}...` : html });
  }
  return out;
}

/** Links that arrived from a page (its content script, its world in the CLI): well formed and same-origin only. */
export function parseLinkedPdfs(raw: unknown, pageUrl: string): LinkedPdf[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((l): l is LinkedPdf => !!l && typeof l.url === 'string' && typeof l.html === 'string' && Array.isArray(l.target) && l.target.every((t: unknown) => typeof t === 'string'))
    .filter((l) => isAuditablePdfUrl(l.url, pageUrl))
    .slice(0, MAX_LINKED_PDFS)
    .map((l) => ({ url: l.url, target: [...l.target], html: l.html.slice(0, 200) }));
}
