/**
 * The reader's address and what may be opened in it. Only the extension opens the reader (it is not a
 * web-accessible resource, so no page can navigate to it): from a trusted click on the 用看见阅读
 * control, the link context menu, the keyboard command or the popup. What the reader is given is the
 * document's own URL; it fetches that one URL with the user's cookies, and nothing else.
 */
export const READER_PATH = '/reader.html';
const PARAM = 'file';

/** http(s) only: the reader fetches with the user's cookies, so no other scheme is accepted. */
export function readablePdfUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null; // credentials in the URL: never sent on from here
  url.hash = '';
  return url.href;
}

/** The reader page's URL for a PDF (`base` is the extension's reader page, from runtime.getURL). */
export function readerUrl(base: string, pdfUrl: string): string | null {
  const ok = readablePdfUrl(pdfUrl);
  if (!ok) return null;
  const u = new URL(base);
  u.search = new URLSearchParams({ [PARAM]: ok }).toString();
  return u.href;
}

/** The PDF the reader was opened for (null when the address carries none that may be read). */
export function pdfUrlFromReader(href: string): string | null {
  try {
    return readablePdfUrl(new URL(href).searchParams.get(PARAM));
  } catch {
    return null;
  }
}

/**
 * Does this address name a PDF? By the path's extension (…/a.pdf, …/a.PDF?x=1) or a query that names
 * one (download.do?file=x.pdf), which is how government CMSs link their attachments.
 */
export function looksLikePdf(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (/\.pdf$/i.test(url.pathname)) return true;
  // forEach, not an iterator: Firefox content scripts see URLSearchParams' iterators as not iterable.
  let named = false;
  url.searchParams.forEach((value) => {
    if (/\.pdf$/i.test(value)) named = true;
  });
  return named;
}

/** Match patterns for the link context menu (Chrome and Firefox): paths ending in .pdf, with or without a query. */
export const PDF_LINK_PATTERNS = ['*://*/*.pdf', '*://*/*.pdf?*', '*://*/*.PDF', '*://*/*.PDF?*', '*://*/*.Pdf', '*://*/*.Pdf?*'];
