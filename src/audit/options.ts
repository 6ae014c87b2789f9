// Audit options and the axe.run options built from them.
import type { RunOptions } from 'axe-core';
import { toUiLocale, type AnyLocale, type UiLocale } from './locale';
import { levelTagsFor, WCAG_STANDARDS, type WcagStandard } from './standards';
import { ELDERLY_RULE_IDS, ELDERLY_TAG } from './rules/index';
import { KEYBOARD_RULE_IDS } from './keyboard/types';

export interface AuditOptions {
  /** Conformance target, e.g. 'wcag21aa' (WCAG 2.1 level AA, which includes 2.0 A and AA). */
  standard: WcagStandard;
  /** Also run axe's best-practice rules (never part of the verdict). */
  bestPractices: boolean;
  /**
   * Run kanjian's 适老化 rules (tag kanjian-elderly). kanjian's WCAG and best-practice rules (tag
   * kanjian) are not part of it: they run by their WCAG or best-practice tags, like axe's rules.
   */
  elderlyProfile: boolean;
  /** Language of rendered reports. */
  locale: UiLocale;
  /**
   * Rule ids to force on or off, whatever their tags. `only` (present when non-empty) runs just those
   * rules, as axe's runOnly type "rule" — the way conformance suites call axe; include adds to it.
   */
  rules: { include: string[]; exclude: string[]; only?: string[] };
}

export const DEFAULT_AUDIT_OPTIONS: AuditOptions = {
  standard: 'wcag21aa',
  bestPractices: false,
  elderlyProfile: false,
  locale: 'zh-CN',
  rules: { include: [], exclude: [] },
};

export type AuditOptionsInput = Partial<Omit<AuditOptions, 'rules' | 'locale'>> & {
  /** zh-CN, zh-TW or en (zh_CN-style spellings are accepted too). */
  locale?: AnyLocale;
  rules?: Partial<AuditOptions['rules']>;
};

export function normalizeOptions(input: AuditOptionsInput = {}): AuditOptions {
  const standard = input.standard ?? DEFAULT_AUDIT_OPTIONS.standard;
  if (!WCAG_STANDARDS.includes(standard)) throw new Error(`Unknown standard "${standard}"; use one of ${WCAG_STANDARDS.join(', ')}`);
  const uniq = (xs: string[] | undefined) => [...new Set(xs ?? [])].sort();
  const rules: AuditOptions['rules'] = { include: uniq(input.rules?.include), exclude: uniq(input.rules?.exclude) };
  const only = uniq(input.rules?.only);
  if (only.length) rules.only = only;
  return {
    standard,
    bestPractices: input.bestPractices ?? DEFAULT_AUDIT_OPTIONS.bestPractices,
    elderlyProfile: input.elderlyProfile ?? DEFAULT_AUDIT_OPTIONS.elderlyProfile,
    locale: input.locale ? toUiLocale(input.locale) : DEFAULT_AUDIT_OPTIONS.locale,
    rules,
  };
}

/** A tag no axe rule carries (runOnly when only keyboard rules are named). */
const NO_AXE_RULES_TAG = 'kanjian-no-axe-rules';

/**
 * axe.run options for the chosen standard: runOnly the level tags within it, best-practice when asked,
 * kanjian-elderly when the profile is on, and include/exclude as rule overrides.
 *
 * kanjianRulesRegistered (default true) says whether axe.configure(kanjianProfile) ran in the page.
 * Register the rules always (it is cheap): some 适老化 rules carry WCAG tags, so with the profile
 * off they are switched off by id, and axe throws on unknown ids in options.rules.
 * resultTypes keeps one node per passed rule: the report only counts passes.
 */
export function axeRunOptions(input: AuditOptionsInput = {}, env: { kanjianRulesRegistered?: boolean } = {}): RunOptions {
  const o = normalizeOptions(input);
  // The keyboard walk's rules are no axe rules (axe throws on unknown ids): keyboard/select.ts reads them.
  const axeIds = (ids: string[]) => ids.filter((id) => !(KEYBOARD_RULE_IDS as readonly string[]).includes(id));
  o.rules = { include: axeIds(o.rules.include), exclude: axeIds(o.rules.exclude), ...(o.rules.only ? { only: axeIds(o.rules.only) } : {}) };
  const registered = env.kanjianRulesRegistered ?? true;
  if (o.elderlyProfile && !registered) {
    throw new Error('The 适老化 profile is on but its rules are not registered: call axe.configure(elderlyProfile) first');
  }
  const values = levelTagsFor(o.standard);
  if (o.bestPractices) values.push('best-practice');
  if (o.elderlyProfile) values.push(ELDERLY_TAG);
  const rules: Record<string, { enabled: boolean }> = {};
  if (!o.elderlyProfile && registered) for (const id of ELDERLY_RULE_IDS) rules[id] = { enabled: false };
  for (const id of o.rules.include) rules[id] = { enabled: true };
  for (const id of o.rules.exclude) rules[id] = { enabled: false };
  if (o.rules.only) {
    // runOnly by rule id wins over every enabled flag in axe, so include/exclude are applied to the list.
    const ids = [...new Set([...o.rules.only, ...o.rules.include])].filter((id) => !o.rules.exclude.includes(id));
    // Only keyboard rules named: no axe rule runs (axe refuses an empty list).
    if (!ids.length) return { runOnly: { type: 'tag', values: [NO_AXE_RULES_TAG] }, rules, resultTypes: ['violations', 'incomplete'] };
    return { runOnly: { type: 'rule', values: ids }, rules, resultTypes: ['violations', 'incomplete'] };
  }
  return { runOnly: { type: 'tag', values }, rules, resultTypes: ['violations', 'incomplete'] };
}
