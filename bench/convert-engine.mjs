#!/usr/bin/env node
// Conversion engine benchmark: kanjian vs opencc-js vs simplecc-wasm, same run, same input.
//
//   node bench/convert-engine.mjs [--reps N] [--directions cn-tw,tw-cn] [--no-write]
//
// For each engine and direction:
//   cold start  load + first conversion of the seed page (one real page, ~6k characters), each in a
//               fresh `node` process so no module or JIT cache helps; median of N processes
//   throughput  the seed text repeated to 1 MiB of UTF-8; after 3 warm-up runs, median of 9 runs
//               (MB/s = MiB of UTF-8 input per second)
//   memory      heap used (and heap + external, where typed arrays and wasm memory live) after
//               building the converter and converting a first string, fresh process with
//               --expose-gc, after gc(); median of 3 processes
// Prints a markdown table and writes it to docs/benchmarks-convert-engine.md with the date and machine.

import { Buffer } from 'node:buffer';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedPath = resolve(repo, '../shared/corpus/seed/000_d28395905591496d.txt');

// simplecc-wasm config names; it has no tw2s / tw2sp.
const SIMPLECC = { 'cn-tw': 's2tw', 'cn-twp': 's2twp', 'cn-hk': 's2hk', 'cn-t': 's2t', 't-cn': 't2s', 'hk-cn': 'hk2s' };
const ENGINES = ['kanjian', 'opencc-js', 'simplecc-wasm'];

