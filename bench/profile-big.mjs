#!/usr/bin/env node
// Where the main thread's time goes on the 80,000-element page, per operation: a Chromium trace
// (CDP Tracing, with the V8 sampling profiler) from the click until the page is quiet, split per task
// into our JS / the page's JS, style, layout (forced by a script or not), paint and GC, plus the
// hottest JS functions by self time. `--bare` repeats what the operation left in the page (its
// stylesheets and attributes) in a profile without kanjian, written in one step: the browser's own
// restyle cost of the same visual result. A diagnostic tool: prints, writes nothing.
//
//   node bench/profile-big.mjs [--ops convert,back,size,zoom,scheme] [--bare] [--top N] [--elements N]
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/support/server.mjs';
import { launchFresh, waitUntilQuiet } from './launch.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const ops = opt('--ops', 'convert,back,size,zoom,scheme').split(',');
const top = Number(opt('--top', '15'));
const bare = args.includes('--bare');
const elements = Number(opt('--elements', '80000'));
const extDir = resolve(process.env.KANJIAN_EXTENSION_DIR ?? join(repo, '.output', 'chrome-mv3'));
const PATH = elements === 80000 ? '/generated/big-80k.html' : `/generated/big-${elements}.html`;

const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
  'v8',
  'blink.user_timing',
].join(',');

const server = await startServer();

const launch = (withExtension) => launchFresh(extDir, withExtension, 'kanjian-prof-');

async function startTrace(cdp) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: CATEGORIES.split(',').filter((c) => c !== '-*'), excludedCategories: ['*'] }, transferMode: 'ReportEvents' });
  return async () => {
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}


const JS = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'V8.Execute', 'v8.run', 'v8.callFunction', 'TimerFire', 'EventDispatch', 'FireAnimationFrame', 'v8.evaluateModule', 'V8.ScriptCompiler', 'v8.compile', 'v8.produceCache', 'CompileScript']);
const STYLE = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet']);
const LAYOUT = new Set(['Layout', 'UpdateLayout']);
const PAINT = new Set(['Paint', 'PrePaint', 'Layerize', 'Commit', 'UpdateLayer', 'PaintImage', 'RasterTask', 'CompositeLayers', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections', 'HitTest']);
const GC = /GC|gc|Scavenge|MarkCompact/;
const category = (name) => (JS.has(name) ? 'js' : STYLE.has(name) ? 'style' : LAYOUT.has(name) ? 'layout' : PAINT.has(name) ? 'paint' : GC.test(name) ? 'gc' : name === 'ParseHTML' ? 'parse' : 'other');

/** Per long task on the page's main thread: self time per category (forced layout/style apart). */
function analyse(events, t0) {
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, []);
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (threads.has(k) && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E')) threads.get(k).push(e);
  }
  // The page's main thread: the one with the most time in RunTask.
  let best = null;
  let bestTime = -1;
  for (const [k, evs] of threads) {
    const t = evs.filter((e) => e.name === 'RunTask' && e.ph === 'X').reduce((n, e) => n + e.dur, 0);
    if (t > bestTime) {
      best = k;
      bestTime = t;
    }
  }
  const evs = threads.get(best).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Turn B/E into X.
  const xs = [];
  const open = [];
  for (const e of evs) {
    if (e.ph === 'X') xs.push(e);
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) xs.push({ ...b, ph: 'X', dur: e.ts - b.ts });
    }
  }
  xs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const node = { ...e, children: [], parent: stack.at(-1) ?? null };
    if (node.parent) node.parent.children.push(node);
    else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') tasks.push(node);
    stack.push(node);
  }
  const out = [];
  for (const task of tasks) {
    if (task.ts < t0) continue;
    const by = { js: 0, style: 0, layout: 0, forcedStyle: 0, forcedLayout: 0, paint: 0, gc: 0, parse: 0, other: 0 };
    const visit = (n, inJs) => {
      const self = n.dur - n.children.reduce((s, c) => s + c.dur, 0);
      let c = category(n.name);
      if (inJs && c === 'layout') c = 'forcedLayout';
      if (inJs && c === 'style') c = 'forcedStyle';
      by[c] += self;
      for (const ch of n.children) visit(ch, inJs || category(n.name) === 'js');
    };
    visit(task, false);
    out.push({ start: (task.ts - t0) / 1000, dur: task.dur / 1000, by: Object.fromEntries(Object.entries(by).map(([k, v]) => [k, v / 1000])) });
  }
  return out;
}

