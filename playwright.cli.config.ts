import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './tests/support/browsers.mjs';

/**
 * `kanjian audit` end to end (tests/cli): the built CLI (dist/cli/kanjian.mjs, rebuilt by the global
 * setup) on the fixture pages, the W3C BAD pages and the ACT cases, plus the kanjian/playwright
 * fixture's example spec. One worker: each CLI run starts its own browser.
 */
const executablePath = findChromium() ?? undefined;

export default defineConfig({
  testDir: 'tests/cli',
  testMatch: '**/*.spec.ts',
  // `kanjian/playwright` resolves to the source here (see tests/cli/tsconfig.json).
  tsconfig: './tests/cli/tsconfig.json',
  globalSetup: './tests/cli/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'out/test-results/cli.json' }]],
  outputDir: 'out/test-results/cli',
  use: {
    // For the fixture example: the same system Chromium the CLI uses.
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: chromiumArgs() },
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
  },
});
