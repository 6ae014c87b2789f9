#!/usr/bin/env node
// Builds the PDFs the reader is tested and benchmarked on (tests/fixtures/pdf/), and records their
// text content as pdf.js gives it (tests/fixtures/pdf/recorded/*.json) for the reflow unit tests.
//
//   policy-zh-hans.pdf   a Simplified Chinese 政策文件: several pages, headings, lists, a table
//                        (Chromium's page.pdf() from HTML: a tagged PDF with a text layer and an outline)
//   policy-zh-hant.pdf   the same document in Traditional Chinese (converted with opencc-js, 台灣)
//   scanned.pdf          image-only pages (screenshots of the same document embedded with pdf-lib)
//   protected.pdf        encrypted with a user password (standard security handler, RC4 128-bit, R3)
//   broken.pdf           a PDF header followed by bytes that are no PDF
//   long-50.pdf          50 pages of the same kind of text, for the benchmark
//
// The outputs are committed (Chromium's PDFs carry dates and ids, so a rebuild is never byte-identical,
// and the unit tests' recorded text must match the committed files); run this script after changing it.
// Needs Chromium (see tests/support/browsers.mjs) and the Noto CJK fonts for the Chinese text.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFArray, PDFDict, PDFRawStream, PDFStream, PDFString, StandardFonts } from 'pdf-lib';
import * as OpenCC from 'opencc-js';
import { findChromium } from '../tests/support/browsers.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(ROOT, 'tests', 'fixtures', 'pdf');
const RECORDED = join(OUT, 'recorded');
const DEMO = join(ROOT, 'tests', 'fixtures', 'pages', 'zhonglou-2006.html');

