#!/usr/bin/env node
// Benchmark: `kanjian audit` against @axe-core/cli, pa11y-ci (axe runner) and @axe-core/playwright
// on the same 20 pages, same machine, one run each: pages per minute, peak memory of the whole
// process tree (Chromium included), and the violations each found.
//
//   node bench/audit-cli.mjs            # installs the peers into bench/peers on first use
//   node bench/audit-cli.mjs --only kanjian,axe-playwright
//
// The peers are installed on demand by this script into bench/peers/node_modules (never into the
// project's package.json): npm install --prefix bench/peers with browser downloads switched off, all
// pointed at the system Chromium. @axe-core/cli needs chromedriver: the Debian package
// chromium-driver, installed with apt when missing (as root). Results: out/bench/audit-cli.json and a
// Markdown table on stdout (copied into docs/benchmarks-audit.md).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/support/browsers.mjs';
import { writeResults } from './doc-section.mjs';
import { SHARED, startServer } from '../tests/support/server.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const PEERS = join(ROOT, 'bench', 'peers');
const OUT = join(ROOT, 'out', 'bench');
const PEER_VERSIONS = { '@axe-core/cli': '4.13.0', 'pa11y-ci': '4.1.1', '@axe-core/playwright': '4.14.0' };
// The WCAG 2.1 AA tags kanjian audits by default (--level wcag21aa); every tool is asked for the same.
const TAGS = 'wcag2a,wcag2aa,wcag21a,wcag21aa';
const CHROMIUM = findChromium() ?? '/usr/bin/chromium';
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1].split(',') : null;
})();

// ---- peers ------------------------------------------------------------------------------------

function ensurePeers() {
  const missing = Object.keys(PEER_VERSIONS).filter((p) => !existsSync(join(PEERS, 'node_modules', p, 'package.json')));
  if (missing.length) {
    console.error(`bench: installing ${missing.join(', ')} into bench/peers …`);
    mkdirSync(PEERS, { recursive: true });
    execFileSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', ...Object.entries(PEER_VERSIONS).map(([n, v]) => `${n}@${v}`)], {
      stdio: 'inherit',
      // No browser or driver downloads (there is no internet here): everything uses the system Chromium.
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', CHROMEDRIVER_SKIP_DOWNLOAD: 'true' },
    });
  }
  if (spawnSync('chromedriver', ['--version']).status !== 0) {
    if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
      console.error('bench: installing chromedriver (Debian package chromium-driver) …');
      if (spawnSync('apt-get', ['install', '-y', 'chromium-driver'], { stdio: 'inherit' }).status !== 0) {
        spawnSync('apt-get', ['update'], { stdio: 'inherit' });
        spawnSync('apt-get', ['install', '-y', 'chromium-driver'], { stdio: 'inherit' });
      }
    }
  }
}

const peerVersion = (name) => JSON.parse(readFileSync(join(PEERS, 'node_modules', name, 'package.json'), 'utf8')).version;
const peerBin = (name, bin) => {
  const pkg = JSON.parse(readFileSync(join(PEERS, 'node_modules', name, 'package.json'), 'utf8'));
  return join(PEERS, 'node_modules', name, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[bin]);
};

// ---- the 20 pages -----------------------------------------------------------------------------

function pageList(base) {
  const bad = ['home', 'news', 'tickets', 'survey', 'template'];
  const act = JSON.parse(readFileSync(join(SHARED, 'corpus', 'act', 'expected-axe-subset.json'), 'utf8')).testcases.filter(
    // Not the meta-refresh rules: those pages leave for other sites, which the peers would follow.
    (c) => c.tier === 'core' && c.relativePath.endsWith('.html') && !['bc659a', 'bisz58'].includes(c.ruleId),
  );
  const step = Math.floor(act.length / 9);
  return [
    `${base}/zhonglou-2006.html`,
    ...bad.map((p) => `${base}/corpus/bad/before/${p}.html`),
    ...bad.map((p) => `${base}/corpus/bad/after/${p}.html`),
    ...Array.from({ length: 9 }, (_, i) => `${base}/WAI/content-assets/wcag-act-rules/${act[i * step].relativePath}`),
  ];
}

// ---- measuring --------------------------------------------------------------------------------

/** Proportional set size (kB) of a process: shared pages split between their users, so a tree's sum is fair. */
function pssKb(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // gone, or no smaps_rollup
  }
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function treeOf(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // exited meanwhile
    }
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    stack.push(...(children.get(p) ?? []));
  }
  return out;
}

