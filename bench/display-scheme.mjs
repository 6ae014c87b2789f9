#!/usr/bin/env node
// Colour scheme switch time in Chromium with the built extension (.output/chrome-mv3; run
// `npm run build` first), on a generated page of 10,000 elements (headings, paragraphs, links,
// table cells, form controls; 1% of them with inline `!important` colours the scheme must override).
//
// One switch = the 配色 menu item's click handler running in the page (toolbar → settings → the aid
// applies), the style recalculation it causes, and the next frame: measured in the page from just
// before the click to the second requestAnimationFrame after it. Schemes cycle
// 黑底黄字 → 蓝底黄字 → 白底黑字 → 原始配色 …; prints median / p90 / max per kind of switch.
//
//   node bench/display-scheme.mjs [--reps N] [--json] [--no-write] [--elements N]
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../tests/support/browsers.mjs';
import { startServer } from '../tests/support/server.mjs';
import { writeResults } from './doc-section.mjs';
import { buildSync } from 'esbuild';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
// KANJIAN_EXTENSION_DIR: measure another build (e.g. an older one, for a before/after; add --no-write).
const extension = resolve(process.env.KANJIAN_EXTENSION_DIR ?? join(repo, '.output', 'chrome-mv3'));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 8;
const asJson = args.includes('--json');
const noWrite = args.includes('--no-write');
const pageElements = args.includes('--elements') ? Number(args[args.indexOf('--elements') + 1]) : 10000;

