/**
 * A page loaded this far with more elements than this gets 配色 and 页面放大 part by part, its
 * screen first (display/scheme-tags.ts, display/zoom-parts.ts); smaller pages, and aids applied while
 * the page loads (stored for the site, before first paint), get one rule over the whole page. Below
 * it one rule shows in one frame of under ~80 ms (measured for 配色: 10,000 elements 77 ms, 20,000
 * 154 ms, 40,000 320 ms; part by part the screen shows in 15–46 ms, the whole page done later).
 */
export const BIG_PAGE_ELEMENTS = 8000;

/** True for a document past loading with more than BIG_PAGE_ELEMENTS elements (counted no further). */
export function isBigLoadedPage(doc: Document): boolean {
  return doc.readyState !== 'loading' && !!doc.body && doc.getElementsByTagName('*').item(BIG_PAGE_ELEMENTS) !== null;
}
