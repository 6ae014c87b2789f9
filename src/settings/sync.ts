/**
 * One page's settings writes, kept in step with storage when the user changes things quickly
 * (holding Enter on 页面放大, or two menus in a row).
 *
 * - Writes go out one at a time, each reading the stored record afresh, so two quick changes of
 *   different settings cannot overwrite each other (updateSite/updateGlobal read, merge, then write).
 * - While our own writes are going out, storage echoes are older than what the page already shows:
 *   applying them would step the page back (zoom 150 % → 125 % → 150 %) and make the next press count
 *   from the wrong value. `busy` tells the caller to skip them.
 * - When the last write is done, the stored records are read once and handed to `settled`, so a change
 *   made elsewhere meanwhile (another tab of the site, the popup, the options page) is not lost.
 */
import type { GlobalSettings, SiteSettings } from './schema';
import { loadSettings, updateGlobal, updateSite, type KeyValueArea } from './store';

export interface SettingsSyncOptions {
  area: KeyValueArea;
  siteKey: string | null;
  /** The stored settings once our writes are done (compare with what the page shows; apply if different). */
  settled(site: SiteSettings, global: GlobalSettings): void;
  log(...args: unknown[]): void;
}

export class SettingsSync {
  private pending = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly o: SettingsSyncOptions) {}

  /** True while our own writes are going out: storage echoes are stale then. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Queues a write; resolves when it is stored (errors are logged, never thrown into the page). */
  save(sitePatch: Partial<SiteSettings>, globalPatch?: Partial<GlobalSettings>): Promise<void> {
    const { area, siteKey } = this.o;
    const hasSite = siteKey !== null && Object.keys(sitePatch).length > 0;
    if (!hasSite && !globalPatch) return this.chain;
    this.pending++;
    const write = this.chain.then(async () => {
      try {
        if (globalPatch) await updateGlobal(area, globalPatch);
        if (hasSite) await updateSite(area, siteKey, sitePatch);
      } catch (err) {
        this.o.log('could not save settings', err);
      }
    });
    this.chain = write.then(async () => {
      if (--this.pending > 0) return;
      try {
        const stored = await loadSettings(area, siteKey);
        // A write queued while we were reading will settle again itself.
        if (this.pending === 0) this.o.settled(stored.site, stored.global);
      } catch (err) {
        this.o.log('could not read settings back', err);
      }
    });
    return write;
  }

  /** Resolves when every queued write (and the read-back) is done. */
  idle(): Promise<void> {
    return this.chain;
  }
}

/** Whether two settings records hold the same values (key order does not matter). */
export function sameSettings(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (JSON.stringify(ra[k]) !== JSON.stringify(rb[k])) return false;
  return true;
}
