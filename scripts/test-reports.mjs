// Reading the suites' JSON reports for `npm test`'s summary: how many tests passed, failed and were
// skipped, and why they were skipped (the reasons given to test.skip, kept as annotations).

/** Counts from a Playwright JSON report. */
export function playwrightCounts(report) {
  const s = report.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

/** Counts from a Vitest JSON report. */
export function vitestCounts(report) {
  return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

export const NO_REASON = 'no reason given';

/** Why the skipped tests of a Playwright JSON report were skipped: reason → number of tests. */
export function playwrightSkipReasons(report) {
  const out = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        // test.skip(condition, reason) inside a test or hook lands on the result; a static skip on the test.
        const notes = [...(test.annotations ?? []), ...(test.results ?? []).flatMap((r) => r.annotations ?? [])];
        const why = notes.find((a) => (a.type === 'skip' || a.type === 'fixme') && a.description)?.description ?? NO_REASON;
        out.set(why, (out.get(why) ?? 0) + 1);
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return out;
}

/** Vitest's JSON report keeps no reason: its skipped tests are the ones marked so in the code. */
export function vitestSkipReasons(report) {
  const n = vitestCounts(report).skipped;
  return new Map(n ? [['marked .skip or .todo in the test code', n]] : []);
}

/**
 * The summary's lines about skipped tests, one per reason (most tests first), with the suites:
 *   9 skipped: no speech engine: not installed: pulseaudio (sudo apt-get …) [chromium 8, firefox 1]
 * @param {Array<[string, Map<string, number>]>} bySuite suite name → its reasons
 */
export function skipLines(bySuite) {
  const reasons = new Map();
  for (const [suite, why] of bySuite) {
    for (const [reason, n] of why) {
      const r = reasons.get(reason) ?? { total: 0, suites: [] };
      r.total += n;
      r.suites.push(`${suite} ${n}`);
      reasons.set(reason, r);
    }
  }
  return [...reasons]
    .sort((a, b) => b[1].total - a[1].total || (a[0] < b[0] ? -1 : 1))
    .map(([reason, r]) => `${r.total} skipped: ${reason} [${r.suites.join(', ')}]`);
}
