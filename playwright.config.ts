import { defineConfig } from '@playwright/test';

/** Chromium end-to-end suite: the built extension in a real browser. */
export default defineConfig<object, { browserLanguage: string }>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'out/test-results/chromium.json' }]],
  outputDir: 'out/test-results/chromium',
  projects: [
    // The users' browser: zh-CN (its UI language, navigator.language and Accept-Language).
    { name: 'chromium' },
    // The same extension in an English browser: what any visitor meets first (launcher, toolbar,
    // popup, conversion, 配色 part by part, the defences against the page) and the language checks. (On an English page
    // the toolbar then speaks English; the specs on the W3C BAD pages name its controls in Chinese.)
    {
      name: 'chromium-en',
      use: { browserLanguage: 'en-US' },
      testMatch: ['browser-language.spec.ts', 'loader.spec.ts', 'toolbar.spec.ts', 'convert.spec.ts', 'security-toolbar.spec.ts', 'frames-convert.spec.ts', 'display-scheme-big.spec.ts', 'frames-scheme-big.spec.ts', 'display-zoom-big.spec.ts', 'frames-zoom-big.spec.ts'],
    },
  ],
});
