import type { SiteSettings } from '../settings/schema';

/**
 * The colour schemes (配色): palettes and the CSS that paints a page in one. Pure: no DOM here
 * (the aid that touches the page is color-scheme.ts). Every colour a reader sees as text, link,
 * placeholder or focus ring is chosen to reach at least 7:1 against the scheme's background; a
 * unit test computes each pair.
 */
export type SchemeId = Exclude<SiteSettings['colorScheme'], 'original'>;

export interface Palette {
  /** Background of every element. */
  bg: string;
  /** Body text. */
  fg: string;
  /** Links: a colour of their own as well as an underline. */
  link: string;
  /** Keyboard focus ring. */
  focus: string;
  /** Placeholders and disabled controls: quieter than fg, still ≥ 7:1. */
  dim: string;
  dark: boolean;
}

export const PALETTES: Readonly<Record<SchemeId, Palette>> = {
  // 黑底白字
  'white-on-black': { bg: '#000000', fg: '#ffffff', link: '#ffff00', focus: '#00ffff', dim: '#c8c8c8', dark: true },
  // 白底黑字
  'black-on-white': { bg: '#ffffff', fg: '#000000', link: '#0000cc', focus: '#8b0000', dim: '#4a4a4a', dark: false },
  // 黑底黄字
  'yellow-on-black': { bg: '#000000', fg: '#ffff00', link: '#00ffff', focus: '#ffffff', dim: '#d2d200', dark: true },
  // 黄底黑字
  'black-on-yellow': { bg: '#ffff00', fg: '#000000', link: '#0000cc', focus: '#8b0000', dim: '#3d3d00', dark: false },
  // 蓝底黄字: the portals' #3366ff/#ffff33 is 4.4:1; a deeper blue gives 10:1 and keeps the look.
  'yellow-on-blue': { bg: '#003399', fg: '#ffff00', link: '#ffffff', focus: '#00ffff', dim: '#e6e68a', dark: true },
};

export const SCHEME_IDS = Object.keys(PALETTES) as SchemeId[];

/** Elements that stay as they are apart from their background: replaced content. */
const MEDIA = 'img, video, canvas, picture, iframe, embed, object, svg';

/**
 * Where a scheme's rules apply. The whole page (`PAGE_SCOPE`, one rule over `body *`), or only the
 * parts kanjian has tagged (`taggedScope`): big pages get the scheme part by part, what is on screen
 * first (scheme-tags.ts), since one rule over every element makes the browser restyle and lay out
 * the whole page in one task (~1 s on 80,000 elements).
 */
export interface SchemeScope {
  /** The selector for elements matching `compound` ('*' for any, '' before a pseudo-element) in scope, then `rest`. */
  sel(compound: string, rest?: string): string;
  /** The page's root and body themselves: in the page scope by name, in the tagged scope by their own tags. */
  readonly roots: string;
  /** Where the scheme's color-scheme goes (inherited, so in the tagged scope the parts and not their containers). */
  readonly colorSchemeOn: string;
}

export const PAGE_SCOPE: SchemeScope = {
  sel: (compound, rest = '') => `body ${compound}${rest}`,
  roots: 'html, body',
  colorSchemeOn: 'html',
};

/** A subtree kanjian tagged with a scheme: the element and everything in it. */
export const SCHEME_TREE_ATTR = 'data-kj-scheme';
/**
 * A container too big to be one part (<html>, <body>, a long list's parent): the element alone, its
 * children being parts of their own. `<id>` for the whole scheme, `<id>-bg` for its background alone
 * (set first: a background is not inherited, so it restyles nothing but the element).
 */
export const SCHEME_SELF_ATTR = 'data-kj-scheme-self';

export function taggedScope(id: SchemeId): SchemeScope {
  const tree = `[${SCHEME_TREE_ATTR}="${id}"]`;
  const self = `[${SCHEME_SELF_ATTR}="${id}"]`;
  // Spelt out rather than one :is(): each alternative has the same specificity, and simple
  // selectors keep the browser's fast paths (an :is() with these inside cost twice the restyle).
  // A container's tag must restyle the container alone, not all that is under it: never `[self] x`,
  // nor `[self]::selection` or `::placeholder` (with them a container's tag restyled all under it, 0.5 s).
  const sel = (compound: string, rest = ''): string => {
    const own = compound === '*' ? '' : compound;
    const list = [`${own}${tree}${rest}`, `${tree} ${own || '*'}${rest}`];
    if (rest === '' || rest === '::before' || rest === '::after') list.push(`${own}${self}${rest}`);
    // What is in a link (or mark) too big to be one part: the parts under it and their contents.
    if (rest === ' *') list.push(`${own} ${tree}`, `${own} ${tree} *`);
    return list.join(', ');
  };
  return {
    sel,
    roots: sel('*'),
    // On every element of a part, so that a part's tag restyles the part alone; never on a
    // container: a change of color-scheme restyles everything under the element (as at the root).
    colorSchemeOn: `${tree}, ${tree} *`,
  };
}

/** The background alone, for containers tagged before the parts inside them are. */
export function buildSchemeBackgroundCss(id: SchemeId): string {
  const p = PALETTES[id];
  return `[${SCHEME_SELF_ATTR}="${id}-bg"]{background-color:${p.bg}!important;background-image:none!important}`;
}

