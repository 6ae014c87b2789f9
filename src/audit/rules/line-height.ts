// kanjian-line-height: paragraph line height under 1.3 fails; "normal" needs review (适老化 行间距).
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { parsePx, resolvedFontSizePx, style } from './util';

export const LINE_HEIGHT_OPTIONS = { minRatio: 1.3 };

/**
 * Line height as a multiple of the font size. Browsers resolve unitless values to px in computed
 * style, jsdom keeps them as written, so both forms are read. "normal" is returned as such.
 */
export function lineHeightRatio(lineHeight: string, fontSizePx: number | undefined): number | 'normal' | undefined {
  const v = lineHeight.trim();
  if (v === 'normal' || v === '') return 'normal';
  if (/^[\d.]+$/.test(v)) return Number(v);
  if (v.endsWith('%')) return parseFloat(v) / 100;
  if (v.endsWith('em') && !v.endsWith('rem')) return parseFloat(v);
  const px = parsePx(v);
  if (px !== undefined && fontSizePx) return px / fontSizePx;
  return undefined;
}

export function lineHeightMatches(node: Element): boolean {
  return (node.textContent ?? '').trim().length > 0;
}

export function lineHeightEvaluate(this: CheckHelper, node: Element, options: unknown): boolean | undefined {
  const o = { ...LINE_HEIGHT_OPTIONS, ...(options as Partial<typeof LINE_HEIGHT_OPTIONS> | undefined) };
  const cs = style(node);
  const ratio = lineHeightRatio(cs.lineHeight, resolvedFontSizePx(node));
  if (ratio === 'normal') {
    this.data({ messageKey: 'normal', minRatio: o.minRatio });
    return undefined;
  }
  if (ratio === undefined) {
    this.data({ minRatio: o.minRatio });
    return undefined;
  }
  const shown = Math.round(ratio * 100) / 100;
  this.data({ ratio: shown, minRatio: o.minRatio });
  return ratio + 1e-9 >= o.minRatio;
}

export const lineHeightCheck = defineCheck('kanjian-line-height', lineHeightEvaluate, 'moderate', LINE_HEIGHT_OPTIONS);
export const lineHeightRule = defineRule('kanjian-line-height', {
  selector: 'p, [role="paragraph"]',
  matches: lineHeightMatches,
  tags: ['kanjian-elderly', 'cat.text'],
});
