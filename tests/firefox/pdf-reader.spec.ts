import * as OpenCC from 'opencc-js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { clickToolbarButton, expect, EXTENSION_UUID, extensionPage, test } from './fixtures';
import { PAGES, REPO_ROOT, startServer } from '../support/server.mjs';
import { expectedOutline } from '../unit/pdf/helpers';

/** The PDF reader in Firefox (MV2): opened from a PDF link, reflow in reading order, 繁简 there and back. */

const DEMO_WITH_PDF = '/demo-with-attachment.html';
const DEMO_HTML = readFileSync(join(PAGES, 'zhonglou-2006.html'), 'utf8')
  .replace('href="zhonglou-2006.css"', 'href="/zhonglou-2006.css"')
  .replace('</article>', '<p>附件：<a id="pdf-link" href="/pdf/policy-zh-hans.pdf">2006年政府重点工作（PDF，850 KB）</a></p></article>');
const EXTRA = /^(钟政发|各街道|二〇〇六年的主要|常州市钟楼区人民政府|2006年1月5日)/;

let server: { url: string; close(): Promise<void> };
test.beforeAll(async () => {
  server = (await startServer({
    extraRoots: [['/pdf/', join(REPO_ROOT, 'tests', 'fixtures', 'pdf')]],
    handler: (_req: unknown, res: { writeHead(s: number, h: Record<string, string>): void; end(b: string): void }, url: URL) => {
      if (url.pathname !== DEMO_WITH_PDF) return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(DEMO_HTML);
      return true;
    },
  })) as typeof server;
});
test.afterAll(async () => server.close());

async function findReader(firefox: Browser, known: Set<Page>): Promise<Page | null> {
  for (const p of await firefox.pages()) {
    if (known.has(p)) continue;
    const href = await p.evaluate(() => location.href).catch(() => '');
    if (href.startsWith(`moz-extension://${EXTENSION_UUID}/reader.html?file=`)) return p;
  }
  return null;
}

test('Firefox: 用看见阅读 opens the PDF in the reader; reflow in reading order; 繁简 converts and restores exactly', async ({ ffPage: page, firefox }) => {
  test.setTimeout(120_000);
  const ext = await extensionPage(firefox);
  await ext.evaluate(
    (site) => (globalThis as unknown as { browser: { storage: { local: { set(i: object): Promise<void> } } } }).browser.storage.local.set({ [`site:${site}`]: { toolbarOpen: true }, [`pdf:${site}`]: { openInReader: false, view: 'reflow' } }),
    server.url,
  );
  await ext.close();
  await page.goto(server.url + DEMO_WITH_PDF, { waitUntil: 'load' });
  await page.waitForSelector('kanjian-pdf-link', { timeout: 15_000 });
  const control = (await page.evaluateHandle(() => document.querySelector('kanjian-pdf-link')!.shadowRoot!.querySelector('button')!)).asElement() as import('puppeteer-core').ElementHandle<HTMLButtonElement>;
  expect(await control.evaluate((b) => b.getAttribute('aria-label'))).toBe('用看见阅读 PDF：2006年政府重点工作（PDF，850 KB）');
  const known = new Set(await firefox.pages());
  await control.click(); // a real (trusted) click
  await expect.poll(async () => (await findReader(firefox, known)) !== null, { timeout: 30_000 }).toBe(true);
  const reader = (await findReader(firefox, known))!;
  await expect
    .poll(() => reader.evaluate(() => (window as unknown as { __kanjianReader?: { state: string } }).__kanjianReader?.state ?? 'none').catch(() => 'none'), { timeout: 30_000 })
    .toBe('ready');
  const outline = () =>
    reader.evaluate(() => [...document.querySelectorAll('article.kjr-reflow :is(h1,h2,h3,p)')].map((e) => ({ kind: e.localName, text: e.textContent ?? '' })));
  expect((await outline()).filter((b) => !EXTRA.test(b.text))).toEqual(expectedOutline());
  const html = () => reader.evaluate(() => document.querySelector('article.kjr-reflow')!.innerHTML);
  const before = await html();
  await expect.poll(() => reader.evaluate(() => !!document.querySelector('kanjian-toolbar')?.shadowRoot?.querySelector('[role=toolbar]'))).toBe(true);
  await clickToolbarButton(reader, '繁简转换');
  const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  await expect.poll(() => reader.evaluate(() => document.querySelector('article.kjr-reflow h1')?.textContent)).toBe(tw('2006年政府重点工作'));
  await clickToolbarButton(reader, '繁簡轉換');
  await expect.poll(() => reader.evaluate(() => document.querySelector('article.kjr-reflow h1')?.textContent)).toBe('2006年政府重点工作');
  expect(await html()).toBe(before);
  await reader.close();
});
