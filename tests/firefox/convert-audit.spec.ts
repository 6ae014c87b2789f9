import * as OpenCC from 'opencc-js';
import { clickInToolbar, clickToolbarButton, expect, test, toolbarVisible, waitForReport } from './fixtures';

const DEMO = '/zhonglou-2006.html';

async function openToolbar(page: import('puppeteer-core').Page): Promise<void> {
  if (await toolbarVisible(page)) return;
  await clickInToolbar(page, '.kj-launcher');
  await expect.poll(() => toolbarVisible(page)).toBe(true);
}

test('Firefox: 繁简转换 converts the demo page like opencc-js and restores it exactly', async ({ ffPage: page, ffServer }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  const texts = () => page.$$eval('article p, article h1, article h2', (els) => els.map((e) => e.textContent ?? ''));
  const before = await texts();
  await openToolbar(page);
  await clickToolbarButton(page, '繁简转换');
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  await expect.poll(texts).toEqual(before.map((t) => toTw(t)));
  expect(await page.$eval('html', (h) => h.lang)).toBe('zh-TW');
  await clickToolbarButton(page, '繁簡轉換');
  await expect.poll(texts).toEqual(before);
  expect(await page.$eval('html', (h) => h.lang)).toBe('zh-CN');
});

test('Firefox: an audit runs on the demo page and the report opens', async ({ ffPage: page, ffServer, firefox }) => {
  await page.goto(ffServer.url + DEMO, { waitUntil: 'load' });
  await openToolbar(page);
  const known = new Set(await firefox.pages());
  await clickToolbarButton(page, '无障碍检查');
  const report = await waitForReport(firefox, known);
  const heading = await report.$eval('h1', (h) => h.textContent);
  expect(heading).toBe('无障碍检查报告');
  const verdict = await report.$eval('#verdict', (p) => p.textContent ?? '');
  expect(verdict).toMatch(/通过|不通过/);
  const rules = await report.$$eval('#violations article.finding, #incomplete article.finding', (els) => els.length);
  expect(rules).toBeGreaterThan(0);
  // The keyboard walk ran in Firefox too: the demo page's tab stops are listed, none with a problem
  // (the demo page's focus is visible and nothing traps it).
  await report.waitForSelector('#tab-stops > li');
  const stops = await report.$$eval('#tab-stops > li', (els) => els.map((e) => e.className));
  expect(stops.length).toBeGreaterThan(10);
  expect(stops.filter((c) => c.includes('problem'))).toEqual([]);
  const keyboardRules = await report.$$eval('#violations article.finding', (els) => els.map((e) => e.getAttribute('data-rule')).filter((r) => r?.startsWith('kanjian-keyboard')));
  expect(keyboardRules).toEqual([]);
  await report.close();
});

test('Firefox: on an 80,000-element page 繁简转换 converts every text in slices, then restores the exact page', async ({ ffPage: page, ffServer }) => {
  test.setTimeout(240_000);
  // The sliced path (frames waited for through Firefox's Xray window, no scheduler.yield there).
  await page.goto(ffServer.url + '/generated/big-80k.html', { waitUntil: 'load', timeout: 120_000 });
  const texts = () =>
    page.evaluate(() => {
      const out: string[] = [];
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode()) if (n.nodeValue!.trim()) out.push(n.nodeValue!);
      return out.join('\n');
    });
  const body = () => page.evaluate(() => document.body.outerHTML);
  const before = await texts();
  const htmlBefore = await body();
  const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const expected = before
    .split('\n')
    .map((t) => toTw(t))
    .join('\n');
  await openToolbar(page);
  await clickToolbarButton(page, '繁简转换');
  await expect.poll(texts, { timeout: 120_000 }).toBe(expected);
  expect(await page.$eval('#last', (p) => p.textContent)).toBe('最後一條：頭髮、皇后、面子');
  await clickToolbarButton(page, '繁簡轉換');
  await expect.poll(body, { timeout: 120_000 }).toBe(htmlBefore);
});