/** The demo page's article: its title, and its sections (h2 + paragraphs), straight from the HTML. */
function demoArticle() {
  const html = readFileSync(DEMO, 'utf8');
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
  const title = /<h1>([^<]*)<\/h1>/.exec(article)[1];
  const sections = [];
  for (const m of article.matchAll(/<h2>([^<]*)<\/h2>|<p>([^<]*)<\/p>/g)) {
    if (m[1]) sections.push({ heading: m[1], paragraphs: [] });
    else if (m[2] && sections.length) sections.at(-1).paragraphs.push(m[2]);
  }
  return { title, sections };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The 政策文件 as HTML: 文号, title, sections with headings, a numbered list, and a table. */
function policyHtml({ lang, repeat = 1 }) {
  const { title, sections } = demoArticle();
  const body = [];
  body.push('<p class="docno">钟政发〔2006〕1号</p>');
  body.push(`<h1>${esc(title)}</h1>`);
  body.push('<p class="to">各街道办事处，区各部门、各直属单位：</p>');
  for (let r = 0; r < repeat; r++) {
    for (const [i, s] of sections.entries()) {
      body.push(`<h2>${esc(s.heading)}</h2>`);
      const [lead, ...rest] = s.paragraphs;
      body.push(`<p>${esc(lead)}</p>`);
      // Each section's themes as （一）（二）… sub-headings, as 政策文件 are numbered.
      rest.forEach((p, j) => {
        const cut = p.indexOf('。');
        body.push(`<h3>（${'一二三四五六七八九十'[j]}）${esc(p.slice(0, cut))}</h3>`);
        body.push(`<p>${esc(p.slice(cut + 1))}</p>`);
      });
      if (i === 0 && r === 0) {
        body.push('<p>二〇〇六年的主要工作目标是：</p>');
        body.push('<ol>');
        for (const item of ['地区生产总值增长15%以上；', '财政总收入增长18%以上；', '城镇居民人均可支配收入增长12%；', '城镇登记失业率控制在4%以内。']) body.push(`<li>${item}</li>`);
        body.push('</ol>');
      }
      if (i === 1 && r === 0) {
        body.push('<table><caption>表1 重点项目推进安排</caption><thead><tr><th>项目名称</th><th>责任单位</th><th>完成时限</th></tr></thead><tbody>');
        for (const row of [
          ['龙江路南段建设', '区建设局', '2006年10月'],
          ['西新桥小学易地新建', '区教育局', '2006年8月'],
          ['青枫公园二期', '区城管局', '2006年12月'],
          ['数字社区建设', '区民政局', '2006年11月'],
        ])
          body.push(`<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`);
        body.push('</tbody></table>');
      }
    }
  }
  body.push('<p class="sign">常州市钟楼区人民政府<br>2006年1月5日</p>');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
  body{font-family:"Noto Sans CJK SC",sans-serif;font-size:16pt;line-height:1.6;margin:0}
  h1{font-size:22pt;text-align:center;margin:12pt 0 18pt}
  h2{font-size:17pt;margin:14pt 0 6pt}
  h3{font-size:16pt;margin:8pt 0 2pt;font-weight:bold}
  p{text-indent:2em;margin:0 0 4pt}
  .docno{text-align:center;text-indent:0}
  .to{text-indent:0}
  .sign{text-align:right;margin-top:24pt}
  ol{margin:4pt 0 8pt 2em;padding-left:1.5em}
  table{border-collapse:collapse;margin:8pt auto;width:90%}
  caption{font-weight:bold;margin-bottom:4pt}
  th,td{border:1px solid #000;padding:3pt 8pt;text-align:left;font-size:14pt}
  </style></head><body>${body.join('\n')}</body></html>`;
}

/** A long report: `pages` pages, each one forced by a page break, each with a heading and text. */
function longHtml(pages) {
  const { title, sections } = demoArticle();
  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const body = [`<h1>${esc(title)}（汇编）</h1>`];
  for (let i = 0; i < pages; i++) {
    const s = sections[i % sections.length];
    body.push(`<section${i < pages - 1 ? ' style="break-after:page"' : ''}><h2>第${i + 1}部分 ${esc(s.heading)}</h2>`);
    let chars = 0;
    for (let j = 0; chars < 520; j++) {
      const p = paragraphs[(i * 3 + j) % paragraphs.length].slice(0, 520 - chars);
      chars += p.length;
      body.push(`<p>${esc(p)}</p>`);
    }
    body.push('</section>');
  }
  return policyHtml({ lang: 'zh-CN' }).replace(/<body>[\s\S]*<\/body>/, `<body>${body.join('\n')}</body>`);
}

async function printedPages(page, html) {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', margin: { top: '25mm', bottom: '25mm', left: '25mm', right: '25mm' }, tagged: true, outline: true });
  return { pdf, count: (await PDFDocument.load(pdf)).getPageCount() };
}

function toTraditional(html) {
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return html.replace(/>([^<]+)</g, (_, text) => `>${convert(text)}<`).replace('lang="zh-CN"', 'lang="zh-TW"').replace(/CJK SC/g, 'CJK TC');
}

// ---- standard security handler (PDF 32000-1 §7.6.3, revision 3, RC4 128-bit) ------------------
// pdf-lib cannot encrypt; writing the handler here keeps the build free of system tools (qpdf).

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const rc4Rounds = (key, data) => {
  let out = rc4(key, data);
  for (let i = 1; i <= 19; i++) out = rc4(Buffer.from(key.map((b) => b ^ i)), out);
  return out;
};

function securityValues(userPassword, ownerPassword, permissions, id0) {
  let ownerKey = md5(padded(ownerPassword));
  for (let i = 0; i < 50; i++) ownerKey = md5(ownerKey);
  const O = rc4Rounds(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  let key = md5(padded(userPassword), O, p, id0);
  for (let i = 0; i < 50; i++) key = md5(key);
  const U = Buffer.concat([rc4Rounds(key, md5(PAD, id0)), Buffer.alloc(16)]);
  return { O, U, key };
}

function objectKey(fileKey, ref) {
  const n = Buffer.from([ref.objectNumber & 255, (ref.objectNumber >> 8) & 255, (ref.objectNumber >> 16) & 255, ref.generationNumber & 255, (ref.generationNumber >> 8) & 255]);
  return md5(fileKey, n).subarray(0, Math.min(fileKey.length + 5, 16));
}

function encryptStrings(obj, key) {
  if (obj instanceof PDFDict) {
    for (const [k, v] of obj.entries()) {
      const e = encryptStrings(v, key);
      if (e !== v) obj.set(k, e);
    }
  } else if (obj instanceof PDFArray) {
    for (let i = 0; i < obj.size(); i++) {
      const v = obj.get(i);
      const e = encryptStrings(v, key);
      if (e !== v) obj.set(i, e);
    }
  } else if (obj instanceof PDFString || obj instanceof PDFHexString) {
    return PDFHexString.of(rc4(key, Buffer.from(obj.asBytes())).toString('hex'));
  }
  return obj;
}

async function protectedPdf() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('This document needs a password.', { x: 72, y: 760, size: 18, font });
  const ctx = doc.context;
  const id0 = randomBytes(16);
  const { O, U, key } = securityValues('kanjian-user', 'kanjian-owner', -3904, id0);
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    const k = objectKey(key, ref);
    if (obj instanceof PDFStream) {
      encryptStrings(obj.dict, k);
      const contents = obj instanceof PDFRawStream ? obj.contents : obj.getContents();
      ctx.assign(ref, PDFRawStream.of(obj.dict, rc4(k, Buffer.from(contents))));
    } else {
      encryptStrings(obj, k);
    }
  }
  const encrypt = ctx.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(2),
    R: PDFNumber.of(3),
    Length: PDFNumber.of(128),
    O: PDFHexString.of(O.toString('hex')),
    U: PDFHexString.of(U.toString('hex')),
    P: PDFNumber.of(-3904),
  });
  ctx.trailerInfo.Encrypt = ctx.register(encrypt);
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id0.toString('hex')), PDFHexString.of(id0.toString('hex'))]);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}

/** Image-only pages: what a scanner gives. Screenshots of the policy document, one per page. */
async function scannedPdf(browserPage) {
  await browserPage.setViewportSize({ width: 794, height: 1123 });
  await browserPage.setContent(policyHtml({ lang: 'zh-CN' }).replace('margin:0}', 'margin:0;padding:60px 70px}'));
  const doc = await PDFDocument.create();
  for (let i = 0; i < 2; i++) {
    const png = await browserPage.screenshot({ fullPage: true, clip: { x: 0, y: i * 1123, width: 794, height: 1123 } });
    const image = await doc.embedPng(png);
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
  }
  return doc.save();
}

/** Broken: a PDF header, then bytes that are no PDF (what a cut-off download or a bad server gives). */
function brokenPdf() {
  const garbage = Buffer.alloc(4096);
  let x = 0x2545;
  for (let i = 0; i < garbage.length; i++) garbage[i] = (x = (x * 1103515245 + 12345) & 0x7fffffff) >> 16;
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), garbage]);
}

/** Records pdf.js's text content of each page (what the reflow extraction reads) as JSON. */
async function recordTextContent(file) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(readFileSync(join(OUT, file)));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    const content = await page.getTextContent({ includeMarkedContent: true });
    const r2 = (n) => Math.round(n * 100) / 100;
    pages.push({
      pageNumber: n,
      width: r2(vp.width),
      height: r2(vp.height),
      items: content.items.map((it) =>
        'str' in it
          ? { str: it.str, transform: it.transform.map(r2), width: r2(it.width), height: r2(it.height), ...(it.hasEOL ? { hasEOL: true } : {}) }
          : { type: it.type, ...(it.id ? { id: it.id } : {}), ...(it.tag ? { tag: it.tag } : {}) },
      ),
      structTree: await page.getStructTree(),
    });
  }
  const meta = await doc.getMetadata();
  const outline = await doc.getOutline();
  const simplify = (items) => (items ?? []).map((o) => ({ title: o.title, items: simplify(o.items) }));
  await doc.destroy();
  return { file, numPages: pages.length, info: { Title: meta.info?.Title ?? null, Language: meta.info?.Language ?? null }, outline: simplify(outline), pages };
}

async function main() {
  mkdirSync(RECORDED, { recursive: true });
  const executablePath = findChromium();
  if (!executablePath) throw new Error('build-test-pdfs: Chromium not found (set KANJIAN_CHROMIUM)');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    const printed = async (html, file) => {
      const { pdf } = await printedPages(page, html);
      writeFileSync(join(OUT, file), pdf);
      console.log(`${file}: ${pdf.length} bytes`);
    };
    const hans = policyHtml({ lang: 'zh-CN' });
    await printed(hans, 'policy-zh-hans.pdf');
    await printed(toTraditional(hans), 'policy-zh-hant.pdf');
    const long = await printedPages(page, longHtml(50));
    writeFileSync(join(OUT, 'long-50.pdf'), long.pdf);
    console.log(`long-50.pdf: ${long.pdf.length} bytes, ${long.count} pages`);
    if (long.count !== 50) throw new Error(`long-50.pdf has ${long.count} pages`);
    writeFileSync(join(OUT, 'scanned.pdf'), await scannedPdf(page));
  } finally {
    await browser.close();
  }
  writeFileSync(join(OUT, 'protected.pdf'), await protectedPdf());
  writeFileSync(join(OUT, 'broken.pdf'), brokenPdf());
  for (const file of ['policy-zh-hans.pdf', 'policy-zh-hant.pdf', 'scanned.pdf']) {
    const rec = await recordTextContent(file);
    writeFileSync(join(RECORDED, file.replace(/\.pdf$/, '.json')), JSON.stringify(rec) + '\n');
    console.log(`recorded/${file.replace(/\.pdf$/, '.json')}: ${rec.numPages} pages`);
  }
}

await main();
