// Lookups over the mapping tables in ./data: WCAG 2.2 success criteria, GB/T 37668-2019 clauses and
// the 适老化 (elder-friendly) items. Pure data access, no DOM.
import wcagData from './data/wcag22.json' with { type: 'json' };
import gbtData from './data/gbt37668.json' with { type: 'json' };
import elderlyData from './data/elderly.json' with { type: 'json' };
import type { LocalizedText } from './locale';

import { levelTagsFor, parseStandard, type WcagLevel, type WcagStandard, type WcagVersion } from './standards';

export type Principle = 'perceivable' | 'operable' | 'understandable' | 'robust';
export type { WcagLevel, WcagStandard, WcagVersion };
export { levelTagsFor, parseStandard, WCAG_STANDARDS } from './standards';

export interface WcagCriterion {
  sc: string;
  level: WcagLevel;
  principle: Principle;
  guideline: string;
  introduced: WcagVersion;
  name: LocalizedText;
  understanding: string;
  removedIn?: string;
}

export interface GbtClause {
  wcag: string;
  clause: string;
  principle: Principle;
  wcagLevel: WcagLevel;
  verified: boolean;
  gbtGrade: string | null;
}

export interface ElderlyItem {
  id: string;
  title: LocalizedText;
  requirement: LocalizedText;
  basis: 'website-spec' | 'app-spec' | 'kanjian';
  appSpecClause?: string;
  verified: boolean;
  axeRules: string[];
  kanjianRules: string[];
  wcag: string[];
  manual?: boolean;
  basisNote?: string;
  thresholdSource?: string;
}

export const WCAG_CRITERIA: readonly WcagCriterion[] = wcagData.criteria as WcagCriterion[];
export const WCAG_PRINCIPLES: readonly { id: Principle; number: string; name: LocalizedText }[] =
  wcagData.principles as { id: Principle; number: string; name: LocalizedText }[];
export const GBT_CLAUSES: readonly GbtClause[] = gbtData.clauses as GbtClause[];
export const GBT_PRINCIPLES: readonly { id: Principle; chapter: string; name: LocalizedText }[] =
  gbtData.principles as { id: Principle; chapter: string; name: LocalizedText }[];
export const ELDERLY_ITEMS: readonly ElderlyItem[] = elderlyData.items as ElderlyItem[];
export const DATA_SOURCES = {
  wcag: { source: wcagData.source, note: wcagData.note },
  gbt37668: { source: gbtData.source, note: gbtData.note, mappingRule: gbtData.mappingRule },
  elderly: { source: elderlyData.source, note: elderlyData.note },
} as const;

const bySc = new Map(WCAG_CRITERIA.map((c) => [c.sc, c]));
const gbtBySc = new Map(GBT_CLAUSES.map((c) => [c.wcag, c]));
const elderlyByRule = new Map<string, ElderlyItem[]>();
for (const item of ELDERLY_ITEMS) {
  for (const rule of [...item.axeRules, ...item.kanjianRules]) {
    const list = elderlyByRule.get(rule) ?? [];
    list.push(item);
    elderlyByRule.set(rule, list);
  }
}

export const PRINCIPLE_ORDER: readonly Principle[] = ['perceivable', 'operable', 'understandable', 'robust'];

export function principleName(p: Principle): LocalizedText {
  return WCAG_PRINCIPLES.find((x) => x.id === p)!.name;
}

export function getCriterion(sc: string): WcagCriterion | undefined {
  return bySc.get(sc);
}

/**
 * axe-core encodes success criteria as tags like wcag143 (1.4.3) or wcag1410 (1.4.10): one digit of
 * principle, one of guideline, the rest is the criterion. Level tags (wcag2aa, wcag21a) are skipped.
 */
export function scFromTag(tag: string): string | undefined {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  return m ? `${m[1]}.${m[2]}.${m[3]}` : undefined;
}

export function criteriaFromTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const sc = scFromTag(t);
    if (sc && !out.includes(sc)) out.push(sc);
  }
  return out;
}

export function gbtClauseFor(sc: string): GbtClause | undefined {
  return gbtBySc.get(sc);
}

export function elderlyItemsForRule(ruleId: string): ElderlyItem[] {
  return elderlyByRule.get(ruleId) ?? [];
}

// ---- conformance scope (criteria need the table; tag logic lives in ./standards) -----------------

const VERSIONS: WcagVersion[] = ['2.0', '2.1', '2.2'];
const LEVELS: WcagLevel[] = ['A', 'AA', 'AAA'];

/** True when a criterion belongs to the standard (version introduced and level both within it). */
export function criterionInScope(sc: string, std: WcagStandard): boolean {
  const c = bySc.get(sc);
  if (!c) return false;
  const { version, level } = parseStandard(std);
  return VERSIONS.indexOf(c.introduced) <= VERSIONS.indexOf(version) && LEVELS.indexOf(c.level) <= LEVELS.indexOf(level);
}

/** True when a finding's axe tags put it within the chosen conformance level. */
export function tagsInScope(tags: readonly string[], std: WcagStandard): boolean {
  const scope = levelTagsFor(std);
  return tags.some((t) => scope.includes(t));
}
