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
