// ACT conformance through the extension's own audit path: for each W3C ACT test case that axe-core
// implements (tier "core"), the page is opened in a tab and audited the way the toolbar button does it
// (background injects axe into every frame, the content script turns the aids off, axe.runPartial runs
// in each frame and the report page puts the frames together with axe.finishRun; a page without frames
// is finished in its own frame), with only the case's axe rules. Judged as in tests/support/act.ts:
// kanjian must agree with ACT wherever axe-core itself does.
import type { Route } from '@playwright/test';
import { ACT_EXTRA_ROOTS, ACT_PREFIX, actFigure, coreActCases, tallyAct, type ActCase, type ActOutcome } from '../support/act';
import { startServer } from '../support/server.mjs';
import { expect, tabIdOf, test } from './fixtures';

test('ACT test cases (tier core) through the extension’s audit: agrees with ACT wherever axe-core does', async ({ page, serviceWorker, extContext, extensionId }) => {
  test.setTimeout(900_000);
  const cases = coreActCases();
  expect(cases).toHaveLength(450);
  const server = await startServer({ extraRoots: ACT_EXTRA_ROOTS });
  // A case's meta refresh would pull the page away before it is audited: once a case has loaded, the
  // top frame's further navigations are cancelled (a user's audit sees whatever page is showing).
  let settled = false;
  await page.route('**/*', (route: Route) => {
    const req = route.request();
    if (settled && req.isNavigationRequest() && req.frame() === page.mainFrame()) return route.abort('aborted');
    return route.continue();
  });
  // The report page puts each run's frames together (axe.finishRun), as it does for the user.
  const finisher = await extContext.newPage();
  await finisher.goto(`chrome-extension://${extensionId}/report.html`);
  const started = Date.now();
  try {
    let tabId = -1;
    const auditCase = async (c: ActCase): Promise<ActOutcome | { error: string }> => {
      settled = false;
      try {
        await page.goto(server.url + ACT_PREFIX + c.relativePath, { waitUntil: 'load', timeout: 20_000 });
        settled = true;
        if (tabId < 0) tabId = await tabIdOf(serviceWorker, page);
        const record = await serviceWorker.evaluate(
          async ({ tabId, rules }) => {
            const hook = (globalThis as unknown as { kanjianAuditTab(t: number, only: string[]): Promise<unknown> }).kanjianAuditTab;
            return hook(tabId, rules);
          },
          { tabId, rules: c.axeRules },
        );
        const outcome = await finisher.evaluate(async (record) => {
          type Results = { violations: Array<{ id: string; nodes: unknown[] }>; incomplete: Array<{ id: string; nodes: unknown[] }> };
          const results = await (globalThis as unknown as { kanjianFinishAudit(r: unknown): Promise<Results> }).kanjianFinishAudit(record);
          const count = (xs: Results['violations']) => xs.reduce((n, r) => n + r.nodes.length, 0);
          return { violations: count(results.violations), needsReview: count(results.incomplete), ids: [...results.violations, ...results.incomplete].map((r) => r.id) };
        }, record);
        // Only the case's rules ran.
        for (const id of outcome.ids) expect(c.axeRules, c.relativePath).toContain(id);
        return outcome;
      } catch (e) {
        return { error: e instanceof Error ? e.message.split('\n')[0]! : String(e) };
      }
    };
    const results: Array<{ c: ActCase; outcome: ActOutcome | { error: string } }> = [];
    for (const c of cases) results.push({ c, outcome: await auditCase(c) });
    // A case that disagrees is audited once more from a fresh load: on a loaded machine an <object>'s
    // image may still show its fallback when the audit starts (axe then finds the rule inapplicable).
    // A real disagreement repeats, and only a repeated one counts.
    const first = tallyAct(results).regressions;
    for (const r of results) if (first.some((line) => line.includes(r.c.relativePath))) r.outcome = await auditCase(r.c);
    const tally = tallyAct(results);
    const figure = actFigure(tally, (Date.now() - started) / 1000);
    test.info().annotations.push({ type: 'act-agreement', description: figure });
    console.log(figure);
    expect(tally.regressions, tally.regressions.join('\n')).toEqual([]);
  } finally {
    await finisher.close();
    await page.unroute('**/*');
    await server.close();
  }
});
