#!/usr/bin/env node
// What kanjian costs a page where nothing is switched on, and how long the main thread is blocked by
// the big-page operations. Chromium, fresh profiles, the built extension. Writes docs/benchmarks-idle.md.
//
// 1. Idle cost: the same page loaded in a profile with kanjian and in one without, alternating, in the
//    same run; CDP Performance.getMetrics (ScriptDuration, TaskDuration) before and after each load
//    (a fresh tab per load), and the tab's JS heap after a forced GC. Median of N loads per page and
//    profile; kanjian's cost is the difference of the medians. Pages: the demo page, the W3C BAD
//    "before" home page, the generated 80,000-element page. Also kanjian with its launcher hidden.
// 2. Opening the toolbar: launcher click → toolbar shown with focus in it, timed inside the page.
// 3. Long tasks on the 80,000-element page (PerformanceObserver 'longtask', registered by the bench in
//    the page: it sees the content script's tasks too): 繁简转换 on and back, 文字放大, 配色 and 页面放大,
//    each from a fresh load, click to done; plus the time until the first screenful shows 繁體.
//
//   node bench/idle.mjs [--reps N] [--no-write] [--only idle,open,long] [--ops convert,convert-press,convert-keys,convert-floor,size,zoom,scheme]
// `--only long` rewrites only the long-task section of docs/benchmarks-idle.md, keeping the others.
import * as OpenCC from 'opencc-js';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.mjs';
import { launchFresh, waitUntilQuiet } from './launch.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 15;
const write = !args.includes('--no-write');
const onlyArg = args.indexOf('--only') >= 0 ? args[args.indexOf('--only') + 1].split(',') : ['idle', 'open', 'long'];
// KANJIAN_EXTENSION_DIR: measure another build (e.g. a copy of an older one, for a before/after).
const extDir = resolve(process.env.KANJIAN_EXTENSION_DIR ?? join(repo, '.output', 'chrome-mv3'));
const opsArg = args.indexOf('--ops') >= 0 ? args[args.indexOf('--ops') + 1].split(',') : ['convert', 'convert-press', 'convert-keys', 'convert-floor', 'size', 'zoom', 'scheme'];
const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const LAST_P = '最后一条：头发、皇后、面子';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');

const PAGES = [
  ['demo page (zhonglou-2006)', '/zhonglou-2006.html', 1],
  ['W3C BAD before: home', '/corpus/bad/before/home.html', 1],
  ['generated page, 80,000 elements', '/generated/big-80k.html', 3],
];

const server = await startServer();
const load0 = loadavg();

const launch = (withExtension) => launchFresh(extDir, withExtension, 'kanjian-idle-');

function metricsOf(list) {
  return Object.fromEntries(list.metrics.map((m) => [m.name, m.value]));
}

/** One load in a fresh tab: script and task time of the load, and the heap after a GC. */
async function idleLoad(context, path, settleMs) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const before = metricsOf(await cdp.send('Performance.getMetrics'));
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(settleMs);
  const after = metricsOf(await cdp.send('Performance.getMetrics'));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  await page.close();
  return {
    script: (after.ScriptDuration - before.ScriptDuration) * 1000,
    task: (after.TaskDuration - before.TaskDuration) * 1000,
    heap: heap.usedSize / 2 ** 20,
  };
}

function contentScriptBytes() {
  const manifest = JSON.parse(readFileSync(join(extDir, 'manifest.json'), 'utf8'));
  const files = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  return { files, bytes: files.reduce((n, f) => n + statSync(join(extDir, f)).size, 0) };
}

const out = [];
const machine = `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;

/**
 * The floor under any loader: a copy of the build whose document_start script does only what the
 * least launcher must (read this site's settings, follow changes, ask the runtime and the UI
 * language, look at the document and listen on the window) and nothing of kanjian's. What a content
 * script costs a page before it does anything of its own: its isolated world, the extension API
 * bindings and the DOM wrappers it touches.
 */
function floorBuild() {
  const dir = mkdtempSync(join(tmpdir(), 'kanjian-floor-'));
  cpSync(extDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const f of (manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])) {
    writeFileSync(
      join(dir, f),
      `chrome.storage.local.get(['settings.global']).then(() => {}); chrome.storage.onChanged.addListener(() => {}); chrome.runtime.id; chrome.i18n.getUILanguage();
