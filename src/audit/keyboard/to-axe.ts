// The keyboard walk's findings as axe-like results (rule ids kanjian-keyboard-*), so they flow into
// buildReport with the page's axe results: WCAG / GB/T 37668 / 适老化 references come from the tags,
// the three languages from the message catalogue (messages-wcag.ts), fingerprints from the targets.
import type { AxeCheckLike, AxeNodeLike, AxeResultLike, AxeResultsLike } from '../model';
import { englishMessage, type KanjianMsg } from '../localize/english';
import { KEYBOARD_CHECK_TEXT, KEYBOARD_RULE_TEXT } from '../rules/messages-wcag';
import { KEYBOARD_RULE_IDS, KEYBOARD_RULE_IMPACT, KEYBOARD_RULE_TAGS, type KeyboardIssue, type KeyboardPath, type KeyboardRuleId, type WalkResult } from './types';

function node(issue: KeyboardIssue): AxeNodeLike {
  const text = KEYBOARD_CHECK_TEXT[issue.rule];
  const message = englishMessage((issue.outcome === 'violation' ? text?.fail : text?.incomplete ?? text?.fail) as KanjianMsg | undefined, issue.data);
  const check: AxeCheckLike & { relatedNodes: Array<{ target: Array<string | string[]>; html: string }> } = {
    id: issue.rule,
    impact: KEYBOARD_RULE_IMPACT[issue.rule],
    message,
    data: issue.data,
    relatedNodes: (issue.related ?? []).map((r) => ({ target: r.target, html: r.html })),
  };
  return {
    target: issue.element.target,
    html: issue.element.html,
    impact: KEYBOARD_RULE_IMPACT[issue.rule],
    any: [check],
    all: [],
    none: [],
    failureSummary: `${issue.outcome === 'violation' ? 'Fix any of the following:' : 'Review:'}\n  ${message}`,
  };
}

function result(rule: KeyboardRuleId, issues: KeyboardIssue[]): AxeResultLike {
  const t = KEYBOARD_RULE_TEXT[rule]!;
  return {
    id: rule,
    impact: KEYBOARD_RULE_IMPACT[rule],
    tags: KEYBOARD_RULE_TAGS[rule],
    description: t.description.en,
    help: t.help.en,
    helpUrl: t.helpUrl,
    nodes: issues.map(node),
  };
}

/** The walk's issues grouped by rule as axe's violations and incomplete (needs review). */
export function keyboardResults(walk: Pick<WalkResult, 'issues'>): { violations: AxeResultLike[]; incomplete: AxeResultLike[] } {
  const group = (outcome: 'violation' | 'review') => {
    const byRule = new Map<KeyboardRuleId, KeyboardIssue[]>();
    for (const i of walk.issues) {
      if (i.outcome !== outcome) continue;
      const list = byRule.get(i.rule) ?? [];
      list.push(i);
      byRule.set(i.rule, list);
    }
    return [...byRule].map(([rule, list]) => result(rule, list));
  };
  return { violations: group('violation'), incomplete: group('review') };
}

/**
 * A page's axe results with the keyboard walk's findings added, for the rules the audit asked for
 * (keyboardRulesFor; all five by default). The static kanjian-click-no-keyboard rule reports elements
 * no keyboard can reach when the walk is skipped; when the walk ran, its own
 * kanjian-keyboard-unreachable findings take over for the same elements.
 */
export function withKeyboardResults<T extends AxeResultsLike>(
  results: T,
  walk: Pick<WalkResult, 'issues' | 'complete'>,
  rules: readonly KeyboardRuleId[] = KEYBOARD_RULE_IDS,
): T {
  const issues = walk.issues.filter((i) => rules.includes(i.rule));
  const k = keyboardResults({ issues });
  const walked = new Set(issues.filter((i) => i.rule === 'kanjian-keyboard-unreachable').map((i) => JSON.stringify(i.element.target)));
  const dropDuplicates = (list: readonly AxeResultLike[]) =>
    list
      .map((r) => (r.id === 'kanjian-click-no-keyboard' ? { ...r, nodes: r.nodes.filter((n) => !walked.has(JSON.stringify(n.target))) } : r))
      .filter((r) => r.nodes.length > 0);
  const passes = (results.passes ?? []) as readonly unknown[];
  // A rule passed only if the walk saw the whole tab order and found nothing for it.
  const found = new Set(issues.map((i) => i.rule));
  const passed = walk.complete ? rules.filter((id) => !found.has(id)).map((id) => ({ id, tags: KEYBOARD_RULE_TAGS[id], nodes: [] })) : [];
  return {
    ...results,
    violations: [...dropDuplicates(results.violations), ...k.violations],
    incomplete: [...dropDuplicates(results.incomplete), ...k.incomplete],
    passes: [...passes, ...passed],
  };
}

/** The walk as a report keeps it (report.json pages[].keyboard): how it went and the path of tab stops. */
export function keyboardPathOf(walk: WalkResult): KeyboardPath {
  const bad = new Set(walk.issues.map((i) => i.element.id));
  return {
    mode: walk.mode,
    end: walk.end,
    complete: walk.complete,
    ms: walk.ms,
    stops: walk.stops.map((s) => ({
      index: s.index,
      target: s.target,
      name: s.name,
      tag: s.tag,
      ...(s.role ? { role: s.role } : {}),
      rect: s.rect,
      focusVisible: s.visible,
      ...(bad.has(s.id) ? { problem: true } : {}),
    })),
  };
}
