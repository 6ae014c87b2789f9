// kanjian's 适老化 (elder-friendly) profile: custom axe rules and checks, registered in the audited
// page with axe.configure({ rules, checks }). Evaluate functions are real functions (no eval); register
// them in every frame you audit (bundle this module with the runner), they are not serialisable.
import type { Check, Rule } from 'axe-core';
import { bgImageTextCheck, bgImageTextRule } from './bg-image-text';
import { captchaCheck, captchaRule } from './captcha';
import { fontSizeCheck, fontSizeRule } from './font-size';
import { lineHeightCheck, lineHeightRule } from './line-height';
import { motionCheck, motionRule } from './motion';
import { targetSizeCheck, targetSizeRule } from './target-size';

export const ELDERLY_TAG = 'kanjian-elderly';

export const elderlyProfile: { rules: Rule[]; checks: Check[] } = {
  rules: [fontSizeRule, lineHeightRule, targetSizeRule, bgImageTextRule, motionRule, captchaRule],
  checks: [fontSizeCheck, lineHeightCheck, targetSizeCheck, bgImageTextCheck, motionCheck, captchaCheck],
};

export const KANJIAN_RULE_IDS: readonly string[] = elderlyProfile.rules.map((r) => r.id);

export function isKanjianRule(id: string): boolean {
  return id.startsWith('kanjian-');
}

export { KANJIAN_RULE_TEXT, KANJIAN_CHECK_TEXT } from './messages';
export { classifyFontSize, FONT_SIZE_OPTIONS } from './font-size';
export { lineHeightRatio, LINE_HEIGHT_OPTIONS } from './line-height';
export { targetTooSmall, TARGET_SIZE_OPTIONS } from './target-size';
export { animationSeconds, MOTION_OPTIONS } from './motion';
export { looksLikeCaptcha } from './captcha';
export { contrastRatio, parseColor } from './util';