/** Runs a command, sampling its process tree's memory; resolves with time, peak memory and output. */
function measure(cmd, args, opts = {}) {
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    let peak = 0;
    const timer = setInterval(() => {
      const kb = treeOf(child.pid).reduce((s, p) => s + pssKb(p), 0);
      if (kb > peak) peak = kb;
    }, 150);
    child.on('close', (code) => {
      clearInterval(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      resolvePromise({ code, ms, peakMb: Math.round(peak / 1024), stdout, stderr });
    });
  });
}

// ---- the tools --------------------------------------------------------------------------------

/** Per page: violation rule id → node count. */
const tally = (list) => Object.fromEntries(list.map((v) => [v.id, v.nodes]));

async function runKanjian(urls, dir, extra = [], name = 'kanjian') {
  const out = join(dir, name);
  const r = await measure(process.execPath, [join(ROOT, 'dist', 'cli', 'kanjian.mjs'), 'audit', ...urls, '--format', 'json', '--out', out, '--fail-on', 'none', ...extra], {
    env: { KANJIAN_CHROMIUM: CHROMIUM },
  });
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  const pages = Object.fromEntries(report.pages.map((p) => [p.url, p.status === 'audited' ? tally(p.violations.map((f) => ({ id: f.id, nodes: f.nodes.length }))) : null]));
  return { ...r, pages, version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version, axe: report.tool.axeVersion };
}

async function runAxePlaywright(urls, dir) {
  const file = join(dir, 'axe-playwright.json');
  const r = await measure(process.execPath, [join(ROOT, 'bench', 'audit-axe-playwright.mjs'), file, TAGS, ...urls], { env: { KANJIAN_CHROMIUM: CHROMIUM } });
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const pages = Object.fromEntries(results.map((x) => [x.url, x.error ? null : tally(x.violations)]));
  return { ...r, pages, version: peerVersion('@axe-core/playwright'), axe: JSON.parse(readFileSync(join(PEERS, 'node_modules', '@axe-core', 'playwright', 'node_modules', 'axe-core', 'package.json'), 'utf8')).version };
}

async function runAxeCli(urls, dir) {
  const r = await measure(process.execPath, [
    // URLs as separate arguments (a comma-joined list is taken as one URL).
    peerBin('@axe-core/cli', 'axe'), ...urls, '--tags', TAGS, '--chromedriver-path', '/usr/bin/chromedriver', '--chrome-path', CHROMIUM,
    '--chrome-options', 'headless,no-sandbox,disable-gpu,disable-dev-shm-usage', '--save', 'axe-cli.json', '--dir', dir, '--no-reporter',
  ]);
  const file = join(dir, 'axe-cli.json');
  const results = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const pages = Object.fromEntries(results.map((x) => [x.url, tally(x.violations.map((v) => ({ id: v.id, nodes: v.nodes.length })))]));
  return { ...r, pages, version: peerVersion('@axe-core/cli'), axe: peerVersion('axe-core') };
}

async function runPa11yCi(urls, dir) {
  const config = join(dir, 'pa11yci.json');
  writeFileSync(
    config,
    JSON.stringify({
      defaults: {
        runners: ['axe'],
        standard: 'WCAG2AA',
        timeout: 120000,
        concurrency: 2,
        includeWarnings: false,
        chromeLaunchConfig: { executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] },
      },
      urls,
    }),
  );
  const r = await measure(process.execPath, [peerBin('pa11y-ci', 'pa11y-ci'), '--config', config, '--json'], { env: { PUPPETEER_SKIP_DOWNLOAD: '1' } });
  const pages = {};
  try {
    const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    for (const [url, issues] of Object.entries(json.results)) {
      if (!Array.isArray(issues)) continue;
      const byRule = {};
      for (const i of issues) if (i.type === 'error') byRule[i.code] = (byRule[i.code] ?? 0) + 1;
      pages[url] = issues.some((i) => i instanceof Error || i.message?.startsWith?.('Error')) ? null : byRule;
    }
  } catch {
    // reported as 0 pages below
  }
  return { ...r, pages, version: peerVersion('pa11y-ci'), axe: JSON.parse(readFileSync(join(PEERS, 'node_modules', 'pa11y', 'node_modules', 'axe-core', 'package.json'), 'utf8')).version };
}