/** 10,000 elements in the shapes a portal has. */
export function bigPage(count = 10000) {
  const parts = [];
  let n = 0;
  for (let s = 0; n < count; s++) {
    parts.push(`<section><h2>第${s}节 政府信息公开</h2>`);
    n += 2;
    for (let i = 0; i < 8 && n < count; i++) {
      const style = (s * 8 + i) % 100 === 0 ? ' style="color:#ccc !important;background:#fff !important"' : '';
      parts.push(`<p${style}>以加强科技创新、集约利用资源为突破口，<a href="#s${s}">推动经济发展</a>由粗放型向<span>集约型</span>转变。</p>`);
      n += 3;
    }
    parts.push(`<table><tr><th>信息名称</th><td>2006年政府重点工作</td></tr></table><label>搜索 <input placeholder="关键字"></label></section>`);
    n += 7;
  }
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>一万个元素</title>
<style>body{font:14px/1.6 sans-serif;color:#666;background:#f4f4f4} a{color:#36c} h2{color:#c00;background:url(x.png)}</style></head>
<body><main>${parts.join('')}</main></body></html>`;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), max: s[s.length - 1], n: s.length };
};

export async function benchDisplayScheme({ reps: r = reps } = {}) {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT.chromium);
  const html = bigPage(pageElements);
  const server = await startServer({
    handler: (req, res, url) => {
      if (url.pathname !== '/bench/10k.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
      return true;
    },
  });
  const profile = mkdtempSync(join(tmpdir(), 'kanjian-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1280, height: 800 }, locale: 'zh-CN', args: chromiumArgs(extension) });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/bench/10k.html`);
    const elements = await page.evaluate(() => document.body.querySelectorAll('*').length);
    await page.getByRole('button', { name: '无障碍浏览' }).click();
    await page.getByRole('toolbar', { name: '无障碍工具栏' }).waitFor();
    const cycle = ['黑底黄字', '蓝底黄字', '白底黑字', '原始配色'];
    // Each switch is told by the background of two elements (the schemes differ in it): the one in
    // the middle of the window (the screen shows it) and the page's last one (the whole page is done;
    // a big page gets a scheme part by part, the screen first).
    const last = page.locator('main > :last-child > :last-child');
    const background = { 黑底黄字: 'rgb(0, 0, 0)', 蓝底黄字: 'rgb(0, 51, 153)', 白底黑字: 'rgb(255, 255, 255)', 原始配色: await last.evaluate((el) => getComputedStyle(el).backgroundColor) };
    const toolbar = page.getByRole('toolbar', { name: '无障碍工具栏' });
    const times = { apply: [], switch: [], restore: [] };
    const screens = { apply: [], switch: [], restore: [] };
    const frames = { apply: [], switch: [], restore: [] };
    await page.evaluate(() => {
      window.__loaf = [];
      new PerformanceObserver((l) => window.__loaf.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'long-animation-frame' });
    });
    let current = '原始配色';
    for (let i = 0; i < r * cycle.length + 1; i++) {
      const next = cycle[i % cycle.length];
      await toolbar.getByRole('button', { name: '配色' }).click();
      // The toolbar acts on trusted input only, so the menu item gets a real click; the times run
      // from that click's event in the page to the second frame after each element shows the scheme.
      await last.evaluate((el, want) => {
        const mid = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        window.__switched = new Promise((done) => {
          addEventListener('click', () => {
            const t0 = performance.now();
            const seen = { screen: 0, done: 0 };
            const tick = () => {
              if (!seen.screen && getComputedStyle(mid).backgroundColor === want) seen.screen = performance.now() - t0;
              if (!seen.done && getComputedStyle(el).backgroundColor === want) seen.done = performance.now() - t0;
              if (!seen.screen || !seen.done) return requestAnimationFrame(tick);
              requestAnimationFrame(() =>
                requestAnimationFrame(() => {
                  const doneMs = performance.now() - t0;
                  // Long-frame entries arrive a little after their frame.
                  setTimeout(() => {
                    const frames = window.__loaf.filter((e) => e.start + e.duration >= t0).map((e) => e.duration);
                    done({ screen: seen.screen, done: doneMs, frame: Math.max(0, ...frames) });
                  }, 300);
                }),
              );
            };
            tick();
          }, { capture: true, once: true });
        });
      }, background[next]);
      await page.getByRole('menuitemradio', { name: next }).click();
      const ms = await page.evaluate(() => window.__switched);
      if (i > 0) {
        // The first switch warms up (JIT, first style sheet parse) and is not counted.
        const kind = current === '原始配色' ? 'apply' : next === '原始配色' ? 'restore' : 'switch';
        times[kind].push(ms.done);
        screens[kind].push(ms.screen);
        frames[kind].push(ms.frame);
      }
      current = next;
    }
    // Baseline: the browser's own cost for the same change, the scheme's CSS put in as a plain
    // <style> and taken out again by the page itself (no extension code, no storage, no menu).
    const css = buildSync({ entryPoints: [join(repo, 'src/display/schemes.ts')], bundle: true, format: 'iife', globalName: 'kjSchemes', write: false }).outputFiles[0].text;
    const tag = await page.addScriptTag({ content: css });
    await tag.evaluate((e) => e.remove());
    const baseline = [];
    for (let i = 0; i < r * 2 + 1; i++) {
      const ms = await page.evaluate(async (add) => {
        const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
        await frame();
        const t0 = performance.now();
        if (add) {
          const st = document.createElement('style');
          st.id = 'bench-plain';
          const lib = window.kjSchemes;
          // Unlayered and last: a layered sheet added before kanjian's would make Chromium re-lay out the
          // whole page for the layer change alone (docs/display-aids.md), which is not the scheme's cost.
          st.textContent = lib.buildSchemeCss(lib.PALETTES['yellow-on-black']);
          document.head.append(st);
        } else document.getElementById('bench-plain').remove();
        void getComputedStyle(document.querySelector('main').lastElementChild.lastElementChild).color;
        await frame();
        await frame();
        return performance.now() - t0;
      }, i % 2 === 0);
      if (i > 0) baseline.push(ms);
    }
    return { elements, reps: r, machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`, apply: stats(times.apply), switch: stats(times.switch), restore: stats(times.restore), baseline: stats(baseline), screens: { apply: stats(screens.apply), switch: stats(screens.switch), restore: stats(screens.restore) }, frames: { apply: stats(frames.apply), switch: stats(frames.switch), restore: stats(frames.restore) } };
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchDisplayScheme();
  if (asJson) console.log(JSON.stringify(result, null, 2));
  else {
    const f = (s) => `median ${s.median.toFixed(1)} ms, p90 ${s.p90.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n=${s.n})`;
    console.log(`colour scheme switch on a ${result.elements}-element page (${result.machine}):`);
    const sc = (k) => `screen ${result.screens[k].median.toFixed(1)} ms, longest frame ${result.frames[k].median.toFixed(1)} ms; done `;
    console.log(`  original → scheme  ${sc('apply')}${f(result.apply)}`);
    console.log(`  scheme → scheme    ${sc('switch')}${f(result.switch)}`);
    console.log(`  scheme → original  ${sc('restore')}${f(result.restore)}`);
    console.log(`  baseline (same CSS as a plain <style>, no extension code): ${f(result.baseline)}`);
    const row = (name, st, kind) =>
      kind
        ? `| ${name} | ${result.screens[kind].median.toFixed(1)} | ${st.median.toFixed(1)} | ${st.p90.toFixed(1)} | ${st.max.toFixed(1)} | ${result.frames[kind].median.toFixed(1)} | ${st.n} |`
        : `| ${name} | n/a | ${st.median.toFixed(1)} | ${st.p90.toFixed(1)} | ${st.max.toFixed(1)} | n/a | ${st.n} |`;
    if (!noWrite) writeResults(
      join(repo, 'docs', 'benchmarks-display.md'),
      [
        `Date ${new Date().toISOString().slice(0, 10)} · ${result.machine} · ${result.elements}-element page`,
        '',
        '| switch | screen shows it, median (ms) | whole page done, median (ms) | done p90 (ms) | done max (ms) | longest frame, median (ms) | n |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        row('original → scheme', result.apply, 'apply'),
        row('scheme → scheme', result.switch, 'switch'),
        row('scheme → original', result.restore, 'restore'),
        row('same CSS as a plain `<style>` added and removed by the page (no extension, no layer)', result.baseline),
      ].join('\n'),
    );
  }
}
