// Example for testers: accessibility checks inside Playwright Test with kanjian's fixture.
//
//   import { test, expect } from 'kanjian/playwright';
//
// `kanjian.audit(options)` audits the test's page (all frames) and returns kanjian's report model;
// `expect(report).toHaveNoViolations({ level, failOn, baseline })` fails with a readable Chinese and
// English list of what is wrong; `test.use({ kanjianExtension: true })` loads the built extension.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from 'kanjian/playwright';
import { REPO_ROOT, startServer, type StartedServer } from '../support/server.mjs';

let server: StartedServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.close();
});

test('the repaired W3C BAD home page has no WCAG 2.1 AA violations', async ({ page, kanjian }) => {
  await page.goto(`${server.url}/corpus/bad/after/home.html`);
  const report = await kanjian.audit({ level: 'wcag21aa' });
  expect(report.pages[0]!.status).toBe('audited');
  expect(report.pages[0]!.passes).toBeGreaterThan(10);
  expect(report).toHaveNoViolations();
});

test('the demo page: no critical violations, and a readable message for the serious ones', async ({ page, kanjian }) => {
  await page.goto(`${server.url}/zhonglou-2006.html`);
  const report = await kanjian.audit({ level: 'wcag21aa', profile: '适老化' });
  expect(report).toHaveNoViolations({ failOn: 'critical' });

  let message = '';
  try {
    expect(report).toHaveNoViolations({ failOn: 'serious' });
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  expect(message).toContain('期望没有无障碍违规');
  expect(message).toContain('Expected no accessibility violations');
  expect(message).toMatch(/✗ \S+ \[较重 serious\]/);
  // A baseline made from today's report accepts today's findings.
  expect(report).toHaveNoViolations({ baseline: report });
});

test('a page can be checked directly, here with the 200 % text transform', async ({ page }) => {
  await page.goto(`${server.url}/cli/clips.html`);
  await expect(page).not.toHaveNoViolations({ level: 'wcag21aa', audit: { transforms: ['zoom200'], rules: ['kanjian-clipped-text', 'kanjian-reflow'] } });
});

test.describe('with the kanjian extension loaded', () => {
  test.use({ kanjianExtension: true });
  test.skip(!existsSync(join(REPO_ROOT, '.output', 'chrome-mv3', 'manifest.json')), 'build the extension first: npm run build');

  test('the page shows the 无障碍浏览 launcher, and kanjian\'s own UI is left out of the audit', async ({ page, kanjian }) => {
    await page.goto(`${server.url}/corpus/bad/after/home.html`);
    await expect(page.getByRole('button', { name: '无障碍浏览' })).toBeVisible();
    const report = await kanjian.audit({ level: 'wcag21aa' });
    const targets = report.pages[0]!.violations.flatMap((f) => f.nodes.map((n) => JSON.stringify(n.target)));
    expect(targets.filter((t) => t.includes('kanjian'))).toEqual([]);
    expect(report).toHaveNoViolations();
  });
});