// ---- the keyboard walk's cost -------------------------------------------------------------------

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `kanjian audit` on the ten W3C BAD pages with and without the keyboard walk (--no-keyboard), in
 * the same run, alternating which goes first, one tab (--concurrency 1) so the pages' times add up.
 * KANJIAN_DEBUG=1 gives the audit stage's own time (browser start and report writing left out).
 */
async function keyboardCost(base, dir, rounds) {
  const urls = ['before', 'after'].flatMap((v) => ['home', 'news', 'tickets', 'survey', 'template'].map((p) => `${base}/corpus/bad/${v}/${p}.html`));
  const runs = { walk: [], none: [] };
  for (let i = 0; i < rounds; i++) {
    for (const mode of i % 2 ? ['none', 'walk'] : ['walk', 'none']) {
      const out = join(dir, `kbd-${mode}-${i}`);
      const args = [join(ROOT, 'dist', 'cli', 'kanjian.mjs'), 'audit', ...urls, '--format', 'json', '--out', out, '--fail-on', 'none', '--concurrency', '1', ...(mode === 'none' ? ['--no-keyboard'] : [])];
      const r = await measure(process.execPath, args, { env: { KANJIAN_CHROMIUM: CHROMIUM, KANJIAN_DEBUG: '1' } });
      const stage = Number(/\[debug\] \d+ pages audited (\d+) ms/.exec(r.stderr)?.[1] ?? NaN);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      const walkMs = report.pages.reduce((s, p) => s + (p.keyboard?.ms ?? 0), 0);
      const stops = report.pages.reduce((s, p) => s + (p.keyboard?.stops.length ?? 0), 0);
      runs[mode].push({ total: r.ms, stage, walkMs, stops, audited: report.pages.filter((p) => p.status === 'audited').length });
      console.error(`bench: keyboard ${mode} round ${i + 1}: ${(r.ms / 1000).toFixed(1)} s, audit stage ${stage} ms, walks ${walkMs} ms`);
    }
  }
  const m = (mode, k) => median(runs[mode].map((x) => x[k]));
  const added = (k) => ((m('walk', k) - m('none', k)) / m('none', k)) * 100;
  const rows = [
    `Date ${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'} · ${urls.length} W3C BAD pages (5 before, 5 after), one tab, ${rounds} rounds alternating, medians · load average ${loadavg()[0].toFixed(1)}`,
    '',
    '| | without the walk (`--no-keyboard`) | with the walk | added |',
    '| --- | ---: | ---: | ---: |',
    `| audit stage, ten pages (ms) | ${m('none', 'stage')} | ${m('walk', 'stage')} | ${added('stage').toFixed(0)} % |`,
    `| per page (ms) | ${(m('none', 'stage') / urls.length).toFixed(0)} | ${(m('walk', 'stage') / urls.length).toFixed(0)} | |`,
    `| whole run, browser start included (s) | ${(m('none', 'total') / 1000).toFixed(1)} | ${(m('walk', 'total') / 1000).toFixed(1)} | ${added('total').toFixed(0)} % |`,
    `| the walks themselves (ms, from report.json) | — | ${m('walk', 'walkMs')} (${m('walk', 'stops')} stops) | |`,
  ];
  return { urls, runs, lines: rows };
}

// ---- main -------------------------------------------------------------------------------------

const rounds = (() => {
  const i = process.argv.indexOf('--rounds');
  return i > 0 ? Math.max(1, Number(process.argv[i + 1]) || 3) : 3;
})();
// The peers are only needed when they are benchmarked.
const peersWanted = !only || only.some((k) => !k.startsWith('kanjian') && k !== 'keyboard');
if (peersWanted) ensurePeers();
if (!existsSync(join(ROOT, 'dist', 'cli', 'kanjian.mjs'))) execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
const server = await startServer({ extraRoots: [['/test-assets/', join(SHARED, 'corpus', 'act', 'test-assets')]] });
const urls = pageList(server.url);
const dir = mkdtempSync(join(tmpdir(), 'kanjian-bench-'));
const tools = (only && !only.some((k) => k !== 'keyboard') ? [] : [
  ['kanjian audit', 'kanjian', runKanjian],
  // The element screenshots' cost, in the same run: at most 1.5× the time without (docs/benchmarks.md).
  ['kanjian audit --screenshots violations', 'kanjian-shots', (u, d) => runKanjian(u, d, ['--screenshots', 'violations'], 'kanjian-shots')],
  ['@axe-core/playwright', 'axe-playwright', runAxePlaywright],
  ['@axe-core/cli', 'axe-cli', runAxeCli],
  ['pa11y-ci (axe runner)', 'pa11y-ci', runPa11yCi],
]).filter(([, key]) => !only || only.includes(key));

