// The W3C ACT rules test cases that axe-core implements (../shared/corpus/act), and how a run is
// judged: the same way in the extension's audit path (tests/e2e/act.spec.ts) and the CLI's
// (tests/cli/act.spec.ts), the way axe-core's own ACT runner judges.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED } from './server.mjs';

export const ACT_DIR = join(SHARED, 'corpus', 'act');
/** The URL prefix the cases use for their own assets; the test server maps it to ACT_DIR. */
export const ACT_PREFIX = '/WAI/content-assets/wcag-act-rules/';
/** The cases' absolute /test-assets/ links, as an extra root for startServer. */
export const ACT_EXTRA_ROOTS: Array<[string, string]> = [['/test-assets/', join(ACT_DIR, 'test-assets')]];

export interface ActCase {
  relativePath: string;
  expected: 'passed' | 'failed' | 'inapplicable';
  axeRules: string[];
  tier: 'core' | 'extended';
  axeAgreesWithACT: boolean;
}

/** The "core" tier: cases axe-core runs in its own ACT suite. */
export function coreActCases(): ActCase[] {
  const all = JSON.parse(readFileSync(join(ACT_DIR, 'expected-axe-subset.json'), 'utf8')) as { testcases: ActCase[] };
  return all.testcases.filter((c) => c.tier === 'core');
}

/** Node counts from one audit of a case, counting only the case's own rules. */
export interface ActOutcome {
  violations: number;
  needsReview: number;
}

/**
 * Whether kanjian's result matches ACT's expectation: "failed" needs at least one violation or
 * needs-review node; "passed" and "inapplicable" need no violation.
 */
export function agreesWithAct(c: ActCase, o: ActOutcome): boolean {
  return c.expected === 'failed' ? o.violations + o.needsReview > 0 : o.violations === 0;
}

export interface ActTally {
  agree: number;
  total: number;
  /** Disagreements on cases where axe-core itself agrees with ACT: each one is a kanjian bug. */
  regressions: string[];
}

export function tallyAct(results: ReadonlyArray<{ c: ActCase; outcome: ActOutcome | { error: string } }>): ActTally {
  const tally: ActTally = { agree: 0, total: results.length, regressions: [] };
  for (const { c, outcome } of results) {
    if ('error' in outcome) {
      tally.regressions.push(`${c.relativePath} (${c.expected}): not audited: ${outcome.error}`);
      continue;
    }
    if (agreesWithAct(c, outcome)) tally.agree++;
    else if (c.axeAgreesWithACT) {
      tally.regressions.push(`${c.relativePath} (${c.expected}, ${c.axeRules.join(',')}): ${outcome.violations} violations, ${outcome.needsReview} needs review`);
    }
  }
  return tally;
}

export function actFigure(t: ActTally, seconds: number): string {
  return `ACT agreement: ${t.agree}/${t.total} (${((t.agree / t.total) * 100).toFixed(1)} %) in ${seconds.toFixed(0)} s`;
}
