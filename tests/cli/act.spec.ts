// ACT conformance through the CLI: the W3C ACT rules test cases that axe-core implements (tier
// "core", 450 cases), all audited by ONE `kanjian audit --config` run whose config lists each case's
// URL with its own axe rules (runOnly). Judged as in tests/support/act.ts; kanjian must agree wherever
// axe-core itself agrees with ACT (axeAgreesWithACT).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ACT_EXTRA_ROOTS, ACT_PREFIX, actFigure, coreActCases, tallyAct, type ActCase, type ActOutcome } from '../support/act';
import { startServer } from '../support/server.mjs';
import { kanjian, nodeCount, readReport, tmpDir } from './helpers';

test('ACT test cases (tier core): kanjian audit --rules agrees with ACT wherever axe-core does', async () => {
  test.setTimeout(300_000);
  const cases = coreActCases();
  expect(cases).toHaveLength(450);
  const server = await startServer({ extraRoots: ACT_EXTRA_ROOTS });
  try {
    const dir = tmpDir();
    const prefix = server.url + ACT_PREFIX;
    writeFileSync(
      join(dir, 'kanjian.config.json'),
      JSON.stringify({ urls: cases.map((c) => ({ url: prefix + c.relativePath, rules: c.axeRules })), format: 'json', out: 'out', failOn: 'none' }, null, 1),
    );
    // ./kanjian.config.json is picked up without --config.
    const run = await kanjian(['audit', '--concurrency', '4', '--timeout', '20'], { cwd: dir });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = readReport(join(dir, 'out'));
    expect(report.pages).toHaveLength(450);
    const byPath = new Map(report.pages.map((p) => [p.url.slice(prefix.length), p]));
    const results: Array<{ c: ActCase; outcome: ActOutcome | { error: string } }> = cases.map((c) => {
      const p = byPath.get(c.relativePath);
      if (!p || p.status !== 'audited') return { c, outcome: { error: p?.error ?? 'missing' } };
      // Only the case's rules ran.
      for (const f of [...p.violations, ...p.incomplete]) expect(c.axeRules, c.relativePath).toContain(f.id);
      return { c, outcome: { violations: nodeCount(p.violations), needsReview: nodeCount(p.incomplete) } };
    });
    const tally = tallyAct(results);
    const figure = actFigure(tally, run.ms / 1000);
    test.info().annotations.push({ type: 'act-agreement', description: figure });
    console.log(figure);
    expect(tally.regressions, tally.regressions.join('\n')).toEqual([]);
  } finally {
    await server.close();
  }
});
