// Builds axe custom rule/check objects with kanjian's metadata filled in from messages.ts.
import type { Check, CheckHelper, ImpactValue, Rule, VirtualNode } from 'axe-core';
import { KANJIAN_RULE_TEXT, kanjianCheckMessages } from './messages';

/** An axe check evaluate function (a real function, never a string: no eval in the page). */
export type Evaluate = (this: CheckHelper, node: Element, options: unknown, virtualNode?: VirtualNode) => boolean | undefined;

export function defineCheck(id: string, evaluate: Evaluate, impact: ImpactValue, options?: Record<string, unknown>): Check {
  const check: Check = { id, evaluate, metadata: { impact, messages: kanjianCheckMessages(id, 'en') } };
  if (options) check.options = options;
  return check;
}

export function defineRule(
  id: string,
  spec: { selector: string; matches?: (node: Element) => boolean; tags: string[]; excludeHidden?: boolean },
): Rule {
  const text = KANJIAN_RULE_TEXT[id];
  if (!text) throw new Error(`No texts for kanjian rule ${id}`);
  const rule: Rule = {
    id,
    selector: spec.selector,
    tags: spec.tags,
    any: [id],
    all: [],
    none: [],
    metadata: { description: text.description.en, help: text.help.en, helpUrl: text.helpUrl },
  };
  if (spec.matches) rule.matches = spec.matches;
  if (spec.excludeHidden !== undefined) rule.excludeHidden = spec.excludeHidden;
  return rule;
}

export interface KanjianRuleSpec {
  id: string;
  selector: string;
  matches?: (node: Element) => boolean;
  evaluate: Evaluate;
  impact: ImpactValue;
  tags: string[];
  excludeHidden?: boolean;
  options?: Record<string, unknown>;
}

/** A rule with its one check of the same id (how every kanjian rule is built). */
export function defineKanjianRule(spec: KanjianRuleSpec): { rule: Rule; check: Check } {
  const rule = defineRule(spec.id, {
    selector: spec.selector,
    tags: spec.tags,
    ...(spec.matches ? { matches: spec.matches } : {}),
    ...(spec.excludeHidden !== undefined ? { excludeHidden: spec.excludeHidden } : {}),
  });
  return { rule, check: defineCheck(spec.id, spec.evaluate, spec.impact, spec.options) };
}
