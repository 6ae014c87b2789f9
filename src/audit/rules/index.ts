// kanjian's own axe rules and checks, registered in the audited page with axe.configure({ rules,
// checks }). Evaluate functions are real functions (no eval); register them in every frame you audit
// (bundle this module with the runner), they are not serialisable.
//
// Two sets, one registration:
// - the 适老化 (elder-friendly) profile, tag `kanjian-elderly`, switched on and off as a whole by the
//   audit option elderlyProfile (its rules that carry WCAG tags are disabled by id when it is off);
// - the WCAG and best-practice rules (links, images, tables, forms, moving content, old markup), tag
//   `kanjian`, which run like axe's own rules: by their WCAG level tags under the chosen standard, or
//   with the best-practice tag when best practices are on. See docs/audit-rules.md.
import type { Check, Rule } from 'axe-core';
import { imgAnimated } from './animated-image';
import { bgImageTextCheck, bgImageTextRule } from './bg-image-text';
import { captchaCheck, captchaRule } from './captcha';
import { fontSizeCheck, fontSizeRule } from './font-size';
import {
  changeNavigates, fieldsetLegend, labelForDuplicate, labelForOrphan, labelInName, labelUnique, placeholderLabel, radioGroup,
} from './forms';
import { imgAltFileName, imgAltPlaceholder, imgAltTitleMismatch, imgEmptyAltTitle, imgLinkName } from './images';
import { accesskey, clickNoKeyboard, cssContent, duplicateIdRef, obsoleteMarkup, onfocusBlur, preLayout } from './legacy';
import { lineHeightCheck, lineHeightRule } from './line-height';
import { linkColorOnly } from './link-color';
import {
  linkAdjacentSameTarget, linkFileInfo, linkGenericText, linkNewWindow, linkNoAction, linkSameName, linkSymbolText, linkTitleRedundant,
} from './links';
import { motionCheck, motionRule } from './motion';
import { autoplayLegacy, mediaAlternative, ticker } from './moving';
import { targetSizeCheck, targetSizeRule } from './target-size';
import {
  tableAllTh, tableCaption, tableHeaderRowsScope, tableIrregular, tableLayoutMarkup, tableNested, tableNoHeaders,
} from './tables';

export const ELDERLY_TAG = 'kanjian-elderly';
/** Tag of kanjian's WCAG and best-practice rules (every one also carries WCAG or best-practice tags). */
export const KANJIAN_TAG = 'kanjian';

export interface RuleSet { rules: Rule[]; checks: Check[] }

/** The 适老化 profile alone. */
export const elderlyRules: RuleSet = {
  rules: [fontSizeRule, lineHeightRule, targetSizeRule, bgImageTextRule, motionRule, captchaRule],
  checks: [fontSizeCheck, lineHeightCheck, targetSizeCheck, bgImageTextCheck, motionCheck, captchaCheck],
};

const WCAG_RULES = [
  // links
  linkGenericText, linkSymbolText, linkSameName, linkAdjacentSameTarget, linkNoAction, linkTitleRedundant, linkFileInfo,
  linkNewWindow, linkColorOnly,
  // images
  imgAltFileName, imgAltPlaceholder, imgAltTitleMismatch, imgEmptyAltTitle, imgLinkName, imgAnimated,
  // tables
  tableNoHeaders, tableAllTh, tableHeaderRowsScope, tableNested, tableIrregular, tableCaption, tableLayoutMarkup,
  // forms
  labelForOrphan, labelForDuplicate, fieldsetLegend, radioGroup, placeholderLabel, labelInName, labelUnique, changeNavigates,
  // moving and timed content
  ticker, autoplayLegacy, mediaAlternative,
  // markup of old portals
  obsoleteMarkup, accesskey, duplicateIdRef, preLayout, cssContent, onfocusBlur, clickNoKeyboard,
];

/** kanjian's WCAG and best-practice rules alone. */
export const wcagRules: RuleSet = {
  rules: WCAG_RULES.map((r) => r.rule),
  checks: WCAG_RULES.map((r) => r.check),
};

/** Every kanjian rule and check: what each audited frame registers. */
export const kanjianProfile: RuleSet = {
  rules: [...elderlyRules.rules, ...wcagRules.rules],
  checks: [...elderlyRules.checks, ...wcagRules.checks],
};

/**
 * Every kanjian rule and check, under the name the runners already register (src/audit/runner/in-page.ts
 * calls axe.configure(elderlyProfile)). Same object as kanjianProfile; the 适老化 rules inside are still
 * switched by the elderlyProfile option (see axeRunOptions).
 */
export const elderlyProfile: RuleSet = kanjianProfile;

export const ELDERLY_RULE_IDS: readonly string[] = elderlyRules.rules.map((r) => r.id);
export const WCAG_RULE_IDS: readonly string[] = wcagRules.rules.map((r) => r.id);
export const KANJIAN_RULE_IDS: readonly string[] = kanjianProfile.rules.map((r) => r.id);

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
export { classifyTable, tableGrid, type TableVerdict } from './table-kind';
