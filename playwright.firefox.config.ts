import { defineConfig } from '@playwright/test';

/** Firefox smoke suite: Playwright Test as the runner, puppeteer-core (WebDriver BiDi) driving firefox-esr. */
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'out/test-results/firefox.json' }]],
  outputDir: 'out/test-results/firefox',
});
