#!/usr/bin/env node
// In-browser audit, as the user meets it: press 无障碍检查 on the toolbar → the report tab shows its
// verdict. Median of N runs per page. Give several builds with --ext to compare them in the same run
// (runs alternate between builds, so machine load hits them alike). --baseline REV builds the extension
// as it was at a git revision (a temporary worktree sharing node_modules) and measures it beside this
// build: the trust-boundary work promised the audit stays within 10 % of the build before it.
//
//   node bench/audit-extension.mjs [--reps N] [--ext DIR[=label]]... [--baseline REV] [--write]
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../tests/support/browsers.mjs';
import { startServer } from '../tests/support/server.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 7;
const exts = args.flatMap((a, i) => (a === '--ext' ? [args[i + 1]] : [])).map((spec) => {
  // DIR=label=exclude: that build audits without the rules named by --exclude-rules (to compare like
  // with like against a build that did not have them).
  const [dir, label, how] = spec.split('=');
  return { dir: resolve(dir), label: label ?? dir, exclude: how === 'exclude' };
});
if (!exts.length) exts.push({ dir: join(repo, '.output', 'chrome-mv3'), label: 'kanjian (this build)' });
const excludeRules = args.includes('--exclude-rules') ? args[args.indexOf('--exclude-rules') + 1].split(',').filter(Boolean) : [];
const baselineRev = args.includes('--baseline') ? args[args.indexOf('--baseline') + 1] : null;
let baselineTree = null;
if (baselineRev) {
  baselineTree = mkdtempSync(join(tmpdir(), 'kanjian-baseline-'));
  const sh = (cmd, a, cwd) => {
    const r = spawnSync(cmd, a, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${a.join(' ')} failed`);
  };
  sh('git', ['worktree', 'add', '--detach', baselineTree, baselineRev], repo);
  symlinkSync(join(repo, 'node_modules'), join(baselineTree, 'node_modules'));
  sh('npx', ['wxt', 'build'], baselineTree);
  if (!existsSync(join(baselineTree, '.output', 'chrome-mv3', 'manifest.json'))) throw new Error(`no build at ${baselineRev}`);
  exts.unshift({ dir: join(baselineTree, '.output', 'chrome-mv3'), label: `before (${baselineRev.slice(0, 7)})` });
}

const PAGES = [
  ['demo page (zhonglou-2006)', '/zhonglou-2006.html'],
  ['W3C BAD before/news', '/corpus/bad/before/news.html'],
  ['nested frames, one cross-origin', null],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const server2 = await startServer();
PAGES[2][1] = `/audit/frames-outer.html?cross=${encodeURIComponent(`${server2.url}/audit/frame-cross.html`)}`;

async function open(ext) {
  const profile = mkdtempSync(join(tmpdir(), 'kanjian-bench-audit-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: chromiumArgs(ext.dir),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { ...ext, context, sw, profile, times: PAGES.map(() => []) };
}

async function once(b, path) {
  await b.sw.evaluate(() => chrome.storage.local.clear());
  if (b.exclude) await b.sw.evaluate((ids) => chrome.storage.local.set({ 'settings.global': { auditRulesExclude: ids } }), excludeRules);
  const page = await b.context.newPage();
  await page.goto(server.url + path, { waitUntil: 'load' });
  await page.getByRole('button', { name: '无障碍浏览' }).click();
  const button = page.getByRole('toolbar', { name: '无障碍工具栏' }).getByRole('button', { name: '无障碍检查' });
  await button.waitFor();
  const reportP = b.context.waitForEvent('page', { predicate: (p) => p.url().includes('/report.html'), timeout: 120_000 });
  const t0 = Date.now();
  await button.click();
  const report = await reportP;
  await report.locator('#verdict').waitFor({ timeout: 120_000 });
  const ms = Date.now() - t0;
  await report.close();
  await page.close();
  return ms;
}

const builds = [];
for (const e of exts) builds.push(await open(e));
for (let r = 0; r < reps; r++) {
  for (const b of builds) for (let i = 0; i < PAGES.length; i++) b.times[i].push(await once(b, PAGES[i][1]));
}
for (const b of builds) {
  await b.context.close();
  rmSync(b.profile, { recursive: true, force: true });
}
await server.close();
await server2.close();
if (baselineTree) spawnSync('git', ['worktree', 'remove', '--force', baselineTree], { cwd: repo });

const lines = [
  `| page | ${builds.map((b) => b.label).join(' | ')} |`,
  `| --- | ${builds.map(() => '---:').join(' | ')} |`,
  ...PAGES.map(([name], i) => `| ${name} | ${builds.map((b) => `${median(b.times[i])} ms`).join(' | ')} |`),
];
console.log(`Toolbar click → report verdict shown, median of ${reps} (${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()})\n`);
console.log(lines.join('\n'));
if (args.includes('--write')) {
  const { writeResults } = await import('./doc-section.mjs');
  const ratio = builds.length > 1 ? ['', `| change, last vs first | ${PAGES.map((_, i) => `${Math.round((median(builds.at(-1).times[i]) / median(builds[0].times[i]) - 1) * 100)} %`).join(' · ')} |`] : [];
  writeResults(join(repo, 'docs', 'benchmarks-audit-extension.md'), [`Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, median of ${reps}.`, '', ...lines, ...ratio].join('\n'));
}
