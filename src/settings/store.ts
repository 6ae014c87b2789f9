import { defaultsOf, parseRecord, parseWithDefaults } from './fields';
import { globalFields, SCHEMA_VERSION, siteFields, type GlobalSettings, type SiteSettings } from './schema';

/** The subset of browser.storage.local that settings need (a fake in unit tests). */
export interface KeyValueArea {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const META_KEY = 'settings.meta';
export const GLOBAL_KEY = 'settings.global';
export const SITE_PREFIX = 'site:';
export const siteStorageKey = (siteKey: string): string => SITE_PREFIX + siteKey;

type Migration = (all: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they produce. MIGRATIONS[n] turns version n-1 data into version n.
 * Version 1 is the first released shape, so there is nothing to migrate yet; tests register steps
 * through migrateStored's `steps` argument to prove the path.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

export interface MigrationResult {
  from: number;
  to: number;
  changed: boolean;
}

/** Brings stored data up to SCHEMA_VERSION. Newer data (after a downgrade) is left untouched. */
export async function migrateStored(
  area: KeyValueArea,
  steps: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = SCHEMA_VERSION,
): Promise<MigrationResult> {
  const all = await area.get(null);
  const meta = all[META_KEY];
  const stored = meta && typeof meta === 'object' && typeof (meta as { version?: unknown }).version === 'number'
    ? (meta as { version: number }).version
    : Object.keys(all).length === 0 ? target : 0;
  if (stored >= target) {
    if (!meta) await area.set({ [META_KEY]: { version: target } });
    return { from: stored, to: stored, changed: false };
  }
  let data = { ...all };
  for (let v = stored + 1; v <= target; v++) {
    const step = steps[v];
    if (step) data = step(data);
  }
  const removed = Object.keys(all).filter((k) => !(k in data));
  if (removed.length) await area.remove(removed);
  await area.set({ ...data, [META_KEY]: { version: target } });
  return { from: stored, to: target, changed: true };
}

export interface LoadedSettings {
  global: GlobalSettings;
  site: SiteSettings;
  /** Field names whose stored values were invalid and ignored (for diagnostics). */
  rejected: string[];
}

export async function loadSettings(area: KeyValueArea, siteKey: string | null): Promise<LoadedSettings> {
  const keys = [GLOBAL_KEY];
  if (siteKey) keys.push(siteStorageKey(siteKey));
  let raw: Record<string, unknown> = {};
  try {
    raw = await area.get(keys);
  } catch {
    raw = {};
  }
  const g = parseRecord(globalFields, raw[GLOBAL_KEY]);
  const s = siteKey ? parseRecord(siteFields, raw[siteStorageKey(siteKey)]) : { values: {}, rejected: [] };
  return {
    global: { ...defaultsOf(globalFields), ...g.values },
    site: { ...defaultsOf(siteFields), ...s.values },
    rejected: [...g.rejected.map((k) => `global.${k}`), ...s.rejected.map((k) => `site.${k}`)],
  };
}

export function parseSite(raw: unknown): SiteSettings {
  return parseWithDefaults(siteFields, raw);
}

export function parseGlobal(raw: unknown): GlobalSettings {
  return parseWithDefaults(globalFields, raw);
}

/**
 * Writes only the given fields of one site, keeping its other stored fields (even ones this
 * version does not know). Invalid values are refused, not stored.
 */
export async function updateSite(area: KeyValueArea, siteKey: string, patch: Partial<SiteSettings>): Promise<SiteSettings> {
  const key = siteStorageKey(siteKey);
  const current = (await area.get([key]))[key];
  const base = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
  const accepted = parseRecord(siteFields, patch);
  if (accepted.rejected.length) throw new RangeError(`invalid site setting: ${accepted.rejected.join(', ')}`);
  Object.assign(base, accepted.values);
  await area.set({ [key]: base });
  return parseSite(base);
}

export async function updateGlobal(area: KeyValueArea, patch: Partial<GlobalSettings>): Promise<GlobalSettings> {
  const current = (await area.get([GLOBAL_KEY]))[GLOBAL_KEY];
  const base = current && typeof current === 'object' && !Array.isArray(current) ? { ...(current as Record<string, unknown>) } : {};
  const accepted = parseRecord(globalFields, patch);
  if (accepted.rejected.length) throw new RangeError(`invalid global setting: ${accepted.rejected.join(', ')}`);
  Object.assign(base, accepted.values);
  await area.set({ [GLOBAL_KEY]: base });
  return parseGlobal(base);
}

/** Sites with stored settings, for the options page. */
export async function listSites(area: KeyValueArea): Promise<string[]> {
  const all = await area.get(null);
  return Object.keys(all).filter((k) => k.startsWith(SITE_PREFIX)).map((k) => k.slice(SITE_PREFIX.length)).sort();
}

export async function forgetSite(area: KeyValueArea, siteKey: string): Promise<void> {
  await area.remove([siteStorageKey(siteKey)]);
}
