// Stable fingerprints for findings, used for CI baselines. A fingerprint depends only on the rule id,
// the normalised page URL, the CSS target selector (and the transform label, if any), never on the
// element's HTML, its text or its position in axe's node list, so unrelated DOM changes leave it alone.

/** An axe target: one entry per frame level; an entry is a selector or a list of shadow-DOM selectors. */
export type AxeTarget = ReadonlyArray<string | readonly string[]>;

const TRACKING_PARAM = /^(utm_[a-z]+|gclid|fbclid|spm|from|_t|timestamp)$/i;

/**
 * Normalises a page URL for fingerprints: lower-case scheme and host, default port and fragment dropped,
 * tracking parameters dropped, remaining query parameters sorted. Non-URLs are returned trimmed.
 */
export function normalizeUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = '';
  const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING_PARAM.test(k));
  params.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  u.search = '';
  for (const [k, v] of params) u.searchParams.append(k, v);
  // URL already lower-cases scheme and host and drops default ports.
  return u.toString();
}

function normalizeSelector(sel: string): string {
  return sel
    .trim()
    .replace(/\s*([>+~])\s*/g, ' $1 ')
    .replace(/\s+/g, ' ');
}

/** A readable one-line form of an axe target: frames joined by " >>> ", shadow roots by " >> ". */
export function targetToString(target: AxeTarget): string {
  return target
    .map((part) => (typeof part === 'string' ? normalizeSelector(part) : part.map(normalizeSelector).join(' >> ')))
    .join(' >>> ');
}

/** 64-bit string hash (two independent 32-bit lanes), hex. Not cryptographic; stable across runtimes. */
export function hash64(input: string): string {
  let h1 = 0xdeadbeef ^ input.length;
  let h2 = 0x41c6ce57 ^ input.length;
  for (let i = 0; i < input.length; i++) {
    const ch = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function fingerprint(ruleId: string, pageUrl: string, target: AxeTarget, transform?: string): string {
  const parts = [ruleId, normalizeUrl(pageUrl), targetToString(target)];
  if (transform) parts.push(transform);
  return hash64(parts.join('\n'));
}
