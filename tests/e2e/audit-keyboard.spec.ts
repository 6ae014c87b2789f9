// The keyboard walk in real Chromium, two ways on the same fixture pages: real Tab presses through
// Playwright (the CLI's way) and the in-page emulation (the extension's way). Both must find the same
// path of tab stops and the same problems: a trap, invisible focus, unreachable controls, a positive
// tabindex jumping back up the page, dialogs that do not take, keep or return focus — and nothing on
// the clean page.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../support/browsers.mjs';
import { startServer } from '../support/server.mjs';
import { keyboardPathOf, keyPressDriver, walkKeyboard, type WalkResult } from '../../src/audit/keyboard/index';
import { EXPECTED, keyboardBundle, summary } from './audit-keyboard-support';

interface Served { url: string; close(): Promise<void> }

let browser: Browser;
let server: Served;

test.beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT.chromium);
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
  server = (await startServer()) as Served;
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(name: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}/audit-rules/keyboard/${name}.html`, { waitUntil: 'load' });
  await page.addScriptTag({ content: await keyboardBundle() });
  return page;
}

async function walkWithKeys(name: string): Promise<WalkResult> {
  const page = await open(name);
  try {
    return await walkKeyboard(keyPressDriver(page));
  } finally {
    await page.context().close();
  }
}

async function walkEmulated(name: string): Promise<WalkResult> {
  const page = await open(name);
  try {
    return await page.evaluate(() => (globalThis as unknown as { kanjianEmulatedWalk(o: object): Promise<WalkResult> }).kanjianEmulatedWalk({}));
  } finally {
    await page.context().close();
  }
}

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`keyboard walk on ${name}.html: real Tab presses and the emulation agree`, async () => {
    const keys = await walkWithKeys(name);
    const emulated = await walkEmulated(name);
    expect(keys.mode).toBe('keys');
    expect(emulated.mode).toBe('emulated');
    expect(summary(keys), 'real Tab').toEqual(want);
    expect(summary(emulated), 'emulated').toEqual(want);
    expect(keys.complete).toBe(true);
    // Every stop records where it is and what it is called, for the report's numbered tab-stop view.
    for (const s of keys.stops) {
      expect(s.rect.width * s.rect.height, s.selector).toBeGreaterThan(0);
      expect(s.target.length).toBeGreaterThan(0);
    }
  });
}

test('the walk is bounded by stops and time', async () => {
  const page = await open('clean');
  try {
    const r = await walkKeyboard(keyPressDriver(page), { maxStops: 3, maxDialogs: 0 });
    expect(r.stops).toHaveLength(3);
    expect(r.end).toBe('max-stops');
    expect(r.complete).toBe(false);
  } finally {
    await page.context().close();
  }
});

test('no false alarms, with real keys and emulated: the W3C BAD "after" pages, the demo page and the clean portal pages', async () => {
  test.setTimeout(300_000);
  const { readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { SHARED, REPO_ROOT } = await import('../support/server.mjs');
  const html = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  const pages = [
    ...html(join(SHARED, 'corpus', 'bad', 'after')).map((f) => `/corpus/bad/after/${f}`),
    '/zhonglou-2006.html',
    ...html(join(REPO_ROOT, 'tests/fixtures/pages/audit-rules/clean')).map((f) => `/audit-rules/clean/${f}`),
  ];
  const found: string[] = [];
  for (const path of pages) {
    for (const mode of ['keys', 'emulated'] as const) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      const page = await ctx.newPage();
      try {
        await page.goto(server.url + path, { waitUntil: 'load' });
        await page.addScriptTag({ content: await keyboardBundle() });
        const r =
          mode === 'keys'
            ? await walkKeyboard(keyPressDriver(page))
            : await page.evaluate(() => (globalThis as unknown as { kanjianEmulatedWalk(o: object): Promise<WalkResult> }).kanjianEmulatedWalk({}));
        expect(r.complete, `${path} (${mode}) ended by ${r.end}`).toBe(true);
        for (const i of r.issues) found.push(`${path} (${mode}): ${i.rule} ${i.outcome} ${i.element.selector} ${JSON.stringify(i.data)}`);
      } finally {
        await ctx.close();
      }
    }
  }
  expect(found).toEqual([]);
});

test('the path of tab stops drawn on the page: a numbered circle on each stop, problems in red, removable', async () => {
  const page = await open('order');
  try {
    const walk = await walkKeyboard(keyPressDriver(page));
    const drawn = await page.evaluate((path) => {
      const g = globalThis as unknown as { kanjianShowTabStops(d: Document, s: unknown): () => void };
      const before = new Set(document.documentElement.children);
      const remove = g.kanjianShowTabStops(document, path);
      const host = Array.from(document.documentElement.children).find((c) => !before.has(c))!;
      const stops = Array.from(host.shadowRoot!.querySelectorAll('[data-stop]')).map((s) => {
        const c = s.querySelector('circle')!.getBoundingClientRect();
        return { n: s.querySelector('text')!.textContent, bad: s.classList.contains('bad'), x: c.x + c.width / 2 + scrollX, y: c.y + c.height / 2 + scrollY };
      });
      const fill = getComputedStyle(host.shadowRoot!.querySelector('.bad .dot')!).fill;
      remove();
      return { stops, fill, gone: !host.isConnected };
    }, keyboardPathOf(walk).stops);
    expect(drawn.stops.map((s) => s.n)).toEqual(walk.stops.map((s) => String(s.index)));
    // Each circle sits in the top-left corner of its element's box.
    drawn.stops.forEach((s, i) => {
      const r = walk.stops[i]!.rect;
      expect(s.x).toBeGreaterThanOrEqual(r.x);
      expect(s.x).toBeLessThanOrEqual(r.x + r.width);
      expect(s.y).toBeGreaterThanOrEqual(r.y);
      expect(s.y).toBeLessThanOrEqual(r.y + r.height);
    });
    // The stop the positive tabindex jumps back to is marked as a problem, in red.
    expect(drawn.stops.filter((s) => s.bad).map((s) => s.n)).toEqual(['2']);
    expect(drawn.fill).toBe('rgb(176, 0, 32)');
    expect(drawn.gone).toBe(true);
  } finally {
    await page.context().close();
  }
});
