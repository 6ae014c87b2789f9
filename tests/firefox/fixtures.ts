import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { findFirefox, INSTALL_HINT } from '../support/browsers.mjs';
import { REPO_ROOT, startServer } from '../support/server.mjs';
import { speechWorkerFixtures, type SpeechWorkerFixtures } from '../support/speech-fixtures';

// KANJIAN_FIREFOX_EXTENSION_DIR: run against another build (to see a defence's test fail without it).
export const FIREFOX_EXTENSION_DIR = resolve(process.env.KANJIAN_FIREFOX_EXTENSION_DIR ?? resolve(REPO_ROOT, '.output', 'firefox-mv2'));
export const GECKO_ID = 'kanjian@kanjian.app';
/** Pinned so extension pages have a known moz-extension:// address. */
export const EXTENSION_UUID = '6f1c2a52-7d1e-4c5b-9a43-0e5b1c3d9a11';

interface Served {
  url: string;
  close(): Promise<void>;
}

interface Fixtures {
  ffPage: Page;
}
interface WorkerFixtures extends SpeechWorkerFixtures {
  ffServer: Served;
  firefox: Browser;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  ffServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = (await startServer()) as Served;
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  ...speechWorkerFixtures,
  firefox: [
    async ({ speechEngine, ffServer }, use) => {
      const executablePath = findFirefox();
      if (!executablePath) throw new Error(INSTALL_HINT.firefox);
      const profile = mkdtempSync(join(tmpdir(), 'kanjian-ff-'));
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath,
        headless: true,
        userDataDir: profile,
        args: ['--remote-allow-system-access'],
        env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', ...(speechEngine?.available ? speechEngine.env : {}) },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
          'intl.locale.requested': 'zh-CN',
          'intl.accept_languages': 'zh-CN, zh',
        },
      });
      await browser.installExtension(FIREFOX_EXTENSION_DIR);
      await untilContentScriptRuns(browser, ffServer.url);
      await use(browser);
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  ffPage: async ({ firefox }, use) => {
    // Each test starts with no stored settings (the browser is shared by the worker's tests).
    const ext = await extensionPage(firefox);
    await ext.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void> } } } }).browser.storage.local.clear());
    await ext.close();
    const page = await firefox.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await use(page);
    await page.close();
  },
});

export { expect };

/** An extension page to call extension APIs from (the popup page; over BiDi its URL cannot be awaited). */
export async function extensionPage(firefox: Browser): Promise<Page> {
  const p = await firefox.newPage();
  void p.goto(`moz-extension://${EXTENSION_UUID}/popup.html`).catch(() => undefined);
  // Polled (not waitForSelector): evaluating while the extension page is still loading can fail over BiDi.
  await expect
    .poll(() => p.evaluate(() => location.protocol === 'moz-extension:' && typeof (globalThis as { browser?: unknown }).browser === 'object').catch(() => false), { timeout: 15_000 })
    .toBe(true);
  return p;
}

/** The report tab an audit opened (a page not in `known`); over BiDi its URL reads about:blank, so ask it. */
export async function waitForReport(firefox: Browser, known: Set<Page>): Promise<Page> {
  const find = async (): Promise<Page | null> => {
    for (const p of await firefox.pages()) {
      if (known.has(p)) continue;
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`moz-extension://${EXTENSION_UUID}/report.html`)) return p;
    }
    return null;
  };
  await expect.poll(async () => (await find()) !== null, { timeout: 60_000 }).toBe(true);
  const report = (await find())!;
  await report.waitForSelector('#verdict', { timeout: 30_000 });
  return report;
}

/**
 * Firefox starts an add-on's content scripts a moment after installExtension resolves (longer on a busy
 * machine): a page opened too soon has no kanjian. Wait until a fresh page gets the launcher.
 */
async function untilContentScriptRuns(browser: Browser, serverUrl: string): Promise<void> {
  const page = await browser.newPage();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      await page.goto(`${serverUrl}/zhonglou-2006.html`, { waitUntil: 'load' });
      const ready = await page
        .waitForFunction(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('.kj-launcher'), { timeout: 2_000 })
        .then(() => true, () => false);
      if (ready) return;
      if (Date.now() > deadline) throw new Error('kanjian’s content script did not start in Firefox within 30 s of installing the add-on');
    }
  } finally {
    await page.close();
  }
}

/**
 * Clicks an element of kanjian's UI (a CSS selector inside the toolbar's shadow root, optionally with
 * this exact text) the way a user does: through the browser's input (BiDi), so the event is trusted.
 * A page script's element.click() is ignored by kanjian, as it must be.
 */
export async function clickInToolbar(page: Page, selector: string, text?: string): Promise<boolean> {
  const handle = await page.evaluateHandle(
    (sel: string, want: string | null) => {
      const els = [...(document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelectorAll(sel) ?? [])];
      return els.find((e) => want === null || e.textContent!.trim() === want) ?? null;
    },
    selector,
    text ?? null,
  );
  const el = handle.asElement();
  if (!el) return false;
  await (el as import('puppeteer-core').ElementHandle<Element>).click();
  return true;
}

/** Evaluates in the page, piercing our open shadow root to find the toolbar's buttons by name. */
export async function clickToolbarButton(page: Page, name: string): Promise<void> {
  const handle = await page.waitForSelector(`pierce/button`, { timeout: 5000 }).then(() =>
    page.evaluateHandle((label: string) => {
      const host = document.querySelector('kanjian-toolbar');
      const root = host?.shadowRoot;
      const buttons = [...(root?.querySelectorAll('button') ?? [])];
      // The accessible name: aria-label, else the visible label (the icon glyph is aria-hidden).
      const nameOf = (b: Element): string => (b.getAttribute('aria-label') ?? b.querySelector('.kj-label')?.textContent ?? '').trim();
      return buttons.find((b) => nameOf(b) === label) ?? null;
    }, name),
  );
  const el = handle.asElement();
  if (!el) throw new Error(`no toolbar button named ${name}`);
  await (el as import('puppeteer-core').ElementHandle<Element>).click();
}

export async function toolbarVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const bar = document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('[role=toolbar]');
    return !!bar && !(bar as HTMLElement).hidden && bar.getBoundingClientRect().height > 0;
  });
}

export async function fontSize(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));
}

/** Lowest contrast of any visible text node of a page or frame against its first opaque background. */
export async function minContrast(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    const parse = (s: string) => {
      const m = /rgba?\(([^)]+)\)/.exec(s);
      if (!m) return null;
      const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0]!, g: p[1]!, b: p[2]!, a: p[3] ?? 1 };
    };
    const lum = (c: { r: number; g: number; b: number }) => {
      const f = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
    };
    let min = 21;
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (!n.nodeValue!.trim()) continue;
      const el = n.parentElement!;
      if (/^(script|style|option)$/.test(el.localName) || !el.getClientRects().length || getComputedStyle(el).visibility !== 'visible') continue;
      const fg = parse(getComputedStyle(el).color)!;
      let bg = { r: 255, g: 255, b: 255, a: 1 };
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a >= 1) {
          bg = c;
          break;
        }
      }
      const [a, b] = [lum(fg), lum(bg)];
      min = Math.min(min, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    }
    return min;
  });
}
