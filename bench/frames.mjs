#!/usr/bin/env node
// Frames benchmark in Chromium with the built extension, on a page with 20 iframes (10 of the page's
// origin, 10 of another): (1) click 繁简转换 → every frame converted (the last frame's text changed),
// and restore; (2) the idle cost of frames where nothing is on: the same page loaded in a profile with
// kanjian and in one without (alternating, same run), the main thread's script and task time and JS
// heap once loaded (CDP Performance.getMetrics: every frame of the page shares the page's process
// here, the second origin being the same site), and what runs while the page sits idle for 2 s.
// (3) Heap per tab with 繁体 on stored for the site, with 0, 1 and 20 frames (20 of the page's origin,
// and the mixed page), with vs without kanjian: CDP Runtime.getHeapUsage of the page's renderer after a
// forced GC — every frame here shares that renderer (the second origin is the same site), so it is the
// sum of the page's heap and every frame's isolated world.
// Writes docs/benchmarks-frames.md (results section).
//
//   node bench/frames.mjs [--reps N] [--no-write] [--only convert,idle,heap]
// KANJIAN_EXTENSION_DIR: measure another build (e.g. one without the shared dictionary, for a before/after).
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../tests/support/browsers.mjs';
import { startServer } from '../tests/support/server.mjs';
import { writeResults } from './doc-section.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 5;
const write = !args.includes('--no-write');
const only = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1].split(',') : ['convert', 'idle', 'heap'];
const extDir = resolve(process.env.KANJIAN_EXTENSION_DIR ?? join(repo, '.output', 'chrome-mv3'));
const FRAMES = 20;
const LINE = '国务院办公厅关于进一步加强软件发布与网络安全管理的通知';
const LAST = '最后一条：头发、皇后、面子';
const LAST_TW = '最後一條：頭髮、皇后、面子';

