// Stable fingerprints for findings, used for CI baselines. The main fingerprint depends only on the rule
// id, the normalised page URL, the CSS target selector (and the transform label, if any), never on the
// element's HTML, its text or its position in axe's node list, so unrelated DOM changes leave it alone.
// axe builds selectors from classes and attributes that are rare *document-wide*, so a selector can
// still change when an unrelated element gains the same class: the second fingerprint (htmlFingerprint)
// hashes the element's normalised HTML instead, and a baseline knows a finding by either.

/** An axe target: one entry per frame level; an entry is a selector or a list of shadow-DOM selectors. */
export type AxeTarget = ReadonlyArray<string | readonly string[]>;

// Not "from": on many Chinese sites it is content (/list?from=2023), not a referrer tag.
const TRACKING_PARAM = /^(utm_[a-z]+|gclid|fbclid|spm|_t|timestamp)$/i;

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

/**
 * The name fingerprints give a page: its URL, plus the state's name for a state reached by steps
 * (a fragment would be dropped by normalizeUrl, so the state goes after a space).
 */
export function pageKey(url: string, state?: string): string {
  return state ? `${url} [${state}]` : url;
}

export function fingerprint(ruleId: string, pageUrl: string, target: AxeTarget, transform?: string): string {
  const parts = [ruleId, normalizeUrl(pageUrl), targetToString(target)];
  if (transform) parts.push(transform);
  return hash64(parts.join('\n'));
}

// Parts of attribute values that change from build to build or render to render, replaced by "#".
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Hex hashes: 8+ hex digits mixing digits and letters (app.3f2a9c1b.js). */
const HEX_HASH = /[0-9a-f]{8,}/gi;
/** Ids, timestamps, cache busters. */
const DIGIT_RUN = /\d{4,}/g;
/** CSS-in-JS class hashes: 6+ letters and digits, mixed, after - or _ (css-1q2w3e, sc-a1b2c3). */
const CLASS_HASH = /(?<=[-_])(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{6,}\b/gi;

function dropGenerated(value: string): string {
  return value
    .replace(UUID, '#')
    .replace(HEX_HASH, (m) => (/\d/.test(m) && /[a-f]/i.test(m) ? '#' : m))
    .replace(DIGIT_RUN, '#')
    .replace(CLASS_HASH, '#');
}

/** Attribute names that are themselves generated (Vue's scoped-style attributes: data-v-7ba5bd90). */
const GENERATED_ATTR = /^data-v-[0-9a-f]{6,}$/i;
const START_TAG = /<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'=<>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * An element's HTML snippet in a form that survives re-renders: whitespace collapsed (and dropped
 * between tags), attribute values re-quoted with their generated-looking parts replaced by "#",
 * generated attribute names (data-v-…) dropped. Text content is kept.
 */
export function normalizeHtml(html: string): string {
  return html
    .replace(START_TAG, (_m, name: string, attrs: string, selfClose: string) => {
      const parts = [name.toLowerCase()];
      for (const a of attrs.matchAll(ATTRIBUTE)) {
        const attr = a[1]!.toLowerCase();
        if (GENERATED_ATTR.test(attr)) continue;
        const value = (a[2] ?? a[3] ?? a[4] ?? '').replace(/\s+/g, ' ').trim();
        parts.push(value ? `${attr}="${dropGenerated(value)}"` : attr);
      }
      return `<${parts.join(' ')}${selfClose ? ' /' : ''}>`;
    })
    .replace(/<\/([a-zA-Z][^\s/>]*)\s*>/g, (_m, name: string) => `</${name.toLowerCase()}>`)
    .replace(/\s+/g, ' ')
    .replace(/>\s+</g, '><')
    .trim();
}

/**
 * The second fingerprint: rule id + normalised page URL + normalised HTML snippet (+ transform).
 * Undefined when the node has no HTML (nothing to tell elements apart by).
 */
export function htmlFingerprint(ruleId: string, pageUrl: string, html: string, transform?: string): string | undefined {
  const norm = normalizeHtml(html);
  if (!norm) return undefined;
  const parts = ['html', ruleId, normalizeUrl(pageUrl), norm];
  if (transform) parts.push(transform);
  return hash64(parts.join('\n'));
}
