import { describe, expect, it } from 'vitest';
import { looksLikePdf, pdfUrlFromReader, readablePdfUrl, readerUrl } from '../../../src/pdf/open';

const BASE = 'chrome-extension://abc/reader.html';

describe('reader address', () => {
  it('round-trips a PDF URL with its query, dropping the fragment', () => {
    const pdf = 'https://www.gov.cn/zhengce/2024/file.pdf?id=1&x=中文#page=3';
    const url = readerUrl(BASE, pdf)!;
    expect(url.startsWith(`${BASE}?file=`)).toBe(true);
    expect(pdfUrlFromReader(url)).toBe(new URL('https://www.gov.cn/zhengce/2024/file.pdf?id=1&x=中文').href);
  });

  it('accepts only http(s) without credentials: the reader fetches with the user’s cookies', () => {
    for (const bad of ['javascript:alert(1)', 'data:application/pdf;base64,JVBERi0=', 'file:///etc/passwd', 'chrome://settings', 'ftp://x/a.pdf', 'https://user:pw@x.cn/a.pdf', 'not a url', 42, null]) {
      expect(readablePdfUrl(bad)).toBeNull();
    }
    expect(readerUrl(BASE, 'javascript:alert(1)')).toBeNull();
    expect(pdfUrlFromReader(`${BASE}?file=${encodeURIComponent('file:///etc/passwd')}`)).toBeNull();
    expect(pdfUrlFromReader(BASE)).toBeNull();
  });

  it('recognises PDF links by path or by a query naming a .pdf file', () => {
    expect(looksLikePdf('https://x.gov.cn/a/b/通知.pdf')).toBe(true);
    expect(looksLikePdf('https://x.gov.cn/a/B.PDF?v=2')).toBe(true);
    expect(looksLikePdf('https://x.gov.cn/download.do?file=2024%E5%B9%B4.pdf')).toBe(true);
    expect(looksLikePdf('https://x.gov.cn/a/pdf/index.html')).toBe(false);
    expect(looksLikePdf('https://x.gov.cn/a.pdf.html')).toBe(false);
    expect(looksLikePdf('javascript:void("a.pdf")')).toBe(false);
    expect(looksLikePdf('mailto:a@b.cn?subject=a.pdf')).toBe(false);
  });
});
