#!/usr/bin/env node
// Page benchmark in Chromium with the built extension: click 繁简转换 → page converted, restore time,
// and the tab's JS heap before/after, on the demo page and on a generated 10,000-text-node page.
// Also the in-browser audit time of the demo page. Writes docs/benchmarks-page.md.
//
//   node bench/page-convert.mjs [--reps N] [--no-write]
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../tests/support/browsers.mjs';
import { startServer } from '../tests/support/server.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 5;
const write = !args.includes('--no-write');

/** A page of 10,000 short Simplified text nodes, like a long news list. */
function bigPage() {
  const items = [];
  for (let i = 0; i < 10000; i++) items.push(`<li>第${i}条：国务院办公厅关于进一步加强软件发布与网络安全管理的通知</li>`);
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>一万条新闻</title></head><body><main><h1>新闻列表</h1><ul id="list">${items.join('')}</ul><p id="last">最后一条：头发、皇后、面子</p></main></body></html>`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer({
  handler: (req, res, url) => {
    if (url.pathname !== '/bench/big.html') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(bigPage());
    return true;
  },
});
const profile = mkdtempSync(join(tmpdir(), 'kanjian-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: findChromium() ?? undefined,
  headless: true,
  viewport: { width: 1280, height: 900 },
  locale: 'zh-CN',
  args: chromiumArgs(join(repo, '.output', 'chrome-mv3')),
});
const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1048576;
}

/** One click-to-converted and restore measurement on a fresh load of `path`; `sentinel` is the last element converted. */
async function measure(path, sentinel, expected) {
  await sw.evaluate(() => chrome.storage.local.clear());
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  const toolbar = page.getByRole('toolbar', { name: '无障碍工具栏' });
  await toolbar.waitFor();
  await page.waitForTimeout(300);
  const heapBefore = await heapMB(page);
  // Timestamps from inside the page: the click, then the moment the last node shows the converted text.
  await page.evaluate(([sel, want]) => {
    const w = window;
    w.__t = {};
    window.addEventListener('click', () => (w.__t.click ??= performance.now()), true);
    const target = document.querySelector(sel);
    new MutationObserver(() => {
      if (target.textContent === want && w.__t.done === undefined) w.__t.done = performance.now();
      if (target.textContent !== want && w.__t.done !== undefined && w.__t.restored === undefined) w.__t.restored = performance.now();
    }).observe(target, { subtree: true, characterData: true, childList: true });
  }, [sentinel, expected]);
  await toolbar.getByRole('button', { name: '繁简转换' }).click();
  await page.waitForFunction(() => window.__t.done !== undefined, null, { timeout: 60_000 });
  const heapAfter = await heapMB(page);
  const restoreButton = page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' });
  await page.evaluate(() => (window.__t.restoreClick = undefined));
  await page.evaluate(() => window.addEventListener('click', () => (window.__t.restoreClick ??= performance.now()), true));
  await restoreButton.click();
  await page.waitForFunction(() => window.__t.restored !== undefined, null, { timeout: 60_000 });
  const t = await page.evaluate(() => window.__t);
  await page.close();
  return { convertMs: t.done - t.click, restoreMs: t.restored - t.restoreClick, heapBefore, heapAfter };
}

async function auditDemo() {
  await sw.evaluate(() => chrome.storage.local.clear());
  const page = await context.newPage();
  await page.goto(server.url + '/zhonglou-2006.html', { waitUntil: 'load' });
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const started = Date.now();
  const ms = await sw.evaluate(async (id) => {
    const r = await globalThis.kanjianAuditTab(id);
    return r.durationMs;
  }, tabId);
  const total = Date.now() - started;
  await page.close();
  return { ms, total };
}

const rows = [];
for (const [name, path, sentinel, expected] of [
  ['demo page (zhonglou-2006)', '/zhonglou-2006.html', '.footer p:last-child', '蘇公網安備32041102000483號 網站標識碼:3204040002 蘇ICP備05028197號'],
  ['generated page, 10,000 text nodes', '/bench/big.html', '#last', '最後一條：頭髮、皇后、面子'],
]) {
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await measure(path, sentinel, expected));
  rows.push({
    name,
    convert: median(runs.map((r) => r.convertMs)),
    restore: median(runs.map((r) => r.restoreMs)),
    heapBefore: median(runs.map((r) => r.heapBefore)),
    heapAfter: median(runs.map((r) => r.heapAfter)),
  });
}
const audits = [];
for (let i = 0; i < reps; i++) audits.push(await auditDemo());
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });

const fmt = (n) => n.toFixed(1);
const table = [
  '| page | click → converted (ms) | restore (ms) | tab JS heap before → after (MB) |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${fmt(r.convert)} | ${fmt(r.restore)} | ${fmt(r.heapBefore)} → ${fmt(r.heapAfter)} |`),
  '',
  `In-browser audit of the demo page (axe injected into every frame, run, results stored): median ${fmt(median(audits.map((a) => a.ms)))} ms over ${reps} runs.`,
].join('\n');
console.log(table);
if (write) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`;
  writeFileSync(
    join(repo, 'docs', 'benchmarks-page.md'),
    `# Page benchmarks (Chromium with the extension)\n\nMachine: ${machine}. Median of ${reps} fresh page loads each.\nThe first click includes loading and parsing the dictionary (the first conversion on a page).\n\n${table}\n`,
  );
}
