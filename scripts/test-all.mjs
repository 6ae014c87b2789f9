#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, Chromium end-to-end, Firefox smoke, web-ext lint.
// Every stage runs even if an earlier one failed, and the last line is the plain
// `N passed, N failed` that CI reads (test cases of every suite, plus one per check stage).
// Before the browser suites it finds (or installs) the browsers and the real speech engine; skipped
// tests are counted by reason just above the last line.
//
//   node scripts/test-all.mjs [stage …] [-- filter …]   e.g. `chromium firefox -- speech` (the
//   filters go to every test runner run: Vitest and Playwright file filters)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBrowsers } from './provision-browsers.mjs';
import { ensureSpeech } from './provision-speech.mjs';
import { playwrightCounts, playwrightSkipReasons, skipLines, vitestCounts, vitestSkipReasons } from './test-reports.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const results = join(root, 'out', 'test-results');
mkdirSync(results, { recursive: true });
const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const only = dashes < 0 ? argv : argv.slice(0, dashes);
const filters = dashes < 0 ? [] : argv.slice(dashes + 1);
const want = (name) => only.length === 0 || only.includes(name);

const bin = (name) => join(root, 'node_modules', '.bin', name);
const rows = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(cmd, args, extraEnv = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return { ok: r.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function check(name, cmd, args, env) {
  if (!want(name)) return true;
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = run(cmd, args, env);
  if (r.ok) passed++;
  else failed++;
  rows.push([name, r.ok ? 'ok' : 'FAILED', r.ok ? '1 passed' : '1 failed', r.seconds]);
  return r.ok;
}

const REPORTS = {
  playwright: { counts: playwrightCounts, skips: playwrightSkipReasons },
  vitest: { counts: vitestCounts, skips: vitestSkipReasons },
};
/** Per suite run, why its skipped tests were skipped. */
const skipsBySuite = [];

function suite(name, cmd, args, reportFile, kind, env) {
  if (!want(name)) return;
  args = [...args, ...filters];
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  rmSync(reportFile, { force: true });
  const r = run(cmd, args, env);
  let c = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(reportFile)) {
    try {
      const report = JSON.parse(readFileSync(reportFile, 'utf8'));
      c = REPORTS[kind].counts(report);
      skipsBySuite.push([name, REPORTS[kind].skips(report)]);
    } catch {
      c = { passed: 0, failed: 1, skipped: 0 };
    }
  }
  // A runner that failed without reporting a failed test (crash, config error) still counts as a failure.
  if (!r.ok && c.failed === 0) c.failed = 1;
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  rows.push([name, r.ok ? 'ok' : 'FAILED', `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`, r.seconds]);
}

if (check('typecheck', bin('wxt'), ['prepare']) && want('typecheck')) check('tsc', bin('tsc'), ['--noEmit', '-p', '.']);
check('lint', bin('eslint'), ['.', '--max-warnings', '0']);
suite('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${join(results, 'unit.json')}`], join(results, 'unit.json'), 'vitest');
const built = check('build', 'npm', ['run', '--silent', 'build:all']);
const browsers = want('chromium') || want('firefox') || want('cli') ? ensureBrowsers() : { chromium: null, firefox: null };
// The read-aloud tests of both browser suites speak through a real engine (tests/support/speech.mjs).
const speech = want('chromium') || want('firefox') ? ensureSpeech() : null;
if (want('chromium')) {
  if (!built || !browsers.chromium) {
    failed++;
    rows.push(['chromium', 'FAILED', built ? 'no Chromium (see message above)' : 'build failed', '0']);
  } else {
    suite('chromium', bin('playwright'), ['test', '-c', 'playwright.config.ts'], join(results, 'chromium.json'), 'playwright', {
      KANJIAN_CHROMIUM: browsers.chromium,
    });
  }
}
if (want('firefox')) {
  if (!built || !browsers.firefox) {
    failed++;
    rows.push(['firefox', 'FAILED', built ? 'no Firefox (see message above)' : 'build failed', '0']);
  } else {
    suite('firefox', bin('playwright'), ['test', '-c', 'playwright.firefox.config.ts'], join(results, 'firefox.json'), 'playwright', {
      KANJIAN_FIREFOX: browsers.firefox,
    });
  }
}
// The `kanjian audit` CLI end to end (its own Playwright config: no extension fixture).
if (want('cli') && existsSync(join(root, 'playwright.cli.config.ts'))) {
  if (!browsers.chromium) {
    failed++;
    rows.push(['cli', 'FAILED', 'no Chromium (see message above)', '0']);
  } else {
    suite('cli', bin('playwright'), ['test', '-c', 'playwright.cli.config.ts'], join(results, 'cli.json'), 'playwright', {
      KANJIAN_CHROMIUM: browsers.chromium,
      ...(browsers.firefox ? { KANJIAN_FIREFOX: browsers.firefox } : {}),
    });
  }
}
check('web-ext-lint', 'node', [join(root, 'scripts', 'web-ext-lint.mjs')]);

console.log('\nstage           result  tests                             seconds');
for (const [name, res, counts, secs] of rows) console.log(`${name.padEnd(16)}${res.padEnd(8)}${counts.padEnd(34)}${secs}`);
if (speech?.installed.length) console.log(`\nspeech engine: ${speech.note}`);
if (skipped) {
  console.log('');
  for (const line of skipLines(skipsBySuite)) console.log(line);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