for (const t of ['focus', 'pageshow', 'pointerdown', 'keydown']) window.addEventListener(t, () => {}, { capture: true, passive: true });
document.documentElement.checkVisibility({ visibilityProperty: true });`,
    );
  }
  return dir;
}

if (onlyArg.includes('idle')) {
  const floorDir = floorBuild();
  const bare = await launch(false);
  const kj = await launch(true);
  const kjHidden = await launch(true);
  const floor = await launchFresh(floorDir, true, 'kanjian-idle-');
  await kjHidden.sw.evaluate(() => chrome.storage.local.set({ 'settings.global': { showLauncher: false } }));
  const rows = [];
  for (const [name, path, weight] of PAGES) {
    const n = Math.max(3, Math.round(reps / weight));
    const runs = { bare: [], kj: [], hidden: [], floor: [] };
    const settle = weight > 1 ? 1500 : 500;
    // Warm-up load each (disk cache, first service-worker start), then alternate.
    for (const p of [bare, kj, kjHidden, floor]) await idleLoad(p.context, path, settle);
    for (let i = 0; i < n; i++) {
      runs.bare.push(await idleLoad(bare.context, path, settle));
      runs.kj.push(await idleLoad(kj.context, path, settle));
      runs.hidden.push(await idleLoad(kjHidden.context, path, settle));
      runs.floor.push(await idleLoad(floor.context, path, settle));
    }
    const m = (xs, k) => median(xs.map((r) => r[k]));
    rows.push({ name, n, bare: runs.bare, kj: runs.kj, hidden: runs.hidden, floor: runs.floor, m });
    console.error(`idle: ${name} done (${n} loads each)`);
  }
  await Promise.all([bare.close(), kj.close(), kjHidden.close(), floor.close()]);
  rmSync(floorDir, { recursive: true, force: true });
  const { files, bytes } = contentScriptBytes();
  const lines = [
    `Content script loaded into every page at \`document_start\`: ${files.map((f) => `\`${f}\``).join(', ')}, **${fmt(bytes / 1024)} KB**.`,
    '',
    '"floor" is a copy of the build whose `document_start` script only touches what the least loader must (the site\'s settings in storage and their changes, the runtime, the UI language, the document, four window listeners) and does nothing: what any content script that shows a launcher costs a page before its own code.',
    '',
    '| page | loads | script ms: without → with (+Δ) | task ms: without → with (+Δ) | JS heap MB: without → with (+Δ) | with launcher hidden: +script / +task ms, +heap MB | floor: +script / +task ms, +heap MB |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const d = (k, set) => r.m(r[set], k) - r.m(r.bare, k);
    lines.push(
      `| ${r.name} | ${r.n} | ${fmt(r.m(r.bare, 'script'))} → ${fmt(r.m(r.kj, 'script'))} (+${fmt(d('script', 'kj'))}) | ${fmt(r.m(r.bare, 'task'))} → ${fmt(r.m(r.kj, 'task'))} (+${fmt(d('task', 'kj'))}) | ${fmt(r.m(r.bare, 'heap'), 2)} → ${fmt(r.m(r.kj, 'heap'), 2)} (+${fmt(d('heap', 'kj'), 2)}) | +${fmt(d('script', 'hidden'))} / +${fmt(d('task', 'hidden'))}, +${fmt(d('heap', 'hidden'), 2)} | +${fmt(d('script', 'floor'))} / +${fmt(d('task', 'floor'))}, +${fmt(d('heap', 'floor'), 2)} |`,
    );
  }
  out.push('### Idle cost: a page load with nothing switched on', '', ...lines, '');
}

/** Fresh load of `path` with the toolbar open and a long-task observer registered in the page. */
async function openWithObserver(context, sw, path) {
  await sw.evaluate(() => chrome.storage.local.clear());
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'load', timeout: 120_000 });
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await page.getByRole('toolbar', { name: '无障碍工具栏' }).waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window;
    w.__lt = [];
    new PerformanceObserver((l) => w.__lt.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
    // Long animation frames: a task and the rendering it held up, as the person waited for it.
    w.__loaf = [];
    new PerformanceObserver((l) => w.__loaf.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'long-animation-frame' });
    w.__click = [];
    window.addEventListener('click', () => w.__click.push(performance.now()), true);
  });
  return page;
}

/** Long tasks from the last click on, once the page has been quiet for `quietMs`. */
async function longTasksAfterClick(page, quietMs = 1500) {
  await waitUntilQuiet(page, quietMs);
  return page.evaluate(() => {
    const t0 = window.__click.at(-1);
    const tasks = window.__lt.filter((e) => e.start + e.duration >= t0);
    const frames = window.__loaf.filter((e) => e.start + e.duration >= t0);
    return { longest: Math.max(0, ...tasks.map((e) => e.duration)), over50: tasks.filter((e) => e.duration > 50).length, total: tasks.reduce((n, e) => n + e.duration, 0), longestFrame: Math.max(0, ...frames.map((e) => e.duration)) };
  });
}

/** Resolves (in the page) the time `sel`'s text first equals `want`. */
function watchText(page, key, sel, want) {
  return page.evaluate(
    ([k, s, v]) => {
      const el = document.querySelector(s);
      const w = window;
      const check = () => {
        if (el.textContent === v && w[k] === undefined) w[k] = performance.now();
      };
      new MutationObserver(check).observe(el, { subtree: true, characterData: true, childList: true });
    },
    [key, sel, want],
  );
}

/**
 * Resolves (in the page) the time every text on the first screen that the switch changes has changed:
 * the text nodes the viewport shows now (not kanjian's toolbar, which is in its shadow root), of which
 * `changes` says which the switch will change (OpenCC on the same string, in Node).
 */
async function watchScreen(page, key, changes) {
  const texts = await page.evaluate(() => {
    const vis = [];
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth) vis.push(n);
    }
    window.__vis = vis;
    return vis.map((n) => n.nodeValue);
  });
  const watched = texts.flatMap((t, i) => (changes(t) ? [i] : []));
  if (!watched.length) throw new Error('nothing on the first screen changes');
  await page.evaluate(
    ([k, idx]) => {
      const w = window;
      const nodes = idx.map((i) => w.__vis[i]);
      const before = nodes.map((n) => n.nodeValue);
      new MutationObserver((_, o) => {
        if (nodes.every((n, i) => n.nodeValue !== before[i])) {
          w[k] = performance.now();
          o.disconnect();
        }
      }).observe(document.body, { subtree: true, characterData: true });
    },
    [key, watched],
  );
  return watched.length;
}

if (onlyArg.includes('open')) {
  // Two ways to click, each from a fresh load with nothing stored: the pointer arriving and pressing
  // at once (down and up together: the toolbar's code is fetched only from the press), and a
  // person's click (the pointer lands, 100 ms press; no rest on the launcher beforehand). Both are
  // raw input (CDP), and nothing of Playwright runs in the page while the time is taken: the result
  // is read once it is over.
  const kj = await launch(true);
  const ways = [
    ['click at once (press 0 ms)', 0],
    ['a person’s click (press 100 ms)', 100],
  ];
  const times = Object.fromEntries(ways.map(([name]) => [name, { click: [], press: [] }]));
  for (let i = 0; i < reps; i++) {
    for (const [name, pressMs] of ways) {
      await kj.sw.evaluate(() => chrome.storage.local.clear());
      const page = await kj.context.newPage();
      await page.goto(server.url + '/zhonglou-2006.html', { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const box = await page.getByRole('button', { name: '无障碍浏览' }).boundingBox();
      await page.evaluate(() => {
        const w = window;
        w.__open = {};
        window.addEventListener('pointerdown', () => (w.__open.down ??= performance.now()), true);
        window.addEventListener('pointerup', () => (w.__open.up ??= performance.now()), true);
        // Done: the toolbar is in the page, shown, and has the focus.
        const tick = () => {
          const host = document.querySelector('kanjian-toolbar');
          const bar = host?.shadowRoot?.querySelector('[role=toolbar]');
          if (bar && bar.getBoundingClientRect().height > 0 && bar.contains(host.shadowRoot.activeElement)) w.__open.shown = performance.now();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      if (pressMs) await new Promise((r) => setTimeout(r, pressMs));
      await page.mouse.up();
      await new Promise((r) => setTimeout(r, 1500));
      const o = await page.evaluate(() => window.__open);
      if (o.shown === undefined) throw new Error('the toolbar did not open');
      times[name].click.push(o.shown - o.up);
      times[name].press.push(o.shown - o.down);
      await page.close();
    }
  }
  await kj.close();
  out.push(
    '### Opening the toolbar',
    '',
    `Demo page, launcher click → toolbar shown with the focus in it, measured in the page at the animation frame it shows (${reps} fresh loads each; median, best–worst). The toolbar's code is fetched from the moment the press starts (or the pointer rests on the launcher ${'≥'} 80 ms, not used here).`,
    '',
    '| click | from the release (button up), ms | from the press (button down), ms |',
    '| --- | ---: | ---: |',
    ...ways.map(([name]) => {
      const t = times[name];
      return `| ${name} | **${fmt(median(t.click))}** (${fmt(Math.min(...t.click))}–${fmt(Math.max(...t.click))}) | ${fmt(median(t.press))} (${fmt(Math.min(...t.press))}–${fmt(Math.max(...t.press))}) |`;
    }),
    '',
  );
}

