// kanjian-font-size: body text under 16 CSS px needs review, under 12 CSS px fails (适老化 文字大小).
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { ownText, resolvedFontSizePx, style } from './util';

export const FONT_SIZE_OPTIONS = { failBelow: 12, reviewBelow: 16 };

export type SizeVerdict = 'pass' | 'review' | 'fail';

export function classifyFontSize(px: number, o: { failBelow: number; reviewBelow: number } = FONT_SIZE_OPTIONS): SizeVerdict {
  if (px < o.failBelow) return 'fail';
  if (px < o.reviewBelow) return 'review';
  return 'pass';
}

/** Elements that carry their own text, skipping children that just inherit the parent's size. */
export function fontSizeMatches(node: Element): boolean {
  if (!ownText(node)) return false;
  const parent = node.parentElement;
  if (parent && ownText(parent) && style(parent).fontSize === style(node).fontSize) return false;
  return true;
}

export function fontSizeEvaluate(this: CheckHelper, node: Element, options: unknown): boolean | undefined {
  const o = { ...FONT_SIZE_OPTIONS, ...(options as Partial<typeof FONT_SIZE_OPTIONS> | undefined) };
  const px = resolvedFontSizePx(node);
  if (px === undefined) {
    this.data({ fontSize: style(node).fontSize, minSize: `${o.reviewBelow}px` });
    return undefined;
  }
  const verdict = classifyFontSize(px, o);
  const shown = `${Math.round(px * 10) / 10}px`;
  this.data({ fontSize: shown, minSize: `${verdict === 'fail' ? o.failBelow : o.reviewBelow}px` });
  return verdict === 'pass' ? true : verdict === 'fail' ? false : undefined;
}

export const fontSizeCheck = defineCheck('kanjian-font-size', fontSizeEvaluate, 'moderate', FONT_SIZE_OPTIONS);
export const fontSizeRule = defineRule('kanjian-font-size', {
  selector: 'body *',
  matches: fontSizeMatches,
  tags: ['kanjian-elderly', 'cat.text'],
});
