// @vitest-environment node
import { describe, expect, test } from 'vitest';
import { NO_REASON, playwrightCounts, playwrightSkipReasons, skipLines, vitestSkipReasons } from '../../../scripts/test-reports.mjs';

const SPEECH = 'no speech engine: not installed: pulseaudio (sudo apt-get install --no-install-recommends pulseaudio)';

/** A test of a Playwright JSON report (the shape @playwright/test 1.65 writes). */
const pwTest = (status: string, annotations: Array<{ type: string; description?: string }> = [], onResult = false) => ({
  timeout: 30000,
  annotations: onResult ? [] : annotations,
  expectedStatus: status === 'skipped' ? 'skipped' : 'passed',
  projectName: '',
  projectId: '',
  status,
  results: [{ status: status === 'skipped' ? 'skipped' : 'passed', annotations: onResult ? annotations : [] }],
});

const report = {
  stats: { expected: 3, unexpected: 1, flaky: 1, skipped: 4 },
  suites: [
    {
      title: 'speech.spec.ts',
      specs: [{ title: 'plain', tests: [pwTest('expected')] }],
      suites: [
        {
          title: 'read-aloud with a real speech engine (Chromium)',
          specs: [
            // Playwright 1.65 puts a runtime test.skip(cond, reason) on the test and on its result; either is read.
            { title: '指读', tests: [pwTest('skipped', [{ type: 'skip', description: SPEECH }], true)] },
            { title: '连读', tests: [pwTest('skipped', [{ type: 'skip', description: SPEECH }])] },
            { title: 'fixme', tests: [pwTest('skipped', [{ type: 'fixme', description: 'flaky on Firefox' }])] },
            { title: 'bare', tests: [pwTest('skipped', [{ type: 'skip' }])] },
            { title: 'ran', tests: [pwTest('expected', [{ type: 'issue', description: 'not a skip' }])] },
          ],
        },
      ],
    },
  ],
};

describe('test-reports', () => {
  test('Playwright counts: flaky tests passed in the end', () => {
    expect(playwrightCounts(report)).toEqual({ passed: 4, failed: 1, skipped: 4 });
  });

  test('skip reasons come from the skip annotations of skipped tests, nested suites included', () => {
    expect(playwrightSkipReasons(report)).toEqual(
      new Map([
        [SPEECH, 2],
        ['flaky on Firefox', 1],
        [NO_REASON, 1],
      ]),
    );
  });

  test('Vitest keeps no reasons: its skipped tests are counted as marked in the code', () => {
    expect(vitestSkipReasons({ numPendingTests: 2, numTodoTests: 1 })).toEqual(new Map([['marked .skip or .todo in the test code', 3]]));
    expect(vitestSkipReasons({ numPendingTests: 0 })).toEqual(new Map());
  });

  test('one summary line per reason, most tests first, with the suites they were in', () => {
    const lines = skipLines([
      ['unit', new Map()],
      ['chromium', new Map([[SPEECH, 8], ['flaky on Firefox', 1]])],
      ['firefox', new Map([[SPEECH, 1]])],
    ]);
    expect(lines).toEqual([`9 skipped: ${SPEECH} [chromium 8, firefox 1]`, '1 skipped: flaky on Firefox [chromium 1]']);
  });
});