if (onlyArg.includes('long')) {
  const kj = await launch(true);
  const BIG = '/generated/big-80k.html';
  const ops = [];
  const runs = Math.max(3, Math.round(reps / 5));
  const record = (name, r) => {
    let o = ops.find((x) => x.name === name);
    if (!o) ops.push((o = { name, runs: [] }));
    o.runs.push(r);
  };
  for (let i = 0; i < runs; i++) {
    // 繁简转换 on, then back.
    let page;
    if (opsArg.includes('convert')) {
    page = await openWithObserver(kj.context, kj.sw, BIG);
    await watchScreen(page, '__firstShown', (t) => toTw(t) !== t);
    await watchText(page, '__lastShown', '#last', toTw(LAST_P));
    await page.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '繁简转换' }).click();
    await page.waitForFunction(() => window.__lastShown !== undefined, null, { timeout: 120_000 });
    let lt = await longTasksAfterClick(page);
    let t = await page.evaluate(() => ({ click: window.__click.at(-1), first: window.__firstShown, last: window.__lastShown }));
    record('繁简转换 (on)', { ...lt, firstMs: t.first - t.click, doneMs: t.last - t.click });
    await watchScreen(page, '__firstBack', (t) => toCn(t) !== t);
    await watchText(page, '__lastBack', '#last', LAST_P);
    await page.getByRole('toolbar', { name: '無障礙工具列' }).getByRole('button', { name: '繁簡轉換' }).click();
    await page.waitForFunction(() => window.__lastBack !== undefined, null, { timeout: 120_000 });
    lt = await longTasksAfterClick(page);
    t = await page.evaluate(() => ({ click: window.__click.at(-1), first: window.__firstBack, last: window.__lastBack }));
    record('繁简转换 (back)', { ...lt, firstMs: t.first - t.click, doneMs: t.last - t.click });
    await page.close();
    }
    if (opsArg.includes('convert-press')) {
      // The same switch-on as a person clicks: the pointer lands on the button and the press lasts
      // 100 ms (the dictionary is fetched from the press on); timed from the click (button up).
      page = await openWithObserver(kj.context, kj.sw, BIG);
      await watchScreen(page, '__firstShown', (t) => toTw(t) !== t);
      await watchText(page, '__lastShown', '#last', toTw(LAST_P));
      const box = await page.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '繁简转换' }).boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await new Promise((r) => setTimeout(r, 100));
      await page.mouse.up();
      await page.waitForFunction(() => window.__lastShown !== undefined, null, { timeout: 120_000 });
      const lt = await longTasksAfterClick(page);
      const t = await page.evaluate(() => ({ click: window.__click.at(-1), first: window.__firstShown, last: window.__lastShown }));
      record('繁简转换 (on), a person’s click (100 ms press)', { ...lt, firstMs: t.first - t.click, doneMs: t.last - t.click });
      await page.close();
    }
    if (opsArg.includes('convert-keys')) {
      // From the keyboard: the arrow keys bring the focus to the button, it rests there 150 ms (a
      // person reading its name), and Enter switches it on (Enter clicks at once, on the key going down).
      page = await openWithObserver(kj.context, kj.sw, BIG);
      const button = page.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '繁简转换' });
      await page.keyboard.press('Home');
      for (let k = 0; k < 30 && !(await button.evaluate((b) => b.getRootNode().activeElement === b)); k++) await page.keyboard.press('ArrowRight');
      await new Promise((r) => setTimeout(r, 150));
      await watchScreen(page, '__firstShown', (t) => toTw(t) !== t);
      await watchText(page, '__lastShown', '#last', toTw(LAST_P));
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => window.__lastShown !== undefined, null, { timeout: 120_000 });
      const lt = await longTasksAfterClick(page);
      const t = await page.evaluate(() => ({ click: window.__click.at(-1), first: window.__firstShown, last: window.__lastShown }));
      record('繁简转换 (on), from the keyboard (focus rests 150 ms, Enter)', { ...lt, firstMs: t.first - t.click, doneMs: t.last - t.click });
      await page.close();
    }
    for (const [op, name, press] of [
      ['size', '文字放大 (125 %)', (p) => p.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '文字放大' }).click()],
      ['zoom', '页面放大 (110 %)', (p) => p.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '页面放大' }).click()],
      [
        'scheme',
        '配色 黑底黄字',
        async (p) => {
          await p.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '配色' }).click();
          await p.getByRole('menuitemradio', { name: '黑底黄字' }).click();
        },
      ],
    ]) {
      if (!opsArg.includes(op)) continue;
      page = await openWithObserver(kj.context, kj.sw, BIG);
      await press(page);
      record(name, { ...(await longTasksAfterClick(page)), firstMs: NaN, doneMs: NaN });
      await page.close();
    }
  }
  await kj.close();
  if (opsArg.includes('convert-floor')) {
    // What the browser alone takes to show the same conversion: no extension, a page script that
    // writes every text node's converted value (OpenCC, computed in Node beforehand), once all at once
    // and once in 12 ms slices with a frame after each (as a sliced converter must). The time is from
    // the first write to the frame after the last; no script of kanjian's is in it.
    const bare = await launch(false);
    for (let i = 0; i < runs; i++) {
      for (const [name, sliceMs] of [
        ['browser alone: every text written at once (floor)', 0],
        ['browser alone: in 12 ms slices, a frame after each (floor)', 12],
      ]) {
        const page = await bare.context.newPage();
        await page.goto(server.url + BIG, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForTimeout(1000);
        const texts = await page.evaluate(() => {
          const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const nodes = [];
          for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
          window.__texts = nodes;
          return nodes.map((n) => n.nodeValue);
        });
        const converted = texts.map((t) => toTw(t));
        const r = await page.evaluate(
          async ([values, slice]) => {
            const nodes = window.__texts;
            const lt = [];
            new PerformanceObserver((l) => lt.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
            const loaf = [];
            new PerformanceObserver((l) => loaf.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'long-animation-frame' });
            const frame = () => new Promise((res) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => res(); ch.port2.postMessage(0); }));
            const t0 = performance.now();
            let i = 0;
            while (i < nodes.length) {
              const s0 = performance.now();
              while (i < nodes.length && (slice === 0 || performance.now() - s0 < slice)) nodes[i].nodeValue = values[i++];
              await frame();
            }
            const done = performance.now() - t0;
            await new Promise((res) => setTimeout(res, 1000));
            const tasks = lt.filter((e) => e.start + e.duration >= t0);
            const frames = loaf.filter((e) => e.start + e.duration >= t0);
            return { longestFrame: Math.max(0, ...frames.map((e) => e.duration)), doneMs: done, longest: Math.max(0, ...tasks.map((e) => e.duration)), over50: tasks.filter((e) => e.duration > 50).length, total: tasks.reduce((n, e) => n + e.duration, 0) };
          },
          [converted, sliceMs],
        );
        record(name, { ...r, firstMs: NaN });
        await page.close();
      }
    }
    await bare.close();
  }
  const lines = [
    `Generated page of 80,000 elements (\`/generated/big-80k.html\`), Chromium with kanjian, toolbar open; each operation from a fresh load, ${runs} runs, medians (longest task: the median of each run's longest; longest frame: the same of its long animation frames, a task and the rendering it held up).${opsArg.includes('convert-floor') ? ' Rows marked (floor): the same browser without kanjian, a page script writing the same converted text (OpenCC) into every text node, timed from its first write to the frame after its last: what showing the conversion costs the browser itself.' : ''}`,
    '',
    '| operation | click → first screen shows it (ms) | click → whole page done (ms) | longest task (ms) | tasks > 50 ms | long-task time in all (ms) | longest frame (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ops.map((o) => {
      const m = (k) => median(o.runs.map((r) => r[k]));
      return `| ${o.name} | ${fmt(m('firstMs'))} | ${fmt(m('doneMs'))} | ${fmt(m('longest'))} | ${fmt(m('over50'), 0)} | ${fmt(m('total'))} | ${fmt(m('longestFrame'))} |`;
    }),
  ];
  out.push('### Long tasks on the 80,000-element page', '', ...lines, '');
}

