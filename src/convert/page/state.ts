// What the page's 繁简 conversion reports: a type of its own, so messaging and features can name it
// without importing the converter.
import type { PageScript } from '../engine';

export interface ConvertState {
  /** The script the page is written in (detected from its text, else its lang). */
  pageScript: PageScript;
  /** What the page shows now. */
  shownAs: PageScript;
  /** Set when conversion was wanted but failed (e.g. the dictionary could not load). */
  error?: string;
}
