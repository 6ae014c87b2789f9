// @vitest-environment jsdom
// Linked PDFs in an audit: which links are checked (same origin only), what the checks find in the
// committed test PDFs (opened with pdf.js's Node build, as the CLI does), and how the findings read in
// the report: 需复核 with WCAG / GB/T references, in Chinese.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkLinkedPdfs, PdfFetchFailure } from '../../../../src/audit/pdf/check';
import { linkedPdfs, parseLinkedPdfs, type LinkedPdf } from '../../../../src/audit/pdf/links';
import { pdfResults, withPdfResults } from '../../../../src/audit/pdf/results';
import type { GetDocument } from '../../../../src/audit/pdf/inspect';
import { buildReport, localizeFinding } from '../../../../src/audit/index';
import type { AxeResultsLike } from '../../../../src/audit/model';

const PDF_DIR = join(__dirname, '..', '..', '..', 'fixtures', 'pdf');
const PAGE = 'https://gov.example/news/1.html';

async function nodePdfjs(): Promise<GetDocument> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = join(__dirname, '..', '..', '..', '..', 'node_modules', 'pdfjs-dist');
  return (bytes) => lib.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, cMapUrl: `${root}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}/standard_fonts/` });
}

const link = (file: string): LinkedPdf => ({ url: `https://gov.example/files/${file}`, target: [`a[href$="${file}"]`], html: `<a href="/files/${file}">${file}</a>` });

/** Fetches from the fixtures by file name; records what was asked. */
function fixtureFetch(asked: string[]) {
  return async (url: string): Promise<Uint8Array> => {
    asked.push(url);
    const name = url.split('/').pop()!;
    if (name === 'missing.pdf') throw new PdfFetchFailure('http', '404');
    return new Uint8Array(readFileSync(join(PDF_DIR, name)));
  };
}

describe('which links an audit checks', () => {
  test('same-origin PDF links only, each once, at most five', () => {
    document.body.innerHTML = `
      <a href="/files/a.pdf">a</a> <a href="/files/a.pdf#page=2">a again</a>
      <a href="download.do?file=b.pdf">b</a> <a href="https://other.example/c.pdf">other site</a>
      <a href="/files/notes.doc">doc</a> <a href="javascript:alert(1)//.pdf">js</a>
      <a href="/d.pdf">d</a><a href="/e.pdf">e</a><a href="/f.pdf">f</a><a href="/g.pdf">g</a>`;
    const origin = location.origin;
    const urls = linkedPdfs(document).map((l) => l.url);
    expect(urls).toEqual([`${origin}/files/a.pdf`, `${origin}/download.do?file=b.pdf`, `${origin}/d.pdf`, `${origin}/e.pdf`, `${origin}/f.pdf`]);
    // Each finding points at the first link to its document.
    expect(document.querySelector(linkedPdfs(document)[1]!.target[0]!)?.textContent).toBe('b');
  });

  test('links handed over by a page are checked again: junk and other origins are dropped', () => {
    const raw = [link('a.pdf'), { url: 'http://169.254.169.254/latest.pdf', target: ['a'], html: '<a>' }, { url: 5 }, null, { ...link('b.pdf'), target: [{}] }];
    expect(parseLinkedPdfs(raw, PAGE).map((l) => l.url)).toEqual(['https://gov.example/files/a.pdf']);
    expect(parseLinkedPdfs('nope', PAGE)).toEqual([]);
  });
});

describe('what the checks find', () => {
  test('a tagged Chinese PDF passes; a scan, a password and a broken file are for review; other origins are never fetched', async () => {
    const asked: string[] = [];
    const links = [link('policy-zh-hans.pdf'), link('scanned.pdf'), link('protected.pdf'), link('broken.pdf'), link('missing.pdf'), { ...link('x.pdf'), url: 'https://evil.example/x.pdf' }];
    const checks = await checkLinkedPdfs(links, PAGE, { fetchBytes: fixtureFetch(asked), loadPdfjs: nodePdfjs });
    expect(asked.some((u) => u.includes('evil.example'))).toBe(false);
    const policy = checks[0]!.inspection;
    expect('facts' in policy && policy.facts).toMatchObject({ pages: 10, title: '2006年政府重点工作', language: 'zh-CN', tagged: true });
    expect('facts' in policy && policy.facts.textChars).toBeGreaterThan(100);

    const r = pdfResults(checks);
    const byRule = Object.fromEntries(r.incomplete.map((x) => [x.id, x.nodes.map((n) => (n.any![0]!.data as { url: string }).url.split('/').pop())]));
    expect(byRule).toEqual({
      'kanjian-pdf-text-layer': ['scanned.pdf'],
      'kanjian-pdf-title': ['scanned.pdf'],
      'kanjian-pdf-language': ['scanned.pdf'],
      'kanjian-pdf-tagged': ['scanned.pdf'],
      'kanjian-pdf-unchecked': ['protected.pdf', 'broken.pdf', 'missing.pdf'],
    });
    expect(r.passes).toEqual([]);
  }, 30_000);

  test('in the report: needs review, with WCAG and GB/T references and the reason in Chinese', async () => {
    const checks = await checkLinkedPdfs([link('scanned.pdf'), link('protected.pdf')], PAGE, { fetchBytes: fixtureFetch([]), loadPdfjs: nodePdfjs });
    const results = withPdfResults<AxeResultsLike>({ url: PAGE, violations: [], incomplete: [], passes: [] }, checks);
    const report = buildReport({ pages: { url: PAGE, results }, options: { standard: 'wcag21aa' }, generatedAt: '2026-12-06T00:00:00Z' });
    const page = report.pages[0]!;
    expect(page.violations).toEqual([]);
    const scan = page.incomplete.find((f) => f.id === 'kanjian-pdf-text-layer')!;
    expect(scan.wcag.map((w) => w.sc)).toEqual(['1.1.1']);
    expect(scan.gbt37668.length).toBeGreaterThan(0);
    expect(scan.help['zh-CN']).toBe('PDF 文档必须有可读出的文字');
    const textLayer = results.incomplete.find((x) => x.id === 'kanjian-pdf-text-layer')!;
    expect(localizeFinding(textLayer, 'zh_CN', 'incomplete').nodes[0]!.any[0]!.message).toBe(
      'PDF 文档 https://gov.example/files/scanned.pdf 的前 2 页没有文字层（可能是扫描件）：读屏软件无法读出，请提供可访问的文本版本，或确认后文有文字',
    );
    const locked = results.incomplete.find((x) => x.id === 'kanjian-pdf-unchecked')!;
    expect(localizeFinding(locked, 'zh_TW', 'incomplete').nodes[0]!.any[0]!.message).toContain('有密碼保護');
  }, 30_000);

  test('a page without PDF links gets its results unchanged', () => {
    const results = { violations: [], incomplete: [] };
    expect(withPdfResults(results, [])).toBe(results);
  });
});