/** One framed page: a news list of 50 items, like a 信息公开 list embedded from a subsystem. */
function framePage(i) {
  const items = Array.from({ length: 50 }, (_, k) => `<li>第${i}-${k}条：${LINE}</li>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>框架${i}</title></head><body><ul>${items}</ul><p id="last">${LAST}</p></body></html>`;
}

/** The top page: a heading and `n` iframes (20 unless ?n=), half from `other` unless ?same=1. */
function topPage(other, n = FRAMES, same = false) {
  const frames = Array.from({ length: n }, (_, i) => `<iframe width="300" height="150" src="${i % 2 && !same ? other : ''}/bench/frame.html?i=${i}"></iframe>`).join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>二十个框架</title></head><body><h1>区政府门户：政务服务与信息公开</h1><p>本页嵌有二十个框架。</p>${frames}</body></html>`;
}

const handler = (other) => (req, res, url) => {
  if (url.pathname === '/bench/frames.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const n = url.searchParams.has('n') ? Number(url.searchParams.get('n')) : FRAMES;
    res.end(topPage(other(), n, url.searchParams.get('same') === '1'));
    return true;
  }
  if (url.pathname === '/bench/frame.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(framePage(Number(url.searchParams.get('i'))));
    return true;
  }
  return false;
};
let server2 = null;
const server = await startServer({ handler: handler(() => server2.url) });
server2 = await startServer({ handler: handler(() => server2.url) });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function launch(withKanjian) {
  const profile = mkdtempSync(join(tmpdir(), 'kanjian-bench-frames-'));
  const base = chromiumArgs(extDir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: withKanjian ? base : base.filter((a) => !a.includes('extension')),
  });
  const sw = withKanjian ? (context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))) : null;
  return { context, sw, profile };
}

const withK = await launch(true);
const without = await launch(false);

/** Waits until all `n` frames show their last line (loaded). */
async function framesLoaded(page, n = FRAMES) {
  for (;;) {
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    if (frames.length >= n) {
      const ready = await Promise.all(frames.map((f) => f.evaluate(() => !!document.getElementById('last')).catch(() => false)));
      if (ready.every(Boolean)) return frames;
    }
    await page.waitForTimeout(50);
  }
}

/** Click → every frame converted, and restore, on a fresh load. Times are wall-clock (epoch ms) taken in each frame. */
async function convertRun() {
  await withK.sw.evaluate(() => chrome.storage.local.clear());
  const page = await withK.context.newPage();
  await page.goto(`${server.url}/bench/frames.html`, { waitUntil: 'load' });
  const frames = await framesLoaded(page);
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  const toolbar = page.getByRole('toolbar', { name: '无障碍工具栏' });
  await toolbar.waitFor();
  await page.waitForTimeout(300);
  for (const f of frames) {
    await f.evaluate(([want]) => {
      const w = window;
      w.__t = {};
      const target = document.getElementById('last');
      new MutationObserver(() => {
        const now = performance.timeOrigin + performance.now();
        if (target.textContent === want && w.__t.done === undefined) w.__t.done = now;
        if (target.textContent !== want && w.__t.done !== undefined && w.__t.restored === undefined) w.__t.restored = now;
      }).observe(target, { subtree: true, characterData: true, childList: true });
    }, [LAST_TW]);
  }
  await page.evaluate(() => window.addEventListener('click', () => (window.__click ??= performance.timeOrigin + performance.now()), true));
  await toolbar.getByRole('button', { name: '繁简转换' }).click();
  for (const f of frames) await f.waitForFunction(() => window.__t.done !== undefined, null, { timeout: 60_000 });
  const click = await page.evaluate(() => window.__click);
  const done = Math.max(...(await Promise.all(frames.map((f) => f.evaluate(() => window.__t.done)))));
  await page.evaluate(() => {
    window.__click = undefined;
  });
  await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
  for (const f of frames) await f.waitForFunction(() => window.__t.restored !== undefined, null, { timeout: 60_000 });
  const restoreClick = await page.evaluate(() => window.__click);
  const restored = Math.max(...(await Promise.all(frames.map((f) => f.evaluate(() => window.__t.restored)))));
  await page.close();
  return { convertMs: done - click, restoreMs: restored - restoreClick };
}

function metric(metrics, name) {
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

/** Load the page with nothing on; the page's metrics once loaded, and their growth over 2 s of idling. */
async function idleRun(target) {
  if (target.sw) await target.sw.evaluate(() => chrome.storage.local.clear());
  const page = await target.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(`${server.url}/bench/frames.html`, { waitUntil: 'load' });
  const loadMs = Date.now() - t0;
  await framesLoaded(page);
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const a = (await cdp.send('Performance.getMetrics')).metrics;
  await page.waitForTimeout(2000);
  const b = (await cdp.send('Performance.getMetrics')).metrics;
  await cdp.detach();
  await page.close();
  return {
    loadMs,
    scriptMs: metric(a, 'ScriptDuration') * 1000,
    taskMs: metric(a, 'TaskDuration') * 1000,
    heapMB: metric(a, 'JSHeapUsedSize') / 1048576,
    idleScriptMs: (metric(b, 'ScriptDuration') - metric(a, 'ScriptDuration')) * 1000,
    idleTaskMs: (metric(b, 'TaskDuration') - metric(a, 'TaskDuration')) * 1000,
  };
}

/**
 * 繁体 on stored for the site, a fresh load with `n` frames: once every frame shows 繁體 (with kanjian)
 * or has loaded (without), the renderer's JS heap after a forced GC. `same`: every frame of the page's origin.
 */
async function heapRun(target, n, same) {
  if (target.sw) {
    await target.sw.evaluate((origin) => chrome.storage.local.clear().then(() => chrome.storage.local.set({ [`site:${origin}`]: { convert: true } })), server.url);
    await new Promise((r) => setTimeout(r, 300)); // the background registers the early script for the site
  }
  const page = await target.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${server.url}/bench/frames.html?n=${n}${same ? '&same=1' : ''}`, { waitUntil: 'load' });
  const frames = await framesLoaded(page, n);
  if (target.sw) {
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('與'), null, { timeout: 60_000 });
    for (const f of frames) await f.waitForFunction((want) => document.getElementById('last')?.textContent === want, LAST_TW, { timeout: 60_000 });
  }
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  // The JS heap, and the ArrayBuffers' backing stores outside it (the compiled dictionaries live there).
  const { usedSize, backingStorageSize = 0 } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return (usedSize + backingStorageSize) / 1048576;
}

