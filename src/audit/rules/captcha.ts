// kanjian-captcha: an image CAPTCHA needs alternative text naming its purpose and a non-visual
// alternative such as an audio code (WCAG 1.1.1 CAPTCHA clause; 适老化 验证码).
import type { CheckHelper } from 'axe-core';
import { defineCheck, defineRule } from './define';
import { CONTROL_SELECTOR, controlName } from './util';

export const CAPTCHA_HINT = /captcha|验证码|驗證碼|校验码|校驗碼|yzm|checkcode|check_code|verifycode|verify_code|vcode|validatecode|validate_code|authcode|seccode|piccode/i;
export const AUDIO_ALTERNATIVE_NAME = /语音|語音|audio|voice|听|聽|朗读|朗讀|声音|聲音/i;

export function looksLikeCaptcha(node: Element): boolean {
  const attrs = ['src', 'alt', 'id', 'class', 'name', 'title', 'aria-label'];
  return attrs.some((a) => CAPTCHA_HINT.test(node.getAttribute(a) ?? ''));
}

export function hasTextAlternative(node: Element): boolean {
  return ((node.getAttribute('alt') ?? '') + (node.getAttribute('aria-label') ?? '') + (node.getAttribute('title') ?? '')).trim().length > 0;
}

export function hasAudioAlternative(node: Element): boolean {
  let scope: Element | null = node.closest('form') ?? node.parentElement;
  for (let depth = 0; scope && depth < 3; depth++, scope = scope.parentElement) {
    if (scope.querySelector('audio')) return true;
    for (const c of Array.from(scope.querySelectorAll(CONTROL_SELECTOR))) {
      if (c !== node && AUDIO_ALTERNATIVE_NAME.test(controlName(c))) return true;
    }
    if (scope.nodeName === 'FORM') break;
  }
  return false;
}

export function captchaEvaluate(this: CheckHelper, node: Element): boolean | undefined {
  const alt = hasTextAlternative(node);
  const audio = hasAudioAlternative(node);
  if (alt && audio) return true;
  this.data({ messageKey: !alt && !audio ? 'noAltNoAudio' : !audio ? 'default' : 'noAlt' });
  return false;
}

export const captchaCheck = defineCheck('kanjian-captcha', captchaEvaluate, 'critical');
export const captchaRule = defineRule('kanjian-captcha', {
  selector: 'img, input[type="image"], canvas',
  matches: looksLikeCaptcha,
  tags: ['kanjian-elderly', 'wcag2a', 'wcag111', 'cat.text-alternatives'],
});
