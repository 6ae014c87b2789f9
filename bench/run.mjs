#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other on the same machine, each printing its table
// (kanjian beside the peers named in its issue, measured in the same run); the tables are gathered
// into docs/benchmarks.md with the date and machine. Build first: the page benchmarks load .output/.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const only = process.argv.slice(2);
const BENCHES = [
  ['convert-engine', 'bench/convert-engine.mjs', 'docs/benchmarks-convert-engine.md', '繁体版 engine: kanjian vs opencc-js vs simplecc-wasm'],
  ['page-convert', 'bench/page-convert.mjs', 'docs/benchmarks-page.md', '繁体版 and audit in Chromium with the extension'],
  ['display-scheme', 'bench/display-scheme.mjs', 'docs/benchmarks-display.md', 'Colour scheme switch on a 10,000-node page'],
  ['audit-cli', 'bench/audit-cli.mjs', 'docs/benchmarks-audit.md', 'kanjian audit vs @axe-core/cli vs pa11y-ci'],
  ['frames', 'bench/frames.mjs', 'docs/benchmarks-frames.md', 'Frames: 20 iframes, click → every frame converted; idle cost with and without kanjian'],
  ['audit-extension', 'bench/audit-extension.mjs --baseline a1175aa --write', 'docs/benchmarks-audit-extension.md', 'In-browser audit: toolbar click to verdict, against the build before per-frame runPartial'],
  ['idle', 'bench/idle.mjs', 'docs/benchmarks-idle.md', 'Idle cost (nothing on), opening the toolbar, long tasks on an 80,000-element page'],
  ['pdf-reader', 'bench/pdf-reader.mjs', 'docs/benchmarks-pdf-reader.md', 'PDF reader: click to first readable text on a 50-page PDF, bundle size'],
];

// --compose: rebuild docs/benchmarks.md from the docs the benchmarks wrote, without running them.
const composeOnly = only.includes('--compose');
const ran = [];
if (composeOnly) {
  for (const [name, , doc, title] of BENCHES) ran.push([name, 'ok', doc, title, '']);
} else {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  for (const [name, script, doc, title] of BENCHES) {
    if (only.length && !only.includes(name)) continue;
    const [file, ...scriptArgs] = script.split(' ');
    if (!existsSync(join(repo, file))) {
      console.log(`(skipping ${name}: ${script} not present)`);
      continue;
    }
    console.log(`\n=== ${name}: ${title}`);
    const r = spawnSync('node', [file, ...scriptArgs], { cwd: repo, stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 << 20 });
    process.stdout.write(r.stdout ?? '');
    ran.push([name, r.status === 0 ? 'ok' : `failed (${r.status})`, doc, title, r.stdout ?? '']);
  }
}
let cpu = cpus()[0]?.model ?? 'unknown CPU';
try {
  cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
} catch {
  // not Linux
}
const docPath = join(repo, 'docs', 'benchmarks.md');
const previousRun = existsSync(docPath) ? /^Last full run: .*$/m.exec(readFileSync(docPath, 'utf8'))?.[0] : undefined;
const parts = [
  '# kanjian benchmarks',
  '',
  composeOnly && previousRun
    ? previousRun
    : `Last full run: ${new Date().toISOString()} on ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`,
  'Regenerate with `npm run bench` (or `npm run bench -- page-convert` for one). Each section below is written by its',
  'own script in the same run; peers are measured beside kanjian on the same input.',
  '',
];
for (const [name, status, doc, title, out] of ran) {
  parts.push(`## ${title}`, '', `(\`${name}\`: ${status})`, '');
  // Scripts that write their own doc are quoted from it; the others from what they printed.
  // The doc's own headings go one level down, under this file's section heading.
  if (existsSync(join(repo, doc))) parts.push(readFileSync(join(repo, doc), 'utf8').replace(/^# .*\n/, '').replace(/^(#+) /gm, '#$1 ').trim(), '');
  else parts.push('```', out.trim(), '```', '');
}
if (!only.length || composeOnly) writeFileSync(docPath, parts.join('\n'));
console.log(only.length && !composeOnly ? '' : '\nwrote docs/benchmarks.md');
process.exit(composeOnly || ran.every((r) => r[1] === 'ok') ? 0 : 1);
