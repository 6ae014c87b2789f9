import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyPdfjsError, fetchPdfBytes, hasPdfHeader, PdfLoadError } from '../../../src/pdf/load';

const fixture = (f: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'fixtures', 'pdf', f)));

describe('loading a PDF', () => {
  it('fetches the one URL with the user’s cookies (credentials: include)', async () => {
    const calls: Array<[string, RequestInit]> = [];
    const bytes = await fetchPdfBytes('https://x.gov.cn/a.pdf', async (url, init) => {
      calls.push([url, init]);
      return new Response(readFileSync(join(__dirname, '..', '..', 'fixtures', 'pdf', 'policy-zh-hans.pdf')));
    });
    expect(calls).toEqual([['https://x.gov.cn/a.pdf', expect.objectContaining({ credentials: 'include' })]]);
    expect(hasPdfHeader(bytes)).toBe(true);
  });

  it('says why a download is not a PDF: HTTP status, an HTML page, a network failure', async () => {
    await expect(fetchPdfBytes('https://x/a.pdf', async () => new Response('nope', { status: 403 }))).rejects.toMatchObject({ reason: 'http', detail: '403' });
    await expect(fetchPdfBytes('https://x/a.pdf', async () => new Response('<html>登录</html>', { headers: { 'content-type': 'text/html' } }))).rejects.toMatchObject({ reason: 'not-pdf' });
    await expect(
      fetchPdfBytes('https://x/a.pdf', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toMatchObject({ reason: 'network' });
  });

  it('maps pdf.js errors to reasons by name (they cross the worker boundary as plain errors)', () => {
    expect(classifyPdfjsError(Object.assign(new Error('No password given'), { name: 'PasswordException' })).reason).toBe('password');
    expect(classifyPdfjsError(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' })).reason).toBe('broken');
    expect(classifyPdfjsError('weird').reason).toBe('broken');
    const own = new PdfLoadError('not-pdf', 'x');
    expect(classifyPdfjsError(own)).toBe(own);
  });

  it('has test files for each failure: encrypted, image-only, broken', () => {
    const prot = new TextDecoder('latin1').decode(fixture('protected.pdf'));
    expect(prot).toMatch(/\/Encrypt \d+ 0 R/);
    expect(prot).toMatch(/\/Filter \/Standard/);
    expect(hasPdfHeader(fixture('broken.pdf'))).toBe(true); // a header, and nothing after it that is PDF
    expect(new TextDecoder('latin1').decode(fixture('broken.pdf'))).not.toMatch(/\bobj\b/);
  });
});
