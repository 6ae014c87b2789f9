// Which keyboard rules an audit runs, from the same options as axe's rules: `rules.only` (the
// conformance suites' runOnly) runs a keyboard rule only when it is named; otherwise the rules within
// the chosen WCAG level run; `rules.include` adds and `rules.exclude` removes. No rule, no walk.
import { normalizeOptions, type AuditOptionsInput } from '../options';
import { levelTagsFor } from '../standards';
import { KEYBOARD_RULE_IDS, KEYBOARD_RULE_TAGS, type KeyboardRuleId } from './types';

export function isKeyboardRuleId(id: string): id is KeyboardRuleId {
  return (KEYBOARD_RULE_IDS as readonly string[]).includes(id);
}

export function keyboardRulesFor(input: AuditOptionsInput = {}): KeyboardRuleId[] {
  const o = normalizeOptions(input);
  const named = (ids: readonly string[]) => ids.filter(isKeyboardRuleId);
  let chosen: KeyboardRuleId[];
  if (o.rules.only) chosen = named([...o.rules.only, ...o.rules.include]);
  else {
    const level = new Set(levelTagsFor(o.standard));
    chosen = [...KEYBOARD_RULE_IDS.filter((id) => KEYBOARD_RULE_TAGS[id].some((t) => level.has(t))), ...named(o.rules.include)];
  }
  const excluded = new Set(o.rules.exclude);
  return KEYBOARD_RULE_IDS.filter((id) => chosen.includes(id) && !excluded.has(id));
}
