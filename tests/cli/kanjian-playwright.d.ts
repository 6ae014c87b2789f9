// Types for `import … from 'kanjian/playwright'` inside this repository, until package.json's
// "exports" maps kanjian/playwright (see docs/cli.md); Playwright Test resolves it at run time through
// tests/cli/tsconfig.json's paths.
declare module 'kanjian/playwright' {
  type Fixture = typeof import('../../src/cli/playwright/index');
  export const test: Fixture['test'];
  export const expect: Fixture['expect'];
  export const auditPage: Fixture['auditPage'];
  export type KanjianReport = import('../../src/cli/playwright/index').KanjianReport;
  export type KanjianAuditOptions = import('../../src/cli/playwright/index').KanjianAuditOptions;
  export type NoViolationsOptions = import('../../src/cli/playwright/index').NoViolationsOptions;
}