/** A tagged scheme's rules, its containers' background rule included. */
export function buildTaggedCss(id: SchemeId): string {
  return buildSchemeBackgroundCss(id) + buildSchemeCss(PALETTES[id], taggedScope(id));
}

/**
 * The scheme's page CSS (to go inside PageStyle's `@layer kanjian`). Everything in scope gets the
 * scheme's text and background colours, background images (which may carry text or low contrast)
 * are removed, shadows go, links get their own colour and an underline, focus gets a thick ring.
 * <img> and other media keep their pixels. Every selector gets the scope once, so the rules keep
 * their order of specificity in either scope.
 */
export function buildSchemeCss(p: Palette, scope: SchemeScope = PAGE_SCOPE): string {
  const I = '!important';
  const s = scope.sel;
  const all = scope === PAGE_SCOPE ? `${scope.roots}, ${s('*')}` : scope.roots;
  const link = [s('a[href]'), s('a[href]', ' *'), s('[role="link"]'), s('[role="link"]', ' *')].join(', ');
  const controls = [
    'input:not([type="hidden"]):not([type="image"])',
    'select',
    'textarea',
    'button',
    '[role="button"]',
    '[contenteditable=""]',
    '[contenteditable="true"]',
  ]
    .map((c) => s(c))
    .join(', ');
  return [
    `${scope.colorSchemeOn}{color-scheme:${p.dark ? 'dark' : 'light'}${I}}`,
    `${all}{color:${p.fg}${I};background-color:${p.bg}${I};background-image:none${I};border-color:${p.fg}${I};` +
      `text-shadow:none${I};box-shadow:none${I};-webkit-text-fill-color:currentcolor${I};caret-color:${p.fg}${I};` +
      `accent-color:${p.link}${I};text-decoration-color:currentcolor${I};column-rule-color:${p.fg}${I}}`,
    // Pseudo-elements: text colour only; a background on one could cover an image.
    `${s('*', '::before')}, ${s('*', '::after')}{color:${p.fg}${I};background-color:transparent${I};background-image:none${I};` +
      `border-color:${p.fg}${I};text-shadow:none${I};box-shadow:none${I};-webkit-text-fill-color:currentcolor${I}}`,
    `${link}{color:${p.link}${I};text-decoration-line:underline${I};text-decoration-color:${p.link}${I}}`,
    `${s('a[href]', '::before')}, ${s('a[href]', '::after')}{color:${p.link}${I}}`,
    `${MEDIA.split(', ').map((m) => s(m)).join(', ')}{background-color:transparent${I}}`,
    // A visible edge for every control, whatever its own border.
    `${controls}{box-shadow:inset 0 0 0 2px ${p.fg}${I}}`,
    `${s('', '::placeholder')}{color:${p.dim}${I};-webkit-text-fill-color:${p.dim}${I};opacity:1${I}}`,
    `${s(':disabled')}, ${s('[aria-disabled="true"]')}{color:${p.dim}${I}}`,
    `${s('mark')}, ${s('mark', ' *')}{color:${p.bg}${I};background-color:${p.fg}${I}}`,
    `${s('', '::selection')}{color:${p.bg}${I};background-color:${p.fg}${I};-webkit-text-fill-color:${p.bg}${I}}`,
    `${s(':focus-visible')}{outline:3px solid ${p.focus}${I};outline-offset:2px${I}}`,
  ].join('');
}

/**
 * Custom properties the scheme exposes to kanjian's own overlays (the reading view and caption
 * band inherit them through their shadow hosts; `all: initial` does not reset custom properties).
 * Set on <html>'s children other than <head> and <body>, where the hosts are: every element
 * inherits a custom property of <html>, so setting one there restyles the whole page.
 */
export function buildSchemeVars(p: Palette): string {
  return `html>:not(head, body){--kanjian-bg:${p.bg};--kanjian-fg:${p.fg};--kanjian-link:${p.link};--kanjian-focus:${p.focus}}`;
}

/** The longhands an inline `!important` declaration could use to beat the scheme's stylesheet. */
export const GUARDED_PROPERTIES = [
  'color',
  '-webkit-text-fill-color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-right-color',
  'border-bottom-color',
  'border-left-color',
  'text-shadow',
  'box-shadow',
  'outline-color',
] as const;

export interface InlineDeclarations {
  getPropertyPriority(property: string): string;
}

/**
 * For an element whose style attribute has `!important` declarations (which beat every stylesheet),
 * the declarations kanjian must set inline, also `!important`, to carry the scheme.
 */
export function inlineOverrides(style: InlineDeclarations, p: Palette, isLink: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const prop of GUARDED_PROPERTIES) {
    if (style.getPropertyPriority(prop) !== 'important') continue;
    out.push([prop, overrideValue(prop, p, isLink)]);
  }
  return out;
}

function overrideValue(prop: (typeof GUARDED_PROPERTIES)[number], p: Palette, isLink: boolean): string {
  switch (prop) {
    case 'color':
      return isLink ? p.link : p.fg;
    case '-webkit-text-fill-color':
      return 'currentcolor';
    case 'background-color':
      return p.bg;
    case 'background-image':
    case 'text-shadow':
    case 'box-shadow':
      return 'none';
    case 'outline-color':
      return p.focus;
    default:
      return p.fg;
  }
}
