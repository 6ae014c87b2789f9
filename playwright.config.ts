import { defineConfig } from '@playwright/test';

/** Chromium end-to-end suite: the built extension in a real browser. */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'out/test-results/chromium.json' }]],
  outputDir: 'out/test-results/chromium',
});
