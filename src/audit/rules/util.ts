// Helpers for kanjian's axe checks. These run inside the audited page (they read computed styles and
// boxes); the threshold logic is kept in small pure functions so it can be unit-tested without layout.

export type Rgba = { r: number; g: number; b: number; a: number };

const NAMED: Record<string, Rgba> = {
  transparent: { r: 0, g: 0, b: 0, a: 0 },
  white: { r: 255, g: 255, b: 255, a: 1 },
  black: { r: 0, g: 0, b: 0, a: 1 },
};

/** Parses the colour forms getComputedStyle returns (rgb/rgba, also hex and a few names). */
export function parseColor(value: string | null | undefined): Rgba | undefined {
  if (!value) return undefined;
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return { ...NAMED[v]! };
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(v);
  if (m) {
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    if (Number.isNaN(a)) a = 1;
    return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
  }
  const h = /^#([0-9a-f]{3,8})$/.exec(v);
  if (h) {
    let hex = h[1]!;
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    if (hex.length !== 6 && hex.length !== 8) return undefined;
    return {
      r: parseInt(hex.slice(0, 2), 16),
      g: parseInt(hex.slice(2, 4), 16),
      b: parseInt(hex.slice(4, 6), 16),
      a: hex.length === 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1,
    };
  }
  return undefined;
}

export function colorToString(c: Rgba): string {
  const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

/** Composites a (possibly translucent) colour over an opaque one. */
export function flatten(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
}

function channel(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance(c: Rgba): number {
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const l1 = luminance(a);
  const l2 = luminance(b);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/** WCAG "large text": at least 24 CSS px, or 18.66 CSS px (14 pt) bold. */
export function isLargeText(fontSizePx: number, fontWeight: string | number): boolean {
  const w = typeof fontWeight === 'number' ? fontWeight : fontWeight === 'bold' || fontWeight === 'bolder' ? 700 : parseInt(fontWeight, 10) || 400;
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && w >= 700);
}

/** Parses a CSS length in px; undefined for anything else. */
export function parsePx(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const m = /^(-?[\d.]+)px$/.exec(value.trim());
  return m ? Number(m[1]) : undefined;
}

// Absolute-size keywords at the default 16 px (CSS Fonts 4 scale); computed styles in browsers are px,
// but DOM implementations without layout (jsdom) report the keyword.
const FONT_SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 9, 'x-small': 10, small: 13, medium: 16, large: 18, 'x-large': 24, 'xx-large': 32, 'xxx-large': 48,
};

/** A computed font-size in px (px values and absolute-size keywords). */
export function parseFontSizePx(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  return parsePx(value) ?? FONT_SIZE_KEYWORDS[value.trim().toLowerCase()];
}

/**
 * The element's font size in px. Browsers compute px already; jsdom keeps relative values (2em, 120%,
 * smaller), which are resolved here against the parent (or the root for rem).
 */
export function resolvedFontSizePx(node: Element): number | undefined {
  const v = style(node).fontSize.trim().toLowerCase();
  const direct = parseFontSizePx(v);
  if (direct !== undefined) return direct;
  const root = node.ownerDocument.documentElement;
  const parentPx = () => (node.parentElement ? resolvedFontSizePx(node.parentElement) : 16);
  if (v === 'smaller' || v === 'larger') {
    const base = parentPx();
    return base === undefined ? undefined : base * (v === 'smaller' ? 0.833 : 1.2);
  }
  const m = /^([\d.]+)(em|%|rem)$/.exec(v);
  if (!m) return undefined;
  const base = m[2] === 'rem' ? (node === root ? 16 : resolvedFontSizePx(root)) : parentPx();
  if (base === undefined) return undefined;
  return m[2] === '%' ? (base * Number(m[1])) / 100 : base * Number(m[1]);
}

/** Parses a CSS time ("300ms", "6s", lists take the longest) in seconds. */
export function parseSeconds(value: string | null | undefined): number {
  if (!value) return 0;
  let max = 0;
  for (const part of value.split(',')) {
    const m = /^\s*([\d.]+)(ms|s)\s*$/.exec(part);
    if (!m) continue;
    const s = m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1]);
    if (s > max) max = s;
  }
  return max;
}

export function win(node: Element): Window & typeof globalThis {
  // The element's own window: checks run inside frames too.
  return (node.ownerDocument.defaultView ?? window) as Window & typeof globalThis;
}

export function style(node: Element): CSSStyleDeclaration {
  return win(node).getComputedStyle(node);
}

const NON_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'HEAD', 'OPTION', 'svg', 'SVG']);

/** Direct text of an element (its own text nodes only), whitespace collapsed. */
export function ownText(node: Element): string {
  if (NON_TEXT_PARENTS.has(node.nodeName)) return '';
  let s = '';
  for (const child of Array.from(node.childNodes)) if (child.nodeType === 3) s += child.nodeValue ?? '';
  return s.replace(/\s+/g, ' ').trim();
}

/** A rough accessible name for controls: aria-label, title, value, alt of images, then text. */
export function controlName(el: Element): string {
  const parts = [
    el.getAttribute('aria-label'),
    el.getAttribute('title'),
    el.getAttribute('value'),
    ...Array.from(el.querySelectorAll('img[alt]')).map((i) => i.getAttribute('alt')),
    el.textContent,
  ];
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

export const CONTROL_SELECTOR =
  'button, [role="button"], input[type="button"], input[type="submit"], input[type="image"], a[href], [onclick]';
