import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { browserLanguageArgs, browserLanguageEnv, chromiumArgs, findChromium, INSTALL_HINT } from '../support/browsers.mjs';
import { REPO_ROOT, startServer } from '../support/server.mjs';
import { speechWorkerFixtures, type SpeechWorkerFixtures } from '../support/speech-fixtures';

// KANJIAN_EXTENSION_DIR: run the suite against another build (e.g. an older one, to see a defence's test fail without it).
export const EXTENSION_DIR = resolve(process.env.KANJIAN_EXTENSION_DIR ?? resolve(REPO_ROOT, '.output', 'chrome-mv3'));

export interface Served {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

interface WorkerFixtures extends SpeechWorkerFixtures {
  /**
   * The browser's own language (its UI, chrome.i18n.getUILanguage(), navigator.language and
   * Accept-Language): zh-CN as kanjian's users have it; the `chromium-en` project runs in en-US.
   */
  browserLanguage: string;
  server: Served;
  /** A second origin (another port) to prove settings stay per site. */
  server2: Served;
  extContext: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
}

interface TestFixtures {
  page: Page;
  /** Console errors and uncaught page errors seen during the test. */
  pageErrors: string[];
  /** Every http(s) request the browser made during the test. */
  requests: string[];
  openPopup(forPage: Page): Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  browserLanguage: ['zh-CN', { option: true, scope: 'worker' }],
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = (await startServer()) as Served;
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  server2: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = (await startServer()) as Served;
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  ...speechWorkerFixtures,
  extContext: [
    async ({ speechEngine, browserLanguage }, use) => {
      const executablePath = findChromium();
      if (!executablePath) throw new Error(INSTALL_HINT.chromium);
      const userDataDir = mkdtempSync(join(tmpdir(), 'kanjian-e2e-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        viewport: { width: 1280, height: 800 },
        locale: browserLanguage,
        args: [...chromiumArgs(EXTENSION_DIR), ...browserLanguageArgs(browserLanguage), ...(speechEngine?.available ? ['--enable-speech-dispatcher'] : [])],
        env: { ...process.env, ...browserLanguageEnv(browserLanguage), ...(speechEngine?.available ? speechEngine.env : {}) } as Record<string, string>,
      });
      await use(context);
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  serviceWorker: [
    async ({ extContext }, use) => {
      const sw = extContext.serviceWorkers()[0] ?? (await extContext.waitForEvent('serviceworker'));
      await use(sw);
    },
    { scope: 'worker' },
  ],
  extensionId: [
    async ({ serviceWorker }, use) => {
      await use(new URL(serviceWorker.url()).host);
    },
    { scope: 'worker' },
  ],
  requests: async ({ extContext }, use) => {
    const seen: string[] = [];
    const onRequest = (req: { url(): string }): void => {
      const u = req.url();
      if (u.startsWith('http:') || u.startsWith('https:') || u.startsWith('ws')) seen.push(u);
    };
    extContext.on('request', onRequest);
    await use(seen);
    extContext.off('request', onRequest);
  },
  // eslint-disable-next-line no-empty-pattern
  pageErrors: async ({}, use) => {
    await use([]);
  },
  page: async ({ extContext, serviceWorker, pageErrors }, use) => {
    // Each test starts with no stored settings.
    await serviceWorker.evaluate(() => chrome.storage.local.clear());
    const page = await extContext.newPage();
    page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`console: ${msg.text()}`);
    });
    await use(page);
    await page.close();
  },
  openPopup: async ({ extContext, extensionId, serviceWorker }, use) => {
    const opened: Page[] = [];
    await use(async (forPage: Page) => {
      const tabId = await tabIdOf(serviceWorker, forPage);
      expect(tabId, 'tab of the page under test').toBeGreaterThan(0);
      const popup = await extContext.newPage();
      opened.push(popup);
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    });
    for (const p of opened) await p.close().catch(() => undefined);
  },
});

export { expect };

/**
 * The browser tab id of a page: the tab whose URL is the page's (the extension's host permission lets
 * the service worker see tab URLs; no `tabs` permission needed). -1 when there is none.
 */
export async function tabIdOf(serviceWorker: Worker, page: Page): Promise<number> {
  return serviceWorker.evaluate(async (want: string) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === want && t.id !== undefined);
    return tab?.id ?? -1;
  }, page.url());
}

/** The toolbar inside our shadow root (Playwright's locators pierce open shadow roots). */
export function toolbar(page: Page) {
  return page.getByRole('toolbar', { name: '无障碍工具栏' });
}

export async function fontSizePx(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

export async function hasHorizontalScrollbar(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
