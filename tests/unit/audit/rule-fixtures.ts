// The fixture pages of kanjian's WCAG rules: tests/fixtures/pages/audit-rules/<rule>/fail.html and
// pass.html, where <rule> is the rule id without "kanjian-". In fail.html every element the rule must
// report carries data-expect="violation" (or "review" for needs review); pass.html must give no
// violation and no needs-review (it holds the repaired versions of the same content).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const RULE_FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'pages', 'audit-rules');

/**
 * Rules whose verdict needs a real browser (layout, the cascade, pseudo-elements, animations, the
 * HTTP cache): their fixtures are run in Chromium by tests/e2e/audit-rules.spec.ts, not under jsdom.
 */
export const BROWSER_ONLY_RULES: readonly string[] = [
  'kanjian-link-color-only', 'kanjian-ticker', 'kanjian-css-content', 'kanjian-img-animated',
];

export function fixtureDir(ruleId: string): string {
  return join(RULE_FIXTURES, ruleId.replace(/^kanjian-/, ''));
}

/** Rule ids that have a fixture folder. */
export function rulesWithFixtures(): string[] {
  return readdirSync(RULE_FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(RULE_FIXTURES, d.name, 'fail.html')))
    .map((d) => `kanjian-${d.name}`)
    .sort();
}