function parseArgs(argv) {
  const opts = { reps: 7, directions: ['cn-tw', 'cn-twp', 'tw-cn', 't-cn'], write: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reps') opts.reps = Math.max(1, Number(argv[++i]));
    else if (argv[i] === '--directions') opts.directions = String(argv[++i]).split(',');
    else if (argv[i] === '--no-write') opts.write = false;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return opts;
}

// The code each measurement process runs. Kept as a string: every run is `node child.mjs …`.
const CHILD = String.raw`
const t0 = performance.now();
const [mode, engine, direction, inputPath, seedPath, enginePath, dictDir, simpleccName, openccUrl, simpleccPath] = process.argv.slice(2);
const { readFileSync } = await import('node:fs');
const [from, to] = direction.split('-');
async function make() {
  if (engine === 'kanjian') {
    const k = await import(enginePath);
    return k.loadConverterNode(from, to, { dictDir }).convert;
  }
  if (engine === 'opencc-js') {
    const OpenCC = await import(openccUrl);
    return OpenCC.Converter({ from, to });
  }
  const { createRequire } = await import('node:module');
  const { simplecc } = createRequire(import.meta.url)(simpleccPath);
  return (s) => simplecc(s, simpleccName);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
if (mode === 'cold') {
  const seed = readFileSync(seedPath, 'utf8');
  const convert = await make();
  const out = convert(seed);
  const t1 = performance.now();
  process.stdout.write(JSON.stringify({ ms: t1 - t0, check: out.length }));
} else if (mode === 'throughput') {
  const input = readFileSync(inputPath, 'utf8');
  const bytes = Buffer.byteLength(input);
  const convert = await make();
  let out = '';
  for (let i = 0; i < 3; i++) out = convert(input);
  const times = [];
  for (let i = 0; i < 15; i++) {
    const a = performance.now();
    out = convert(input);
    times.push(performance.now() - a);
  }
  const ms = median(times);
  const best = Math.min(...times);
  const { createHash } = await import('node:crypto');
  process.stdout.write(JSON.stringify({ ms, mbps: bytes / 1048576 / (ms / 1000), bestMbps: bytes / 1048576 / (best / 1000), bytes, hash: createHash('sha256').update(out).digest('hex') }));
} else if (mode === 'heap') {
  const mem = () => { globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); return { heap: m.heapUsed, total: m.heapUsed + m.external }; };
  const before = mem();
  const convert = await make();
  convert('测试一下，软件');
  const after = mem();
  globalThis.keep = convert;
  process.stdout.write(JSON.stringify({ heap: after.heap - before.heap, total: after.total - before.total }));
}
`;

function run(args, nodeFlags = []) {
  const out = execFileSync(process.execPath, [...nodeFlags, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const mb = (bytes) => (bytes / 1048576).toFixed(1);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const dictDir = join(repo, 'public', 'dict');
  if (!existsSync(join(dictDir, 'cn-tw.bin'))) {
    const { writeAll } = await import('../scripts/build-dicts.mjs');
    writeAll(dictDir);
  }
  const work = mkdtempSync(join(tmpdir(), 'kanjian-bench-'));
  try {
    // The engine as the CLI and extension ship it: bundled, one ES module.
    const esbuild = await import('esbuild');
    const enginePath = join(work, 'kanjian-engine.mjs');
    await esbuild.build({
      stdin: {
        contents: "export * from './src/convert/engine/index.ts';\nexport * from './src/convert/engine/node-loader.ts';\n",
        resolveDir: repo,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: enginePath,
      logLevel: 'warning',
    });
    const childPath = join(work, 'child.mjs');
    writeFileSync(childPath, CHILD);
    const openccUrl = import.meta.resolve('opencc-js');
    const simpleccPath = createRequire(import.meta.url).resolve('simplecc-wasm');

    const seed = readFileSync(seedPath, 'utf8');
    let input = '';
    while (Buffer.byteLength(input) < 1048576) input += seed;
    // Trim to at most 1 MiB on a character boundary.
    while (Buffer.byteLength(input) > 1048576) input = input.slice(0, input.length - Math.max(1, Math.floor((Buffer.byteLength(input) - 1048576) / 3)));
    const inputPath = join(work, 'input-1mib.txt');
    writeFileSync(inputPath, input);

    const rows = [];
    for (const direction of opts.directions) {
      const hashes = {};
      for (const engine of ENGINES) {
        const simpleccName = SIMPLECC[direction] ?? '';
        if (engine === 'simplecc-wasm' && !simpleccName) {
          rows.push({ direction, engine, na: true });
          continue;
        }
        const args = (mode) => [childPath, mode, engine, direction, inputPath, seedPath, enginePath, dictDir, simpleccName || '-', openccUrl, simpleccPath];
        const cold = [];
        for (let r = 0; r < opts.reps; r++) cold.push(run(args('cold')).ms);
        const tp = run(args('throughput'));
        hashes[engine] = tp.hash;
        const heaps = [];
        for (let r = 0; r < 3; r++) heaps.push(run(args('heap'), ['--expose-gc']));
        const row = {
          direction,
          engine,
          cold: median(cold),
          coldMin: Math.min(...cold),
          mbps: tp.mbps,
          bestMbps: tp.bestMbps,
          heap: median(heaps.map((h) => h.heap)),
          total: median(heaps.map((h) => h.total)),
        };
        rows.push(row);
        process.stderr.write(`${direction} ${engine}: cold ${row.cold.toFixed(1)} ms (best ${row.coldMin.toFixed(1)}), ${row.mbps.toFixed(1)} MB/s (best ${row.bestMbps.toFixed(1)}), heap ${mb(row.heap)} MB, heap+external ${mb(row.total)} MB\n`);
      }
      const same = hashes.kanjian === hashes['opencc-js'];
      rows.filter((r) => r.direction === direction && r.engine === 'kanjian').forEach((r) => (r.sameAsOpencc = same));
      if (!same) process.stderr.write(`WARNING: kanjian output differs from opencc-js for ${direction}\n`);
    }

    const loadEnd = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    const machine = {
      date: execSync('date -u', { encoding: 'utf8' }).trim(),
      nproc: execSync('nproc', { encoding: 'utf8' }).trim(),
      cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? 'unknown',
      node: process.version,
      load: `${loadStart} at the start, ${loadEnd} at the end`,
    };
    const lines = [
      '| direction | engine | cold start ms: median (best) | throughput MB/s: median (best) | heap used (MB) | heap + external (MB) | output = opencc-js |',
      '| --- | --- | ---: | ---: | ---: | ---: | :---: |',
      ...rows.map((r) =>
        r.na
          ? `| ${r.direction} | ${r.engine} | n/a | n/a | n/a | n/a | |`
          : `| ${r.direction} | ${r.engine} | ${r.cold.toFixed(1)} (${r.coldMin.toFixed(1)}) | ${r.mbps.toFixed(1)} (${r.bestMbps.toFixed(1)}) | ${mb(r.heap)} | ${mb(r.total)} | ${r.engine === 'kanjian' ? (r.sameAsOpencc ? 'yes' : '**NO**') : ''} |`,
      ),
    ];
    const table = lines.join('\n');
    process.stdout.write(`${table}\n`);
    if (opts.write) {
      const doc = `# Conversion engine benchmark

Generated by \`node bench/convert-engine.mjs\` (do not edit by hand).

- Date: ${machine.date}
- Machine: ${machine.nproc} CPUs (\`nproc\`), ${machine.cpu}; Node ${machine.node}; load average ${machine.load} (a shared machine: other work competes for the CPUs, so medians swing between runs; "best" is the fastest single measurement, closest to an idle machine)
- Input: the seed page text (\`shared/corpus/seed/000_d28395905591496d.txt\`) repeated to 1 MiB of UTF-8 (${Buffer.byteLength(input)} bytes, ${input.length} UTF-16 units)
- Cold start: a fresh \`node\` process per measurement, from before importing the engine to the end of the first conversion of the seed page (${seed.length} characters): load the module, read and parse the dictionary, build the converter, convert. Median of ${opts.reps} processes.
- Throughput: one process, 3 warm-up conversions of the 1 MiB input, then the median and the best of 15 (MB/s = MiB of UTF-8 input per second).
- Memory: \`process.memoryUsage()\` after \`gc()\` (node --expose-gc), after building the converter and converting a first string, minus the same before; kanjian's dictionaries and simplecc's wasm memory are outside the JS heap, hence the heap + external column. Median of 3 processes.
- "output = opencc-js": kanjian's output on the 1 MiB input hashes the same as opencc-js's.
- simplecc-wasm has no tw2s config, hence n/a.

${table}
`;
      writeFileSync(join(repo, 'docs', 'benchmarks-convert-engine.md'), doc);
      process.stderr.write('wrote docs/benchmarks-convert-engine.md\n');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
