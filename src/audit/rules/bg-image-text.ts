// kanjian-bg-image-text: text drawn over a background image must keep enough contrast against the
// colour that shows when the image does not load (WCAG failure F24; 适老化 对比度).
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { colorToString, contrastRatio, flatten, isLargeText, ownText, parseColor, resolvedFontSizePx, style, type Rgba } from './util';

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

export function hasUrlImage(backgroundImage: string): boolean {
  return /url\(/i.test(backgroundImage);
}

/** The nearest element (self or ancestor) painting a url() background image below the text, if any. */
export function imageLayer(node: Element): Element | undefined {
  for (let el: Element | null = node; el; el = el.parentElement) {
    const cs = style(el);
    if (hasUrlImage(cs.backgroundImage)) return el;
    const bg = parseColor(cs.backgroundColor);
    if (bg && bg.a >= 1) return undefined; // an opaque colour hides any image further down
  }
  return undefined;
}

/** The colour seen through the image layer when the image is missing: its colour over its ancestors'. */
export function fallbackBackground(layer: Element): Rgba | undefined {
  const stack: Rgba[] = [];
  for (let el: Element | null = layer; el; el = el.parentElement) {
    const bg = parseColor(style(el).backgroundColor);
    if (!bg) return undefined;
    if (bg.a > 0) stack.push(bg);
    if (bg.a >= 1) break;
  }
  let out = WHITE; // the canvas
  for (let i = stack.length - 1; i >= 0; i--) out = flatten(stack[i]!, out);
  return out;
}

export function bgImageTextMatches(node: Element): boolean {
  return ownText(node).length > 0 && imageLayer(node) !== undefined;
}

export function bgImageTextEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const layer = imageLayer(node);
  if (!layer) return true;
  const cs = style(node);
  const fallback = fallbackBackground(layer);
  const fg = parseColor(cs.color);
  if (!fallback || !fg) return undefined;
  const text = fg.a < 1 ? flatten(fg, fallback) : fg;
  const ratio = contrastRatio(text, fallback);
  const expected = isLargeText(resolvedFontSizePx(node) ?? 16, cs.fontWeight) ? 3 : 4.5;
  this.data({
    fgColor: colorToString(text),
    fallbackColor: colorToString(fallback),
    contrastRatio: Math.round(ratio * 100) / 100,
    expectedRatio: expected,
  });
  return ratio >= expected;
}

export const bgImageTextCheck = defineCheck('kanjian-bg-image-text', bgImageTextEvaluate, 'serious');
export const bgImageTextRule = defineRule('kanjian-bg-image-text', {
  selector: 'body *',
  matches: bgImageTextMatches,
  tags: ['kanjian-elderly', 'wcag2aa', 'wcag143', 'cat.color'],
});
