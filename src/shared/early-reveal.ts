import { isOwnUi, markOwnUi } from './own-ui';

/**
 * Shows a page that early.css kept hidden until kanjian applied the site's stored aids (only where
 * it is registered): sets our own variable, so the page's own rules about <html> stay in force.
 * A plain rule, outside kanjian's cascade layer: it is set once and never changes, and a sheet
 * added beside the layer costs the page nothing (page-style.ts).
 *
 * A visible <html> needs nothing, and asking that first spares every other page the computed-style
 * object (its bindings are the largest thing the loader would add to a page's heap).
 */
export const REVEAL_ID = 'kanjian-style-reveal';

export function revealEarlyHidden(doc: Document, win: Window): void {
  const root = doc.documentElement;
  // Ours by reference: a page element with the same id must not keep the page hidden.
  const existing = doc.getElementById(REVEAL_ID);
  if (!root || (existing && isOwnUi(existing))) return;
  if (root.checkVisibility?.({ visibilityProperty: true }) === true) return;
  if (win.getComputedStyle(root).animationName !== 'kanjian-reveal') return;
  const el = markOwnUi(doc.createElement('style'));
  el.id = REVEAL_ID;
  // The element hides itself, so `* { all: unset }` cannot show its text.
  el.textContent = `#${REVEAL_ID}{display:none!important}:root{--kanjian-early:visible}`;
  root.insertBefore(el, root.firstElementChild);
}
