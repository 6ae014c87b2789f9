// Link rules: text that does not say where a link goes, links that do nothing, files and new windows
// that arrive unannounced (WCAG 2.4.4 Link Purpose; advisory techniques G201, H33, H2).
import type { CheckHelper } from 'axe-core';
import { accessibleName, clean, perRun, roleOf } from './axe-commons';
import { defineKanjianRule } from './define';
import {
  describesFile, fileKind, isGenericLinkText, isSymbolOnly, linkedFileExt, NEW_WINDOW_WORDS, squash,
} from './text-patterns';

export const LINK_SELECTOR = 'a[href], area[href], [role="link"]';
const WCAG_244 = ['kanjian', 'wcag2a', 'wcag244', 'cat.name-role-value'];
const BEST_PRACTICE = ['kanjian', 'best-practice', 'cat.name-role-value'];

function isLink(el: Element): boolean {
  const role = roleOf(el);
  return role === 'link' || ((el.nodeName === 'A' || el.nodeName === 'AREA') && el.hasAttribute('href') && role === null);
}

/** Where a link goes, comparable across links (fragment kept: #a and #b are different places). */
export function linkTarget(el: Element): string {
  const raw = (el.getAttribute('href') ?? '').trim();
  if (/^javascript:/i.test(raw) || raw === '' || raw === '#') return raw.toLowerCase();
  // HTML links resolve their href; SVG links (SVGAnimatedString) and others are resolved here.
  const own = (el as { href?: unknown }).href;
  let href = typeof own === 'string' && own ? own : raw;
  if (href === raw) {
    try {
      href = new URL(raw, el.ownerDocument.baseURI).href;
    } catch {
      // keep it as written
    }
  }
  return href.replace(/\/(?=$|[?#])/, '');
}

/** A href that goes nowhere: "#", "javascript:void(0)", "javascript:;" and the like. */
export function isNoOpHref(href: string | null): boolean {
  if (href === null) return false;
  const h = href.trim().toLowerCase().replace(/\s+/g, '');
  return h === '#' || /^javascript:(void\(?0?\)?;?|;|undefined;?|false;?|null;?|return(false)?;?)?$/.test(h);
}

const CONTEXT_BLOCKS = 'p, li, td, th, dd, dt, caption, figcaption, blockquote, [role="listitem"], [role="cell"], [role="gridcell"], [role="paragraph"]';
const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

export type LinkContextSource = 'block' | 'heading' | 'description';

/**
 * The link's programmatically determined context (WCAG's definition: the same paragraph, list item
 * or table cell, an associated header cell, the preceding heading — H80 — or its description).
 */
export function linkContext(link: Element): { text: string; source: LinkContextSource } | undefined {
  const described = (link.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => (id ? link.ownerDocument.getElementById(id)?.textContent ?? '' : ''))
    .join(' ');
  const title = link.getAttribute('title') ?? '';
  const own = squash(accessibleName(link));
  const desc = clean(`${described} ${title}`);
  if (desc && squash(desc) !== own && /\p{L}{2}/u.test(desc)) return { text: desc, source: 'description' };
  const block = link.parentElement?.closest(CONTEXT_BLOCKS);
  if (block) {
    const rest = clean(block.textContent).replace(clean(link.textContent), ' ');
    if (/\p{L}{2,}/u.test(rest.replace(/[\p{P}\p{S}\d]/gu, ''))) return { text: clean(rest), source: 'block' };
  }
  const heading = precedingHeading(link);
  if (heading) return { text: heading, source: 'heading' };
  return undefined;
}

/** Text of the heading just before an element in its section (up to four ancestors up, three siblings back). */
export function precedingHeading(el: Element): string | undefined {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    let sib = node.previousElementSibling;
    for (let i = 0; sib && i < 3; i++, sib = sib.previousElementSibling) {
      const h = sib.matches(HEADING) ? sib : Array.from(sib.querySelectorAll(HEADING)).pop();
      if (h && clean(h.textContent)) return clean(h.textContent);
    }
    if (node.nodeName === 'BODY') break;
  }
  return undefined;
}

// ---- kanjian-link-generic-text -------------------------------------------------------------------

export function genericTextMatches(node: Element): boolean {
  return isLink(node) && isGenericLinkText(accessibleName(node));
}

export function genericTextEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const name = accessibleName(node);
  if (!isGenericLinkText(name)) return true;
  const ctx = linkContext(node);
  if (ctx) {
    this.data({ messageKey: ctx.source, text: name, context: ctx.text.slice(0, 60) });
    return undefined;
  }
  this.data({ text: name });
  return false;
}

export const linkGenericText = defineKanjianRule({
  id: 'kanjian-link-generic-text',
  selector: LINK_SELECTOR,
  matches: genericTextMatches,
  evaluate: genericTextEvaluate,
  impact: 'serious',
  tags: WCAG_244,
});

// ---- kanjian-link-symbol-text --------------------------------------------------------------------

export function symbolTextMatches(node: Element): boolean {
  return isLink(node) && isSymbolOnly(accessibleName(node));
}

export function symbolTextEvaluate(this: CheckHelper, node: Element): boolean {
  const name = accessibleName(node);
  this.data({ text: name });
  return !isSymbolOnly(name);
}

export const linkSymbolText = defineKanjianRule({
  id: 'kanjian-link-symbol-text',
  selector: LINK_SELECTOR,
  matches: symbolTextMatches,
  evaluate: symbolTextEvaluate,
  impact: 'serious',
  tags: WCAG_244,
});

// ---- kanjian-link-same-name ----------------------------------------------------------------------

/** Links by squashed name → the distinct targets they go to (computed once per run). */
function linksByName(doc: Document): Map<string, Set<string>> {
  return perRun('kanjian-links-by-name', () => {
    const map = new Map<string, Set<string>>();
    for (const a of Array.from(doc.querySelectorAll('a[href], area[href]'))) {
      const name = squash(accessibleName(a));
      if (!name) continue;
      const set = map.get(name) ?? new Set<string>();
      set.add(linkTarget(a));
      map.set(name, set);
    }
    return map;
  });
}

export function sameNameMatches(node: Element): boolean {
  if (!node.hasAttribute('href') || isNoOpHref(node.getAttribute('href'))) return false;
  const name = accessibleName(node);
  return !!squash(name) && !isGenericLinkText(name) && !isSymbolOnly(name);
}

export function sameNameEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const name = accessibleName(node);
  const targets = linksByName(node.ownerDocument).get(squash(name));
  if (!targets || targets.size < 2) return true;
  const ctx = linkContext(node);
  this.data({ text: name, count: targets.size, ...(ctx ? { messageKey: 'context' } : {}) });
  return undefined;
}

