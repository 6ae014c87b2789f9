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
 * The scheme's page CSS (to go inside PageStyle's `@layer kanjian`). Everything in the page's body
 * gets the scheme's text and background colours, background images (which may carry text or low
 * contrast) are removed, shadows go, links get their own colour and an underline, focus gets a thick
 * ring. <img> and other media keep their pixels.
 */
export function buildSchemeCss(p: Palette): string {
  const I = '!important';
  const all = 'html, body, body *';
  const link = 'body a[href], body a[href] *, body [role="link"], body [role="link"] *';
  const controls =
    'body input:not([type="hidden"]):not([type="image"]), body select, body textarea, body button, body [role="button"], body [contenteditable=""], body [contenteditable="true"]';
  return [
    `html{color-scheme:${p.dark ? 'dark' : 'light'}${I}}`,
    `${all}{color:${p.fg}${I};background-color:${p.bg}${I};background-image:none${I};border-color:${p.fg}${I};` +
      `text-shadow:none${I};box-shadow:none${I};-webkit-text-fill-color:currentcolor${I};caret-color:${p.fg}${I};` +
      `accent-color:${p.link}${I};text-decoration-color:currentcolor${I};column-rule-color:${p.fg}${I}}`,
    // Pseudo-elements: text colour only; a background on one could cover an image.
    `body *::before, body *::after{color:${p.fg}${I};background-color:transparent${I};background-image:none${I};` +
      `border-color:${p.fg}${I};text-shadow:none${I};box-shadow:none${I};-webkit-text-fill-color:currentcolor${I}}`,
    `${link}{color:${p.link}${I};text-decoration-line:underline${I};text-decoration-color:${p.link}${I}}`,
    `body a[href]::before, body a[href]::after{color:${p.link}${I}}`,
    `${MEDIA.split(', ').map((m) => `body ${m}`).join(', ')}{background-color:transparent${I}}`,
    // A visible edge for every control, whatever its own border.
    `${controls}{box-shadow:inset 0 0 0 2px ${p.fg}${I}}`,
    `body ::placeholder{color:${p.dim}${I};-webkit-text-fill-color:${p.dim}${I};opacity:1${I}}`,
    `body :disabled, body [aria-disabled="true"]{color:${p.dim}${I}}`,
    `body mark, body mark *{color:${p.bg}${I};background-color:${p.fg}${I}}`,
    `body ::selection{color:${p.bg}${I};background-color:${p.fg}${I};-webkit-text-fill-color:${p.bg}${I}}`,
    `body :focus-visible{outline:3px solid ${p.focus}${I};outline-offset:2px${I}}`,
  ].join('');
}

/**
 * Custom properties the scheme exposes to kanjian's own overlays (the reading view and caption
 * band inherit them through their shadow hosts; `all: initial` does not reset custom properties).
 */
export function buildSchemeVars(p: Palette): string {
  return `html{--kanjian-bg:${p.bg};--kanjian-fg:${p.fg};--kanjian-link:${p.link};--kanjian-focus:${p.focus}}`;
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
