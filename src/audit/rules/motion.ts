// kanjian-motion: auto-playing media, <marquee>, <blink> and CSS animations longer than 5 s need a way
// to pause them (WCAG 2.2.2 Pause, Stop, Hide and 1.4.2 Audio Control; 适老化 自动播放).
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { CONTROL_SELECTOR, controlName, parseSeconds, style } from './util';

export const MOTION_OPTIONS = { maxSeconds: 5 };
export const PAUSE_CONTROL_NAME = /暂停|暫停|停止|pause|stop|关闭动画|關閉動畫|静止|靜止|freeze/i;

export type MotionKind = 'marquee' | 'blink' | 'autoplay' | 'animation';

/** Total running time of a CSS animation in seconds (Infinity when it repeats forever). */
export function animationSeconds(duration: string, iterations: string): number {
  const d = parseSeconds(duration);
  if (d === 0) return 0;
  let max = 0;
  for (const it of iterations.split(',')) {
    const n = it.trim() === 'infinite' ? Infinity : Number(it.trim()) || 1;
    max = Math.max(max, n);
  }
  return d * max;
}

export function motionKind(node: Element, maxSeconds = MOTION_OPTIONS.maxSeconds): MotionKind | undefined {
  const tag = node.nodeName.toLowerCase();
  if (tag === 'marquee') return 'marquee';
  if (tag === 'blink') return 'blink';
  if ((tag === 'video' || tag === 'audio') && node.hasAttribute('autoplay')) return 'autoplay';
  const cs = style(node);
  const name = cs.animationName || cs.getPropertyValue('animation-name');
  if (!name || name === 'none') return undefined;
  if ((cs.animationPlayState || cs.getPropertyValue('animation-play-state')).includes('paused')) return undefined;
  const secs = animationSeconds(
    cs.animationDuration || cs.getPropertyValue('animation-duration'),
    cs.animationIterationCount || cs.getPropertyValue('animation-iteration-count') || '1',
  );
  return secs > maxSeconds ? 'animation' : undefined;
}

/** A button or link named like "暂停"/"pause" in the element or near it (up to two ancestors). */
export function hasPauseControl(node: Element): boolean {
  if ((node.nodeName === 'VIDEO' || node.nodeName === 'AUDIO') && node.hasAttribute('controls')) return true;
  let scope: Element | null = node;
  for (let depth = 0; scope && depth <= 2; depth++, scope = scope.parentElement) {
    if (scope.nodeName === 'BODY' && depth > 0) break;
    for (const c of Array.from(scope.querySelectorAll(CONTROL_SELECTOR))) {
      if (PAUSE_CONTROL_NAME.test(controlName(c))) return true;
    }
  }
  return false;
}

export function motionMatches(node: Element): boolean {
  return motionKind(node) !== undefined;
}

export function motionEvaluate(this: CheckHelper, node: Element, options: unknown): boolean | undefined {
  const o = { ...MOTION_OPTIONS, ...(options as Partial<typeof MOTION_OPTIONS> | undefined) };
  const kind = motionKind(node, o.maxSeconds);
  if (!kind) return true;
  if (hasPauseControl(node)) return true;
  this.data({ messageKey: kind, tag: node.nodeName.toLowerCase(), seconds: o.maxSeconds });
  return kind === 'animation' ? undefined : false;
}

export const motionCheck = defineCheck('kanjian-motion', motionEvaluate, 'serious', MOTION_OPTIONS);
export const motionRule = defineRule('kanjian-motion', {
  selector: 'body *',
  matches: motionMatches,
  // Media is judged whether or not it is visible: hidden autoplaying audio is still heard.
  excludeHidden: false,
  tags: ['kanjian-elderly', 'wcag2a', 'wcag222', 'cat.time-and-media'],
});
