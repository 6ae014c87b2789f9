import type { MessageKey } from '../i18n/messages';
import type { SiteSettings } from '../settings/schema';

/** What an aid needs from the page it runs in. */
export interface PageContext {
  readonly doc: Document;
  readonly win: Window;
}

/**
 * One display aid. The toolbar, settings, reset and exit all work from the registry of these, so
 * adding an aid touches its module and one line in registry.ts.
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

export interface Announcement {
  key: MessageKey;
  params?: Array<string | number>;
}

/** A toolbar button. `run` returns the settings change it asks for and what to announce. */
export interface ControlSpec {
  readonly id: string;
  readonly label: MessageKey;
  /** Decorative glyph shown above the label (hidden from assistive technology). */
  readonly icon: string;
  readonly group: string;
  /** Toggle buttons expose aria-pressed. */
  readonly pressed?: (s: SiteSettings) => boolean;
  readonly disabled?: (s: SiteSettings) => boolean;
  run(s: SiteSettings): { patch: Partial<SiteSettings>; announce?: Announcement } | null;
}
