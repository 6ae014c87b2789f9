// The keyboard walk in Firefox ESR (WebDriver BiDi through puppeteer-core): real Tab presses and the
// in-page emulation, on the same fixtures and with the same expectations as in Chromium.
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox, INSTALL_HINT } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';
import { keyPressDriver, walkKeyboard, type WalkResult } from '../../src/audit/keyboard/index';
import { EXPECTED, keyboardBundle, summary } from '../e2e/audit-keyboard-support';

interface Served { url: string; close(): Promise<void> }

let browser: Browser;
let server: Served;
let profile: string;

test.beforeAll(async () => {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(INSTALL_HINT.firefox);
  profile = mkdtempSync(join(tmpdir(), 'kanjian-ff-kb-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    userDataDir: profile,
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
  });
  server = (await startServer()) as Served;
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${server.url}/audit-rules/keyboard/${name}.html`, { waitUntil: 'load' });
  await page.addScriptTag({ content: await keyboardBundle() });
  return page;
}

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`Firefox: keyboard walk on ${name}.html, real Tab presses and the emulation agree`, async () => {
    let page = await open(name);
    let keys: WalkResult;
    try {
      keys = await walkKeyboard(keyPressDriver(page));
    } finally {
      await page.close();
    }
    page = await open(name);
    let emulated: WalkResult;
    try {
      emulated = await page.evaluate(() => (globalThis as unknown as { kanjianEmulatedWalk(o: object): Promise<WalkResult> }).kanjianEmulatedWalk({}));
    } finally {
      await page.close();
    }
    expect(summary(keys), 'real Tab').toEqual(want);
    expect(summary(emulated), 'emulated').toEqual(want);
    expect(keys.complete).toBe(true);
  });
}
