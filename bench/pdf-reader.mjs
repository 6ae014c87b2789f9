#!/usr/bin/env node
// The PDF reader in Chromium with the built extension (.output/chrome-mv3; run `npm run build` first):
//
// - click → first readable text: from the trusted click on 用看见阅读 beside a link to the 50-page test
//   PDF (tests/fixtures/pdf/long-50.pdf, 1 MB) to the frame after the first page's text is in the reader
//   (the reader records performance.timeOrigin + its own mark; the click time is taken just before the
//   click, same clock). Also: to the whole document's text (all 50 pages reflowed). Reflow and page view.
// - bundle: what the reader page loads (its chunks and PDF.js's files) and the content script, with a
//   check that PDF.js is not in the content script.
//
//   node bench/pdf-reader.mjs [--reps N] [--json]
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findChromium, INSTALL_HINT } from '../tests/support/browsers.mjs';
import { startServer } from '../tests/support/server.mjs';
import { writeResults } from './doc-section.mjs';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const extension = join(repo, '.output', 'chrome-mv3');
const args = process.argv.slice(2);
const reps = Number(args[args.indexOf('--reps') + 1]) || 7;
const asJson = args.includes('--json');
const PDF = '/pdf/long-50.pdf';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p90: at(0.9), min: s[0], max: s[s.length - 1], n: s.length };
};

function dirSize(dir) {
  let raw = 0;
  let files = 0;
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    const st = statSync(p);
    if (st.isDirectory()) {
      const d = dirSize(p);
      raw += d.raw;
      files += d.files;
    } else {
      raw += st.size;
      files++;
    }
  }
  return { raw, files };
}

const fileSize = (p) => {
  const b = readFileSync(p);
  return { raw: b.length, gzip: gzipSync(b).length };
};

/** What the reader page loads: its HTML's scripts and styles (and their module preloads), and PDF.js. */
export function bundleSizes() {
  const html = readFileSync(join(extension, 'reader.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const reader = assets.map((a) => ({ file: a.slice(1), ...fileSize(join(extension, a)) }));
  const vendor = ['pdf.min.mjs', 'pdf.worker.min.mjs'].map((f) => ({ file: `vendor/pdfjs/${f}`, ...fileSize(join(extension, 'vendor', 'pdfjs', f)) }));
  const dirs = ['cmaps', 'standard_fonts', 'wasm'].map((d) => ({ dir: `vendor/pdfjs/${d}/`, ...dirSize(join(extension, 'vendor', 'pdfjs', d)) }));
  const content = fileSize(join(extension, 'loader.js'));
  const contentText = readFileSync(join(extension, 'loader.js'), 'utf8');
  const pdfjsInContent = /GlobalWorkerOptions|pdf\.worker|getDocument\(/.test(contentText);
  return { reader, vendor, dirs, content, pdfjsInContent };
}

async function measure(context, server, view, n) {
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const site = `http://127.0.0.1:${server.port}`;
  await sw.evaluate((items) => chrome.storage.local.set(items), { [`site:${site}`]: { toolbarOpen: true }, [`pdf:${site}`]: { openInReader: false, view } });
  const first = [];
  const all = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    await page.goto(`${site}/attachments.html`);
    const control = page.getByRole('button', { name: /^用看见阅读 PDF/ });
    await control.waitFor();
    const box = await control.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const opened = context.waitForEvent('page');
    const t0 = Date.now();
    await page.mouse.down();
    await page.mouse.up();
    const reader = await opened;
    await reader.waitForFunction(() => window.__kanjianReader?.state === 'ready', null, { timeout: 120_000 });
    const r = await reader.evaluate(() => ({ origin: performance.timeOrigin, first: window.__kanjianReader.firstTextMs, all: window.__kanjianReader.allTextMs, pages: window.__kanjianReader.numPages }));
    if (r.pages !== 50) throw new Error(`expected 50 pages, reader saw ${r.pages}`);
    first.push(Math.round(r.origin + r.first - t0));
    all.push(Math.round(r.origin + r.all - t0));
    await reader.close();
    await page.close();
  }
  return { first: stats(first), all: stats(all) };
}

export async function benchPdfReader({ reps: n = reps } = {}) {
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT.chromium);
  const server = await startServer({
    extraRoots: [['/pdf/', join(repo, 'tests', 'fixtures', 'pdf')]],
    handler: (req, res, url) => {
      if (url.pathname !== '/attachments.html') return false;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告</title></head><body><main><h1>关于印发年度报告的通知</h1><p>附件：<a href="${PDF}">年度报告汇编（PDF，1 MB，50页）</a></p></main></body></html>`);
      return true;
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'kanjian-bench-pdf-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, viewport: { width: 1280, height: 800 }, args: chromiumArgs(extension) });
  try {
    // One warm-up open: the first extension page of a fresh profile pays one-off costs.
    await measure(context, server, 'reflow', 1);
    const reflow = await measure(context, server, 'reflow', n);
    const page = await measure(context, server, 'page', n);
    return { reflow, page, bundle: bundleSizes() };
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

function markdown(r, load) {
  const row = (name, s) => `| ${name} | ${s.median} | ${s.p90} | ${s.min}–${s.max} |`;
  const lines = [
    `- Date: ${new Date().toUTCString()}`,
    `- Machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? ''}; Node ${process.version}; load average ${load.map((x) => x.toFixed(2)).join(' ')} at the start (a shared machine: medians swing between runs)`,
    `- Input: tests/fixtures/pdf/long-50.pdf (50 pages, ${kb(statSync(join(repo, 'tests', 'fixtures', 'pdf', 'long-50.pdf')).size)}, tagged, Noto CJK embedded), served from 127.0.0.1; ${r.reflow.first.n} opens per view after one warm-up`,
    '',
    '| click → … (ms) | median | p90 | range |',
    '| --- | ---: | ---: | ---: |',
    row('first readable text, reflow view', r.reflow.first),
    row('whole document reflowed (50 pages), reflow view', r.reflow.all),
    row('first readable text, page view (page 1 drawn with its text layer)', r.page.first),
    row('whole document text read, page view', r.page.all),
    '',
    '| what the reader loads | raw | gzip |',
    '| --- | ---: | ---: |',
    ...r.bundle.reader.map((f) => `| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    ...r.bundle.vendor.map((f) => `| ${f.file} (PDF.js, unmodified) | ${kb(f.raw)} | ${kb(f.gzip)} |`),
    ...r.bundle.dirs.map((d) => `| ${d.dir} (${d.files} files, read only when a PDF needs them) | ${kb(d.raw)} | |`),
    '',
    `Content script: ${kb(r.bundle.content.raw)} (${kb(r.bundle.content.gzip)} gzip); PDF.js in the content script: ${r.bundle.pdfjsInContent ? '**yes (bug)**' : 'no'}.`,
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const load = loadavg();
  const r = await benchPdfReader();
  if (asJson) console.log(JSON.stringify(r, null, 1));
  const md = markdown(r, load);
  console.log(md);
  writeResults(join(repo, 'docs', 'benchmarks-pdf-reader.md'), md);
  if (r.bundle.pdfjsInContent) process.exit(1);
}
