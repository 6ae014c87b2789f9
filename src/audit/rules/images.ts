// Image rules: alt texts that are not alternatives (file names, placeholders — failures F30, F39),
// alt and title that disagree, linked images whose link ends up without a useful name.
import type { CheckHelper } from 'axe-core';
import { accessibleName, clean } from './axe-commons';
import { defineKanjianRule } from './define';
import { isFileNameAlt, isPlaceholderAlt, isSymbolOnly, squash } from './text-patterns';

const WCAG_111 = ['kanjian', 'wcag2a', 'wcag111', 'cat.text-alternatives'];
const BEST_PRACTICE = ['kanjian', 'best-practice', 'cat.text-alternatives'];
const ALT_SELECTOR = 'img[alt], input[type="image"][alt], area[alt]';

function altOf(node: Element): string {
  return clean(node.getAttribute('alt'));
}

/**
 * A link (or button) whose whole content is images: its name comes from their alts, so a bad alt is
 * reported once, on the link, by kanjian-img-link-name.
 */
export function imageOnlyLink(node: Element): Element | null {
  const link = node.closest('a[href], button, [role="link"], [role="button"]');
  if (!link || link === node) return null;
  const text = clean(link.textContent);
  return text ? null : link;
}

// ---- kanjian-img-alt-filename --------------------------------------------------------------------

export function altFileNameMatches(node: Element): boolean {
  return altOf(node) !== '' && !imageOnlyLink(node);
}

export function altFileNameEvaluate(this: CheckHelper, node: Element): boolean {
  const alt = altOf(node);
  this.data({ alt });
  return !isFileNameAlt(alt, node.getAttribute('src'));
}

export const imgAltFileName = defineKanjianRule({
  id: 'kanjian-img-alt-filename',
  selector: ALT_SELECTOR,
  matches: altFileNameMatches,
  evaluate: altFileNameEvaluate,
  impact: 'serious',
  tags: WCAG_111,
});

// ---- kanjian-img-alt-placeholder -----------------------------------------------------------------

export function altPlaceholderMatches(node: Element): boolean {
  return altOf(node) !== '' && !imageOnlyLink(node) && !isFileNameAlt(altOf(node), node.getAttribute('src'));
}

export function altPlaceholderEvaluate(this: CheckHelper, node: Element): boolean {
  const alt = altOf(node);
  this.data({ alt });
  return !isPlaceholderAlt(alt);
}

export const imgAltPlaceholder = defineKanjianRule({
  id: 'kanjian-img-alt-placeholder',
  selector: ALT_SELECTOR,
  matches: altPlaceholderMatches,
  evaluate: altPlaceholderEvaluate,
  impact: 'serious',
  tags: WCAG_111,
});

// ---- kanjian-img-alt-title-mismatch --------------------------------------------------------------

export function altTitleMatches(node: Element): boolean {
  return altOf(node) !== '' && clean(node.getAttribute('title')) !== '';
}

/** alt and title disagree: neither contains the other once case, spaces and punctuation are ignored. */
export function altTitleDisagree(alt: string, title: string): boolean {
  const a = squash(alt);
  const t = squash(title);
  if (!a || !t) return false;
  return !a.includes(t) && !t.includes(a);
}

export function altTitleEvaluate(this: CheckHelper, node: Element): boolean {
  const alt = altOf(node);
  const title = clean(node.getAttribute('title'));
  this.data({ alt, title });
  return !altTitleDisagree(alt, title);
}

export const imgAltTitleMismatch = defineKanjianRule({
  id: 'kanjian-img-alt-title-mismatch',
  selector: 'img[alt][title], input[type="image"][alt][title], area[alt][title]',
  matches: altTitleMatches,
  evaluate: altTitleEvaluate,
  impact: 'minor',
  tags: BEST_PRACTICE,
});

// ---- kanjian-img-empty-alt-title -----------------------------------------------------------------

export function emptyAltTitleMatches(node: Element): boolean {
  return node.getAttribute('alt') !== null && altOf(node) === '' && !node.hasAttribute('aria-label') && !node.hasAttribute('aria-labelledby');
}

export function emptyAltTitleEvaluate(this: CheckHelper, node: Element): boolean {
  const title = clean(node.getAttribute('title'));
  this.data({ title });
  return title === '';
}

export const imgEmptyAltTitle = defineKanjianRule({
  id: 'kanjian-img-empty-alt-title',
  selector: 'img[alt][title]',
  matches: emptyAltTitleMatches,
  evaluate: emptyAltTitleEvaluate,
  impact: 'moderate',
  tags: BEST_PRACTICE,
});

// ---- kanjian-img-link-name -----------------------------------------------------------------------

export function imgLinkMatches(node: Element): boolean {
  if (clean(node.textContent)) return false;
  if (!node.querySelector('img, input[type="image"], svg, [role="img"]')) return false;
  // An empty name is axe's link-name / button-name finding; this rule judges names that exist.
  return accessibleName(node) !== '';
}

export function imgLinkEvaluate(this: CheckHelper, node: Element): boolean {
  const name = accessibleName(node);
  const img = node.querySelector('img[src]');
  this.data({ name });
  if (isFileNameAlt(name, img?.getAttribute('src'))) {
    this.data({ name, messageKey: 'fileName' });
    return false;
  }
  if (isPlaceholderAlt(name) || isSymbolOnly(name)) {
    this.data({ name, messageKey: 'placeholder' });
    return false;
  }
  return true;
}

export const imgLinkName = defineKanjianRule({
  id: 'kanjian-img-link-name',
  selector: 'a[href], button, [role="link"], [role="button"]',
  matches: imgLinkMatches,
  evaluate: imgLinkEvaluate,
  impact: 'serious',
  tags: ['kanjian', 'wcag2a', 'wcag111', 'wcag244', 'cat.name-role-value'],
});
