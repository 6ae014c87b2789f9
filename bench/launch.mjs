// The page benchmarks' browser helpers. One way to start Chromium: a fresh profile each time, with the extension or,
// for the baseline, the very same flags minus the two that load it (so the runs differ only in kanjian).
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs, findChromium } from '../tests/support/browsers.mjs';

export async function launchFresh(extDir, withExtension, prefix = 'kanjian-bench-') {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const base = chromiumArgs(extDir);
  const args = withExtension ? base : base.filter((x) => !x.startsWith('--load-extension') && !x.startsWith('--disable-extensions-except'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args,
  });
  const sw = withExtension ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return { context, sw, close: async () => (await context.close(), rmSync(profile, { recursive: true, force: true })) };
}

/**
 * Waits until the page has logged no new long task for `quietMs` (the bench's own observer keeps them
 * in `window.__lt`): the operation under measurement, and whatever it set off, has finished.
 */
export async function waitUntilQuiet(page, quietMs = 1500) {
  let last = -1;
  for (;;) {
    await page.waitForTimeout(quietMs);
    const n = await page.evaluate(() => window.__lt.length);
    if (n === last) return;
    last = n;
  }
}