/** JS self time per function (url:name) from the sampling profiler's chunks, after t0; then inclusive time of our own functions. */
function jsHotspots(events, t0) {
  const nodes = new Map();
  const self = new Map();
  const incl = new Map();
  const parents = new Map();
  let ts = null;
  for (const e of events) {
    if (e.name === 'Profile') ts = e.args?.data?.startTime ?? e.ts;
    if (e.name !== 'ProfileChunk') continue;
    const d = e.args?.data;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      nodes.set(`${e.id}:${n.id}`, n);
      if (n.parent !== undefined) parents.set(`${e.id}:${n.id}`, `${e.id}:${n.parent}`);
    }
    const samples = d?.cpuProfile?.samples ?? [];
    const deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      ts = (ts ?? e.ts) + deltas[i];
      const n = nodes.get(`${e.id}:${samples[i]}`);
      if (!n || ts < t0) continue;
      const next = deltas[i + 1] ?? 0;
      const cf = n.callFrame;
      const key = `${cf.functionName || '(anon)'} ${cf.url ? cf.url.replace(/^.*\//, '') : ''}:${cf.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + next);
      const seen = new Set();
      for (let id = `${e.id}:${samples[i]}`; id; id = parents.get(id)) {
        const f = nodes.get(id)?.callFrame;
        if (!f || !/content\.js$/.test(f.url)) continue;
        const k = `${f.functionName || '(anon)'}:${f.lineNumber}`;
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + next);
      }
    }
  }
  const fmtRow = ([k, v]) => `${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`;
  return [
    ...[...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(fmtRow),
    '  -- inclusive, content script:',
    ...[...incl].sort((a, b) => b[1] - a[1]).slice(0, top * 2).map(fmtRow),
  ];
}

function report(name, tasks, hot) {
  const sum = (k) => tasks.reduce((n, t) => n + t.by[k], 0);
  const long = tasks.filter((t) => t.dur > 50);
  console.log(`\n=== ${name}: ${tasks.length} tasks, ${long.length} > 50 ms, longest ${Math.max(0, ...tasks.map((t) => t.dur)).toFixed(1)} ms, main-thread busy ${tasks.reduce((n, t) => n + t.dur, 0).toFixed(0)} ms`);
  console.log(`    totals ms: ${Object.keys(tasks[0]?.by ?? {}).map((k) => `${k} ${sum(k).toFixed(0)}`).join(' · ')}`);
  for (const t of tasks.filter((x) => x.dur > 16).slice(0, 40)) {
    console.log(`  @${t.start.toFixed(0).padStart(6)} ${t.dur.toFixed(1).padStart(7)} ms  ${Object.entries(t.by).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ')}`);
  }
  console.log('  hottest JS (self):');
  for (const l of hot) console.log('  ' + l);
}

async function withObserver(page) {
  await page.evaluate(() => {
    window.__lt = [];
    new PerformanceObserver((l) => window.__lt.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
}

const bar = (p) => p.getByRole('toolbar', { name: /无障碍工具栏|無障礙工具列/ });
const PRESS = {
  convert: (p) => bar(p).getByRole('button', { name: '繁简转换' }).click(),
  back: (p) => bar(p).getByRole('button', { name: '繁簡轉換' }).click(),
  size: (p) => bar(p).getByRole('button', { name: '文字放大' }).click(),
  zoom: (p) => bar(p).getByRole('button', { name: '页面放大' }).click(),
  scheme: async (p) => {
    await bar(p).getByRole('button', { name: '配色' }).click();
    await p.getByRole('menuitemradio', { name: '黑底黄字' }).click();
  },
};

/** What an operation left in the page: our stylesheets and our data-kj-* attributes. */
const captureState = (page) =>
  page.evaluate(() => {
    const styles = [...document.querySelectorAll('style[id^="kanjian-style-"]')].map((s) => ({ id: s.id, text: s.textContent }));
    const attrs = [];
    // Positions among <body>'s descendants (kanjian's own UI sits outside <body>); -1 is <body>, -2 <html>.
    const all = [document.documentElement, document.body, ...document.body.getElementsByTagName('*')];
    for (let i = 0; i < all.length; i++) {
      for (const a of all[i].attributes) if (a.name.startsWith('data-kj-')) attrs.push([i - 2, a.name, a.value]);
    }
    return { styles, attrs };
  });

const kj = await launch(true);
const t = (ms) => ms * 1000;
for (const op of ops) {
  if (op === 'back') continue;
  await kj.sw.evaluate(() => chrome.storage.local.clear());
  const page = await kj.context.newPage();
  await page.goto(server.url + PATH, { waitUntil: 'load', timeout: 120_000 });
  await bar(page).count();
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  await bar(page).waitFor();
  await page.waitForTimeout(1000);
  await withObserver(page);
  const cdp = await kj.context.newCDPSession(page);
  for (const o of op === 'convert' && ops.includes('back') ? ['convert', 'back'] : [op]) {
    const stop = await startTrace(cdp);
    await page.waitForTimeout(200);
    const clickTs = Date.now();
    await PRESS[o](page);
    await waitUntilQuiet(page);
    const events = await stop();
    // The trace clock: the click's EventDispatch (type click) on the page's thread.
    const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    const t0 = click?.ts ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts)) + t(200);
    report(`${o} (kanjian), ${Date.now() - clickTs} ms wall to quiet`, analyse(events, t0 - t(5)), jsHotspots(events, t0 - t(5)));
  }
  if (bare && op !== 'convert') {
    const state = await captureState(page);
    const b = await launch(false);
    const bp = await b.context.newPage();
    await bp.goto(server.url + PATH, { waitUntil: 'load', timeout: 120_000 });
    await bp.waitForTimeout(1000);
    await withObserver(bp);
    const bcdp = await b.context.newCDPSession(bp);
    const stop = await startTrace(bcdp);
    await bp.waitForTimeout(200);
    await bp.evaluate((s) => {
      performance.mark('bare-write');
      for (const st of s.styles) {
        const el = document.createElement('style');
        el.id = st.id;
        el.textContent = st.text;
        document.documentElement.prepend(el);
      }
      const all = [document.documentElement, document.body, ...document.body.getElementsByTagName('*')];
      for (const [i, name, value] of s.attrs) all[i + 2]?.setAttribute(name, value);
    }, state);
    await waitUntilQuiet(bp);
    const events = await stop();
    const mark = events.find((e) => e.name === 'bare-write');
    const t0 = mark?.ts ?? 0;
    report(`${op} without kanjian: the same ${state.styles.length} stylesheet(s) and ${state.attrs.length} attributes written in one step`, analyse(events, t0 - t(50)), jsHotspots(events, t0 - t(50)));
    await b.close();
  }
  await page.close();
}
await kj.close();
await server.close();
