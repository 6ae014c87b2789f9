// @vitest-environment jsdom
// kanjian's WCAG and best-practice rules run by real axe-core on their fail and pass fixture pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import axe from 'axe-core';
import { kanjianProfile, WCAG_RULE_IDS } from '../../../src/audit/index';
import { BROWSER_ONLY_RULES, fixtureDir, rulesWithFixtures } from './rule-fixtures';

beforeAll(() => {
  axe.configure({ rules: kanjianProfile.rules, checks: kanjianProfile.checks });
});

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** Puts a fixture page into jsdom's document (scripts stay inert: the rules judge markup and styles). */
function load(file: string): void {
  const parsed = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  for (const a of Array.from(parsed.documentElement.attributes)) document.documentElement.setAttribute(a.name, a.value);
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
}

type Expect = 'violation' | 'review';

function describeEl(el: Element): string {
  return el.outerHTML.replace(/\s+/g, ' ').slice(0, 100);
}

async function run(rule: string, file: string): Promise<{ violations: string[]; incomplete: string[]; passes: number; expected: Record<Expect, string[]> }> {
  load(file);
  const res = await axe.run(document, { runOnly: { type: 'rule', values: [rule] }, elementRef: true, iframes: false });
  const els = (list: axe.Result[]) => list.flatMap((r) => r.nodes.map((n) => describeEl((n as axe.NodeResult & { element: Element }).element))).sort();
  const expected = (kind: Expect) => Array.from(document.querySelectorAll(`[data-expect="${kind}"]`)).map(describeEl).sort();
  return {
    violations: els(res.violations),
    incomplete: els(res.incomplete),
    passes: res.passes.reduce((n, r) => n + r.nodes.length, 0),
    expected: { violation: expected('violation'), review: expected('review') },
  };
}

describe('fixture pages of kanjian rules (jsdom)', () => {
  test('every WCAG rule has fail and pass fixtures', () => {
    expect(rulesWithFixtures()).toEqual([...WCAG_RULE_IDS].sort());
  });

  for (const rule of WCAG_RULE_IDS.filter((r) => !BROWSER_ONLY_RULES.includes(r))) {
    test(`${rule}: fail.html reports exactly the marked elements`, async () => {
      const r = await run(rule, join(fixtureDir(rule), 'fail.html'));
      expect(r.expected.violation.length + r.expected.review.length).toBeGreaterThan(0);
      expect(r.violations).toEqual(r.expected.violation);
      expect(r.incomplete).toEqual(r.expected.review);
    });
    test(`${rule}: pass.html passes`, async () => {
      const r = await run(rule, join(fixtureDir(rule), 'pass.html'));
      expect(r.violations).toEqual([]);
      expect(r.incomplete).toEqual([]);
    });
  }
});
