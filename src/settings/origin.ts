/**
 * The per-site key. Settings are keyed by origin (scheme + host + port) so one site's choices never
 * reach another. Pages without a real origin (file:, data:, about:blank) share one key per scheme.
 */
export function siteKeyFor(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === 'file:') return 'file://';
  return null;
}

/**
 * The same key from a document's own address (`document.URL`, already in its serialized form),
 * read without `URL` or `Location`: the loader runs in every frame of every page, and each of those
 * interfaces touched would be made anew in its world and held by the page (~3.4 KB for `Location`).
 * A serialized http(s) address is scheme, `//`, optional user info ending in `@` (an `@` inside it
 * is escaped), then host and port up to the path; the default port is already left out.
 */
export function siteKeyForDocumentUrl(url: string): string | null {
  const m = /^(https?):\/\/(?:[^/?#@]*@)?([^/?#]*)/i.exec(url);
  if (m) return `${m[1]!.toLowerCase()}://${m[2]}`;
  return /^file:/i.test(url) ? 'file://' : null;
}
