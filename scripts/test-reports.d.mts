// Types of scripts/test-reports.mjs (plain JS: the test harness runs before anything is compiled).
export interface SuiteCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export const NO_REASON: string;
/** Counts from a Playwright JSON report (JSONReport of @playwright/test/reporter). */
export function playwrightCounts(report: object): SuiteCounts;
/** Counts from a Vitest JSON report. */
export function vitestCounts(report: object): SuiteCounts;
/** Why the skipped tests of a Playwright JSON report were skipped: reason → number of tests. */
export function playwrightSkipReasons(report: object): Map<string, number>;
export function vitestSkipReasons(report: object): Map<string, number>;
/** One summary line per reason: `N skipped: reason [suite n, …]`, most tests first. */
export function skipLines(bySuite: ReadonlyArray<readonly [string, ReadonlyMap<string, number>]>): string[];
