import { defaultsOf } from './fields';
import { siteFields, type GlobalSettings, type SiteSettings } from './schema';
import { GLOBAL_KEY, SITE_PREFIX, parseGlobal, parseSite } from './store';

const SITE_DEFAULTS = defaultsOf(siteFields);
/** Settings that do not change how the page looks at first paint. */
const NOT_VISUAL = new Set<keyof SiteSettings>(['toolbarOpen']);

/** Whether a site's stored settings change the page before it is first shown. */
export function changesFirstPaint(site: SiteSettings, global: Pick<GlobalSettings, 'convertEverySite' | 'convertExcludedSites'>, siteKey: string): boolean {
  if (site.convert) return true;
  if (global.convertEverySite && !global.convertExcludedSites.includes(siteKey)) return true;
  return (Object.keys(site) as Array<keyof SiteSettings>).some((k) => !NOT_VISUAL.has(k) && site[k] !== SITE_DEFAULTS[k]);
}

/**
 * Match patterns of the sites whose pages must stay hidden until kanjian has applied their aids.
 * Match patterns cannot name a port, so a site on one port covers its host on every port: the
 * content script there reveals the page at once when nothing applies.
 */
export function earlyMatchPatterns(all: Record<string, unknown>): string[] {
  const global = parseGlobal(all[GLOBAL_KEY]);
  const every = global.convertEverySite;
  if (every) return ['http://*/*', 'https://*/*'];
  const out = new Set<string>();
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(SITE_PREFIX)) continue;
    const siteKey = key.slice(SITE_PREFIX.length);
    let url: URL;
    try {
      url = new URL(siteKey);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (changesFirstPaint(parseSite(raw), global, siteKey)) out.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...out].sort();
}

