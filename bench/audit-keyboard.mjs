#!/usr/bin/env node
// Benchmark: what kanjian's WCAG rules and the keyboard walk cost next to axe-core's own audit, on the
// W3C BAD pages (before and after), in one Chromium, same run, rounds alternating per page:
//   axe        axe.run at WCAG 2.1 AA with axe-core's rules only
//   static     the same run with every kanjian rule registered (what `kanjian audit` runs per page)
//   walk-keys  the keyboard walk with real Tab presses (the CLI's way, Playwright)
//   walk-emu   the keyboard walk emulated in the page (the extension's way)
// Medians of --rounds (default 3). Results: out/bench/audit-keyboard.json and a Markdown table.
//
//   node bench/audit-keyboard.mjs [--rounds 3]
import { build } from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../tests/support/browsers.mjs';
import { SHARED, startServer } from '../tests/support/server.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'out', 'bench');
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const rounds = (() => {
  const i = process.argv.indexOf('--rounds');
  return i > 0 ? Number(process.argv[i + 1]) : 3;
})();

async function bundles() {
  const page = await build({
    stdin: {
      contents: `
        import { kanjianProfile } from './src/audit/rules/index';
        import { axeRunOptions } from './src/audit/options';
        import { emulatedDriver, installKeyboardApi, walkKeyboard } from './src/audit/keyboard/index';
        const api = installKeyboardApi();
        let registered = false;
        globalThis.kjBench = {
          async audit(withKanjian) {
            const axe = globalThis.axe;
            if (withKanjian && !registered) { axe.configure({ rules: kanjianProfile.rules, checks: kanjianProfile.checks }); registered = true; }
            const t = performance.now();
            const r = await axe.run(document, axeRunOptions({ standard: 'wcag21aa' }, { kanjianRulesRegistered: registered }));
            return { ms: performance.now() - t, violations: r.violations.reduce((n, x) => n + x.nodes.length, 0) };
          },
          walk: (o) => walkKeyboard(emulatedDriver(api), o),
        };`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(OUT, { recursive: true });
  const nodeFile = join(OUT, 'keyboard-walk.mjs');
  await build({ entryPoints: [join(ROOT, 'src/audit/keyboard/walk.ts')], bundle: true, platform: 'node', format: 'esm', outfile: nodeFile, logLevel: 'silent' });
  return { page: page.outputFiles[0].text, node: await import(pathToFileURL(nodeFile).href) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : 0;
};

const { page: pageScript, node } = await bundles();
const server = await startServer();
const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', headless: true, args: chromiumArgs() });
const pages = ['before', 'after'].flatMap((v) => readdirSync(join(SHARED, 'corpus', 'bad', v)).filter((f) => f.endsWith('.html')).sort().map((f) => `${v}/${f}`));
const rows = [];
try {
  for (const p of pages) {
    const t = { axe: [], static: [], keys: [], emu: [], stops: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const kind of ['axe', 'static', 'keys', 'emu']) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await ctx.newPage();
        await page.goto(`${server.url}/corpus/bad/${p}`, { waitUntil: 'load' });
        await page.addScriptTag({ path: AXE });
        await page.addScriptTag({ content: pageScript });
        if (kind === 'axe' || kind === 'static') {
          const r = await page.evaluate((k) => globalThis.kjBench.audit(k), kind === 'static');
          t[kind].push(r.ms);
        } else {
          const start = Date.now();
          const r = kind === 'keys' ? await node.walkKeyboard(node.keyPressDriver(page)) : await page.evaluate(() => globalThis.kjBench.walk({}));
          t[kind].push(Date.now() - start);
          t.stops = r.stops.length;
        }
        await ctx.close();
      }
    }
    const row = { page: p, stops: t.stops, axeMs: median(t.axe), staticMs: median(t.static), walkKeysMs: median(t.keys), walkEmulatedMs: median(t.emu) };
    row.walkKeysShare = row.walkKeysMs / row.staticMs;
    rows.push(row);
    console.error(`${p}: ${JSON.stringify(row)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const total = (k) => rows.reduce((n, r) => n + r[k], 0);
const summary = {
  rounds,
  note: 'Medians per page; axe = axe-core rules only at WCAG 2.1 AA; static = the same with every kanjian rule; walk = keyboard walk (keys: real Tab via Playwright; emulated: in the page). Times in ms.',
  totals: { axeMs: total('axeMs'), staticMs: total('staticMs'), walkKeysMs: total('walkKeysMs'), walkEmulatedMs: total('walkEmulatedMs') },
  rows,
};
summary.totals.walkKeysShareOfStatic = summary.totals.walkKeysMs / summary.totals.staticMs;
writeFileSync(join(OUT, 'audit-keyboard.json'), JSON.stringify(summary, null, 1));
const f = (n) => Math.round(n);
console.log('| page | stops | axe (ms) | axe + kanjian rules (ms) | walk, real Tab (ms) | walk, emulated (ms) | walk / audit |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.page} | ${r.stops} | ${f(r.axeMs)} | ${f(r.staticMs)} | ${f(r.walkKeysMs)} | ${f(r.walkEmulatedMs)} | ${Math.round(r.walkKeysShare * 100)} % |`);
console.log(`| total | | ${f(summary.totals.axeMs)} | ${f(summary.totals.staticMs)} | ${f(summary.totals.walkKeysMs)} | ${f(summary.totals.walkEmulatedMs)} | ${Math.round(summary.totals.walkKeysShareOfStatic * 100)} % |`);