export const linkSameName = defineKanjianRule({
  id: 'kanjian-link-same-name',
  selector: 'a[href], area[href]',
  matches: sameNameMatches,
  evaluate: sameNameEvaluate,
  impact: 'moderate',
  tags: WCAG_244,
});

// ---- kanjian-link-adjacent-same-target ----------------------------------------------------------

function linksInOrder(doc: Document): Element[] {
  return perRun('kanjian-links-in-order', () => Array.from(doc.querySelectorAll('a[href]')));
}

/** Whether only whitespace, punctuation or empty markup separates two elements in document order. */
export function nothingBetween(a: Element, b: Element): boolean {
  const doc = a.ownerDocument;
  const range = doc.createRange();
  range.setStartAfter(a);
  range.setEndBefore(b);
  const text = range.toString();
  if (/[\p{L}\p{N}]/u.test(text)) return false;
  const frag = range.cloneContents();
  return !frag.querySelector?.('img[alt]:not([alt=""]), input, button, select, textarea, iframe');
}

export function adjacentMatches(node: Element): boolean {
  const href = node.getAttribute('href');
  return !!href && !isNoOpHref(href);
}

export function adjacentEvaluate(this: CheckHelper, node: Element): boolean {
  const links = linksInOrder(node.ownerDocument);
  const i = links.indexOf(node);
  const next = i >= 0 ? links[i + 1] : undefined;
  if (!next || node.contains(next) || linkTarget(next) !== linkTarget(node)) return true;
  if (!nothingBetween(node, next)) return true;
  // The image-and-text pair (H2), or the same words twice; differently named links to one URL are
  // different links that happen to share an address.
  const a = squash(accessibleName(node));
  const b = squash(accessibleName(next));
  const pair = !!node.querySelector('img, svg, [role="img"]') || !!next.querySelector('img, svg, [role="img"]');
  if (!pair && !(a && b && (a.includes(b) || b.includes(a)))) return true;
  this.relatedNodes([next]);
  this.data({ text: accessibleName(next) || accessibleName(node) });
  return false;
}

export const linkAdjacentSameTarget = defineKanjianRule({
  id: 'kanjian-link-adjacent-same-target',
  selector: 'a[href]',
  matches: adjacentMatches,
  evaluate: adjacentEvaluate,
  impact: 'minor',
  tags: BEST_PRACTICE,
});

// ---- kanjian-link-no-action ----------------------------------------------------------------------

const HANDLER_ATTRS = ['onclick', 'onmousedown', 'onmouseup', 'onkeydown', 'onkeyup', 'onkeypress', 'ontouchstart', 'onpointerdown', 'onpointerup'];

export function noActionMatches(node: Element): boolean {
  return isNoOpHref(node.getAttribute('href'));
}

export function noActionEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const handled = HANDLER_ATTRS.some((a) => (node.getAttribute(a) ?? '').trim() !== '');
  const widget = ['aria-controls', 'aria-expanded', 'aria-haspopup', 'aria-pressed', 'data-toggle', 'data-bs-toggle'].some((a) => node.hasAttribute(a));
  if (handled || widget || roleOf(node) !== 'link') {
    // It does something (a script or a widget): then it should be a button, which is another question.
    return true;
  }
  this.data({ href: node.getAttribute('href') ?? '' });
  return undefined;
}