const load0 = loadavg();
const rows = [];
for (const [name, key, fn] of tools) {
  console.error(`bench: ${name} on ${urls.length} pages …`);
  const r = await fn(urls, dir);
  const audited = urls.filter((u) => r.pages[u]).length;
  const nodes = urls.reduce((s, u) => s + Object.values(r.pages[u] ?? {}).reduce((a, b) => a + b, 0), 0);
  rows.push({ name, key, version: r.version, axe: r.axe, code: r.code, seconds: r.ms / 1000, audited, ppm: (audited / r.ms) * 60000, peakMb: r.peakMb, nodes, pages: r.pages, stderr: r.stderr.slice(-400) });
  console.error(`bench: ${name}: ${audited}/${urls.length} pages in ${(r.ms / 1000).toFixed(1)} s, peak ${r.peakMb} MB, exit ${r.code}`);
}
let keyboard = null;
if (!only || only.includes('keyboard')) {
  console.error('bench: the keyboard walk on the BAD pages, with and without …');
  keyboard = await keyboardCost(server.url, dir, rounds);
}
await server.close();
const load1 = loadavg();

// Equal findings: same violation rules with the same node counts on every page, against kanjian's.
const k = rows.find((r) => r.key === 'kanjian');
for (const r of rows) {
  if (!k || r === k || r.key === 'kanjian-shots') continue;
  r.samePages = urls.filter((u) => JSON.stringify(Object.entries(r.pages[u] ?? {}).sort()) === JSON.stringify(Object.entries(k.pages[u] ?? {}).sort())).length;
}
const base = rows.find((r) => r.key === 'axe-playwright');
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^Chromium\s*/, '')}`;
const lines = [
  `Date ${date} · ${machine} · load average ${load0[0].toFixed(1)} → ${load1[0].toFixed(1)} (shared machine)`,
  '',
  '| tool | version (axe-core) | pages audited | time (s) | pages/min | × @axe-core/playwright | peak memory (MB, PSS) | violation nodes | same findings as kanjian |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) =>
    `| ${r.name} | ${r.version} (${r.axe}) | ${r.audited}/${urls.length} | ${r.seconds.toFixed(1)} | ${r.ppm.toFixed(1)} | ${base ? (r.ppm / base.ppm).toFixed(1) + '×' : '—'} | ${r.peakMb} | ${r.nodes} | ${r.key.startsWith('kanjian') ? '—' : `${r.samePages ?? 0}/${urls.length} pages`} |`,
  ),
];
const shots = rows.find((r) => r.key === 'kanjian-shots');
if (k && shots) {
  const files = existsSync(join(dir, 'kanjian-shots', 'screenshots')) ? readdirSync(join(dir, 'kanjian-shots', 'screenshots')).length : 0;
  lines.push('', `Element screenshots (\`--screenshots violations\`, ${files} pictures): ${shots.seconds.toFixed(1)} s against ${k.seconds.toFixed(1)} s without, ${(shots.seconds / k.seconds).toFixed(2)}× (budget 1.5×).`);
}
mkdirSync(OUT, { recursive: true });
if (keyboard) {
  writeFileSync(join(OUT, 'audit-keyboard-cost.json'), JSON.stringify({ machine, urls: keyboard.urls, runs: keyboard.runs }, null, 2));
  console.log(keyboard.lines.join('\n') + '\n');
  if (!only || (only.length === 1 && only[0] === 'keyboard')) writeResults(join(ROOT, 'docs', 'benchmarks-audit.md'), keyboard.lines.join('\n'), 'keyboard');
}
if (rows.length) {
  writeFileSync(join(OUT, 'audit-cli.json'), JSON.stringify({ date, machine, load: [load0, load1], urls, tags: TAGS, rows }, null, 2));
  console.log(lines.join('\n'));
  if (!process.argv.includes('--only')) writeResults(join(ROOT, 'docs', 'benchmarks-audit.md'), lines.join('\n'));
}
