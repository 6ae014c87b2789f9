// kanjian's audit library: report model, mappings, 适老化 axe rules, localisation and exporters.
// Pure and UI-free; the rules' evaluate functions are the only code that touches a DOM (the audited page).
export * from './model';
export { mergeReports } from './merge';
export { makeBaseline, filterNew, type Baseline, type BaselineEntry } from './baseline';
export { fingerprint, normalizeUrl, targetToString, hash64, type AxeTarget } from './fingerprint';
export {
  axeRunOptions, normalizeOptions, DEFAULT_AUDIT_OPTIONS, type AuditOptions, type AuditOptionsInput,
} from './options';
export {
  WCAG_CRITERIA, WCAG_PRINCIPLES, GBT_CLAUSES, ELDERLY_ITEMS, DATA_SOURCES, WCAG_STANDARDS, PRINCIPLE_ORDER,
  getCriterion, scFromTag, criteriaFromTags, gbtClauseFor, elderlyItemsForRule, levelTagsFor, criterionInScope,
  tagsInScope, parseStandard, principleName,
  type WcagStandard, type WcagCriterion, type GbtClause, type ElderlyItem, type Principle, type WcagLevel,
} from './mappings';
export { localizeFinding, renderFailureSummary, ruleText, type LocalizedFinding, type ResultGroup } from './localize/localize';
export { renderTemplate, substitute, TemplateError } from './localize/template';
export {
  elderlyProfile, kanjianProfile, elderlyRules, wcagRules, ELDERLY_TAG, KANJIAN_TAG, KANJIAN_RULE_IDS, ELDERLY_RULE_IDS, WCAG_RULE_IDS,
  isKanjianRule,
} from './rules/index';
export { toUiLocale, toAxeLocale, pickText, type UiLocale, type AxeLocale, type LocalizedText } from './locale';
export * from './export/index';