await server.close();
const load1 = loadavg();
const text = [
  `Date ${machine} · Chromium (system), headless · load average ${fmt(load0[0], 2)} → ${fmt(load1[0], 2)} (a shared machine: compare rows of the same run)`,
  '',
  ...out,
].join('\n');
console.log(text);
const docPath = join(repo, 'docs', 'benchmarks-idle.md');
// What was learnt from earlier runs (kept by hand): appended after the generated tables.
const findings = readFileSync(join(repo, 'bench', 'idle-findings.md'), 'utf8').trimEnd();
if (write && onlyArg.length === 1 && onlyArg[0] === 'long' && existsSync(docPath)) {
  // Only the long-task section was measured: replace that section (to the end of the file), keep the rest.
  const old = readFileSync(docPath, 'utf8');
  const at = old.indexOf('### Long tasks on the 80,000-element page');
  const end = old.indexOf('## Findings kept with the numbers');
  const section = [`### Long tasks on the 80,000-element page`, '', `Run of ${machine} · load average ${fmt(load0[0], 2)} → ${fmt(load1[0], 2)} · build in \`${extDir.startsWith(repo) ? extDir.slice(repo.length + 1) : extDir}\``, '', ...out.slice(2)].join('\n');
  const before = at >= 0 ? old.slice(0, at) : `${(end >= 0 ? old.slice(0, end) : old).trimEnd()}\n\n`;
  writeFileSync(docPath, `${before}${section}\n\n${findings}\n`);
} else if (write) {
  // The long-task section not measured this time: the last run's is kept, under its own date.
  const old = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const at = old.indexOf('### Long tasks on the 80,000-element page');
  const end = old.indexOf('## Findings kept with the numbers');
  const keptLong = !onlyArg.includes('long') && at >= 0 ? `\n${old.slice(at, end >= 0 ? end : undefined).trimEnd()}` : '';
  writeFileSync(
    join(repo, 'docs', 'benchmarks-idle.md'),
    `# Idle cost and big-page responsiveness (Chromium)\n\nGenerated by \`node bench/idle.mjs\` (do not edit by hand; \`--reps N\`, default 15). Script and task time: CDP \`Performance.getMetrics\` (\`ScriptDuration\`, \`TaskDuration\`: the page's main thread, every world included) over one load in a fresh tab; JS heap: \`Runtime.getHeapUsage\` after a forced GC, same tab. "without" is a second fresh profile without the extension, loaded alternately in the same run.\n\n${text}${keptLong}\n\n${findings}\n`,
  );
}
