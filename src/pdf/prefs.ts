import type { KeyValueArea } from '../settings/store';

/**
 * The reader's per-site memory, kept apart from the page settings (its own storage key per site):
 * whether this site's PDFs open in kanjian by default, and the view last chosen for them.
 */
export type ReaderView = 'reflow' | 'page';

export interface PdfSitePrefs {
  /** Open this site's PDF links in the reader without asking (a trusted click on the link). */
  openInReader: boolean;
  /** The view last chosen for this site's PDFs; null: reflow in 长辈模式, else page view. */
  view: ReaderView | null;
}

export const PDF_PREFS_PREFIX = 'pdf:';
export const pdfPrefsKey = (siteKey: string): string => PDF_PREFS_PREFIX + siteKey;
const DEFAULTS: PdfSitePrefs = { openInReader: false, view: null };

/** Stored values are untrusted: anything malformed reads as the default. */
export function parsePdfPrefs(raw: unknown): PdfSitePrefs {
  if (!raw || typeof raw !== 'object') return { ...DEFAULTS };
  const r = raw as Record<string, unknown>;
  return {
    openInReader: r.openInReader === true,
    view: r.view === 'reflow' || r.view === 'page' ? r.view : null,
  };
}

export async function loadPdfPrefs(area: KeyValueArea, siteKey: string | null): Promise<PdfSitePrefs> {
  if (!siteKey) return { ...DEFAULTS };
  const key = pdfPrefsKey(siteKey);
  const got = await area.get([key]);
  return parsePdfPrefs(got[key]);
}

export async function savePdfPrefs(area: KeyValueArea, siteKey: string | null, patch: Partial<PdfSitePrefs>): Promise<PdfSitePrefs> {
  if (!siteKey) return { ...DEFAULTS, ...patch };
  const next = { ...(await loadPdfPrefs(area, siteKey)), ...patch };
  await area.set({ [pdfPrefsKey(siteKey)]: next });
  return next;
}
