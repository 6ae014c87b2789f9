/**
 * Getting the document: one fetch of the URL the user chose, with the user's own cookies (a PDF behind
 * a login opens as it does in the browser), then pdf.js. Every failure becomes a reason the reader
 * can explain in words (password, broken, not a PDF, network), never a stack trace.
 */
import type { PDFDocumentProxy } from './pdfjs';

export type LoadFailureReason = 'password' | 'broken' | 'not-pdf' | 'network' | 'http';

export class PdfLoadError extends Error {
  constructor(
    readonly reason: LoadFailureReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'PdfLoadError';
  }
}

/** A PDF starts with %PDF- within its first KiB (some servers prepend a few bytes; pdf.js allows it). */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export async function fetchPdfBytes(url: string, fetchImpl: FetchLike = (i, init) => fetch(i, init)): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetchImpl(url, { credentials: 'include', redirect: 'follow', cache: 'default' });
  } catch (err) {
    throw new PdfLoadError('network', err instanceof Error ? err.message : String(err));
  }
  if (!res.ok) throw new PdfLoadError('http', String(res.status));
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!hasPdfHeader(bytes)) throw new PdfLoadError('not-pdf', res.headers.get('content-type') ?? '');
  return bytes;
}

/** pdf.js's own errors → our reasons. Its classes are matched by name (they cross the worker boundary). */
export function classifyPdfjsError(err: unknown): PdfLoadError {
  if (err instanceof PdfLoadError) return err;
  const name = err && typeof err === 'object' && 'name' in err ? String((err as { name: unknown }).name) : '';
  const message = err instanceof Error ? err.message : String(err);
  if (name === 'PasswordException') return new PdfLoadError('password', message);
  return new PdfLoadError('broken', message);
}

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  bytes: number;
}

/** Opens the bytes with pdf.js; a password-protected file is reported, never prompted for here. */
export async function openPdf(getDocument: (bytes: Uint8Array) => { promise: Promise<PDFDocumentProxy>; onPassword?: unknown; destroy(): Promise<void> }, bytes: Uint8Array): Promise<OpenedPdf> {
  const size = bytes.byteLength;
  const task = getDocument(bytes);
  try {
    const doc = await task.promise;
    // A document with no pages or an unreadable first page is broken for a reader's purposes.
    if (doc.numPages < 1) throw new PdfLoadError('broken', 'no pages');
    return { doc, bytes: size };
  } catch (err) {
    void task.destroy().catch(() => undefined);
    throw classifyPdfjsError(err);
  }
}