const converts = [];
if (only.includes('convert')) for (let i = 0; i < reps; i++) converts.push(await convertRun());
const idle = { with: [], without: [] };
if (only.includes('idle')) {
  for (let i = 0; i < reps; i++) {
    idle.without.push(await idleRun(without));
    idle.with.push(await idleRun(withK));
  }
}
const HEAP_CASES = [
  ['no frames', 0, true],
  ['1 frame (same origin)', 1, true],
  ['20 frames (same origin)', FRAMES, true],
  ['20 frames (10 of another origin)', FRAMES, false],
];
const heap = HEAP_CASES.map(() => ({ with: [], without: [] }));
if (only.includes('heap')) {
  for (let i = 0; i < reps; i++) {
    for (const [k, [, n, same]] of HEAP_CASES.entries()) {
      heap[k].without.push(await heapRun(without, n, same));
      heap[k].with.push(await heapRun(withK, n, same));
    }
  }
}
for (const t of [withK, without]) {
  await t.context.close();
  rmSync(t.profile, { recursive: true, force: true });
}
await server.close();
await server2.close();

const fmt = (n) => n.toFixed(1);
const m = (runs, k) => median(runs.map((r) => r[k]));
const rowsIdle = [
  ['page load (ms, navigation → load event)', 'loadMs'],
  ['main-thread script time once loaded (ms)', 'scriptMs'],
  ['main-thread task time once loaded (ms)', 'taskMs'],
  ['JS heap once loaded (MB)', 'heapMB'],
  ['script time during 2 s idle (ms)', 'idleScriptMs'],
  ['task time during 2 s idle (ms)', 'idleTaskMs'],
];
const table = [
  `Page: 20 iframes (10 of the page's origin, 10 of another), each a 50-item news list; median of ${reps} fresh loads each.`,
  ...(converts.length
    ? [
        '',
        '| 繁简转换 on all 21 documents | median (ms) |',
        '| --- | ---: |',
        `| click → every frame converted (the last frame's last line shows 繁體) | ${fmt(m(converts, 'convertMs'))} |`,
        `| click → every frame restored | ${fmt(m(converts, 'restoreMs'))} |`,
      ]
    : []),
  ...(idle.with.length
    ? [
        '',
        '| nothing on (idle cost) | without kanjian | with kanjian | difference | per frame |',
        '| --- | ---: | ---: | ---: | ---: |',
        ...rowsIdle.map(([label, k]) => {
          const a = m(idle.without, k);
          const b = m(idle.with, k);
          return `| ${label} | ${fmt(a)} | ${fmt(b)} | ${fmt(b - a)} | ${fmt((b - a) / (FRAMES + 1))} |`;
        }),
      ]
    : []),
  ...(heap[0].with.length
    ? [
        '',
        '| 繁体 on stored for the site: JS heap + ArrayBuffer stores of the tab after GC (MB) | without kanjian | with kanjian | kanjian |',
        '| --- | ---: | ---: | ---: |',
        ...HEAP_CASES.map(([label], k) => {
          const a = median(heap[k].without);
          const b = median(heap[k].with);
          return `| ${label} | ${fmt(a)} | ${fmt(b)} | ${fmt(b - a)} |`;
        }),
      ]
    : []),
].join('\n');
console.log(table);
if (write) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${new Date().toISOString()}`;
  writeResults(join(repo, 'docs', 'benchmarks-frames.md'), `Machine: ${machine}.\n\n${table}`);
}
