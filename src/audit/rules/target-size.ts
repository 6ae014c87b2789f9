// kanjian-target-size: interactive targets smaller than 44×44 CSS px fail (适老化 组件可点击区域,
// WCAG 2.5.5 AAA). Inline links inside a sentence are exempt, as in WCAG 2.5.5.
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { ownText, style } from './util';

export const TARGET_SIZE_OPTIONS = { minSize: 44 };

export const TARGET_SELECTOR = [
  'a[href]', 'button', 'input:not([type="hidden"])', 'select', 'textarea', 'summary',
  '[role="button"]', '[role="link"]', '[role="checkbox"]', '[role="radio"]', '[role="switch"]', '[role="tab"]',
  '[role="menuitem"]', '[role="option"]', '[onclick]',
].join(', ');

export function targetTooSmall(width: number, height: number, min = TARGET_SIZE_OPTIONS.minSize): boolean {
  return width + 0.01 < min || height + 0.01 < min;
}

type Box = { left: number; top: number; right: number; bottom: number };

function unionBox(boxes: Box[]): { width: number; height: number } {
  const left = Math.min(...boxes.map((b) => b.left));
  const top = Math.min(...boxes.map((b) => b.top));
  const right = Math.max(...boxes.map((b) => b.right));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  return { width: right - left, height: bottom - top };
}

/** An inline link in running text (the parent has text of its own besides the link). */
export function isInlineInText(node: Element): boolean {
  if (style(node).display !== 'inline') return false;
  const parent = node.parentElement;
  return !!parent && ownText(parent).length > 0;
}

export function targetSizeMatches(node: Element): boolean {
  if ((node as HTMLInputElement).disabled) return false;
  return node.getAttribute('aria-disabled') !== 'true';
}

export function targetSizeEvaluate(this: CheckHelper, node: Element, options: unknown): boolean | undefined {
  const o = { ...TARGET_SIZE_OPTIONS, ...(options as Partial<typeof TARGET_SIZE_OPTIONS> | undefined) };
  if (isInlineInText(node)) {
    this.data({ messageKey: 'inline' });
    return true;
  }
  const boxes: Box[] = [node.getBoundingClientRect()];
  // A checkbox or radio button is also clicked through its labels.
  const labels = (node as HTMLInputElement).labels;
  if (labels) for (const l of Array.from(labels)) boxes.push(l.getBoundingClientRect());
  const { width, height } = boxes.length > 1 ? unionBox(boxes) : { width: boxes[0]!.right - boxes[0]!.left, height: boxes[0]!.bottom - boxes[0]!.top };
  if (width === 0 && height === 0) {
    this.data({ minSize: o.minSize });
    return undefined; // no layout (or not rendered): cannot tell
  }
  const data = { width: Math.round(width * 10) / 10, height: Math.round(height * 10) / 10, minSize: o.minSize };
  this.data(data);
  return !targetTooSmall(width, height, o.minSize);
}

export const targetSizeCheck = defineCheck('kanjian-target-size', targetSizeEvaluate, 'moderate', TARGET_SIZE_OPTIONS);
export const targetSizeRule = defineRule('kanjian-target-size', {
  selector: TARGET_SELECTOR,
  matches: targetSizeMatches,
  tags: ['kanjian-elderly', 'wcag21aaa', 'wcag255', 'cat.sensory-and-visual-cues'],
});
