import type { SiteSettings } from '../settings/schema';

/** What an aid needs from the page it runs in. */
export interface PageContext {
  readonly doc: Document;
  readonly win: Window;
}

/**
 * One display aid: what it does to the page for one setting. A display module wraps its aids and
 * toolbar buttons in one feature (displayFeature, src/content/feature.ts), listed in the registry.
 */
export interface Aid<K extends keyof SiteSettings = keyof SiteSettings> {
  readonly id: string;
  /** The per-site setting this aid follows. */
  readonly setting: K;
  /** Idempotent: applying the same value twice changes nothing; the default value removes the aid. */
  apply(page: PageContext, value: SiteSettings[K]): void;
  /** Leaves the page exactly as it was before the aid. */
  remove(page: PageContext): void;
}