export const linkNoAction = defineKanjianRule({
  id: 'kanjian-link-no-action',
  selector: 'a[href]',
  matches: noActionMatches,
  evaluate: noActionEvaluate,
  impact: 'moderate',
  tags: BEST_PRACTICE,
});

// ---- kanjian-link-title-redundant ----------------------------------------------------------------

export function titleRedundantMatches(node: Element): boolean {
  return isLink(node) && clean(node.getAttribute('title')) !== '';
}

export function titleRedundantEvaluate(this: CheckHelper, node: Element): boolean {
  const title = clean(node.getAttribute('title'));
  const name = accessibleName(node);
  this.data({ title });
  // The title was the only source of the name: then it is needed, not redundant.
  const withoutTitle = clean(node.textContent) || Array.from(node.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt')).join(' ') || clean(node.getAttribute('aria-label'));
  if (!withoutTitle) return true;
  return squash(title) !== squash(name);
}

export const linkTitleRedundant = defineKanjianRule({
  id: 'kanjian-link-title-redundant',
  selector: LINK_SELECTOR,
  matches: titleRedundantMatches,
  evaluate: titleRedundantEvaluate,
  impact: 'minor',
  tags: BEST_PRACTICE,
});

// ---- kanjian-link-file-info ----------------------------------------------------------------------

export function fileInfoMatches(node: Element): boolean {
  const ext = linkedFileExt(node.getAttribute('href') ?? '');
  if (!ext) return false;
  // A thumbnail that opens the full picture is not a download.
  if (fileKind(ext) === 'image' && node.querySelector('img')) return false;
  return true;
}

/** Text a reader meets with the link: its name, title, description and the text right around it. */
export function textAroundLink(link: Element): string {
  const parts = [accessibleName(link), link.getAttribute('title') ?? ''];
  for (const id of (link.getAttribute('aria-describedby') ?? '').split(/\s+/)) if (id) parts.push(link.ownerDocument.getElementById(id)?.textContent ?? '');
  const parent = link.parentElement;
  if (parent) {
    const text = clean(parent.textContent);
    if (text.length <= 300) parts.push(text);
  }
  for (const sib of [link.previousSibling, link.nextSibling, link.nextElementSibling]) if (sib) parts.push(clean(sib.textContent).slice(0, 80));
  return parts.join(' ');
}

export function fileInfoEvaluate(this: CheckHelper, node: Element): boolean {
  const ext = linkedFileExt(node.getAttribute('href') ?? '') ?? '';
  const said = describesFile(textAroundLink(node));
  if (said.format && said.size) return true;
  this.data({ messageKey: !said.format && !said.size ? 'default' : !said.format ? 'format' : 'size', ext: ext.toUpperCase() });
  return false;
}

export const linkFileInfo = defineKanjianRule({
  id: 'kanjian-link-file-info',
  selector: 'a[href], area[href]',
  matches: fileInfoMatches,
  evaluate: fileInfoEvaluate,
  impact: 'minor',
  tags: BEST_PRACTICE,
});

// ---- kanjian-link-new-window ---------------------------------------------------------------------

export function opensNewWindow(node: Element): boolean {
  const target = (node.getAttribute('target') ?? '').trim().toLowerCase();
  if (target === '_blank' || target === '_new') return true;
  if (target && !target.startsWith('_')) {
    // A named target opens a new window unless a frame of that name exists.
    const doc = node.ownerDocument;
    const frames = Array.from(doc.querySelectorAll('iframe[name], frame[name]')).map((f) => f.getAttribute('name')!.toLowerCase());
    if (!frames.includes(target) && doc.defaultView?.name.toLowerCase() !== target) return true;
  }
  return /window\.open\s*\(/.test(node.getAttribute('onclick') ?? '');
}

export function newWindowMatches(node: Element): boolean {
  return opensNewWindow(node);
}

export function newWindowEvaluate(this: CheckHelper, node: Element): boolean {
  const described = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => (id ? node.ownerDocument.getElementById(id)?.textContent ?? '' : ''));
  const icons = Array.from(node.querySelectorAll('img[alt], [aria-label], [title]')).map((e) => `${e.getAttribute('alt') ?? ''} ${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`);
  const text = [accessibleName(node), node.getAttribute('title') ?? '', node.textContent ?? '', ...described, ...icons].join(' ');
  return NEW_WINDOW_WORDS.test(text);
}

export const linkNewWindow = defineKanjianRule({
  id: 'kanjian-link-new-window',
  selector: 'a[href], area[href]',
  matches: newWindowMatches,
  evaluate: newWindowEvaluate,
  impact: 'minor',
  tags: BEST_PRACTICE,
});
