/**
 * Checks a page's linked PDFs one after the other (bounded memory), each within a time limit. How the
 * bytes are fetched and which pdf.js opens them is the caller's: the report page fetches with the
 * user's session and the extension's pdf.js; the CLI fetches inside the audited page and opens with
 * pdfjs-dist in Node.
 */
import { PdfLoadError } from '../../pdf/load';
import { inspectPdf, type GetDocument, type PdfUncheckedReason } from './inspect';
import { isAuditablePdfUrl, MAX_LINKED_PDFS, type LinkedPdf } from './links';
import type { LinkedPdfCheck } from './results';

/** One PDF's download and check; a slower one is reported as not checked. */
export const PDF_CHECK_TIMEOUT_MS = 15_000;

/** A download that failed for a reason the check reports (thrown by a fetchBytes). */
export class PdfFetchFailure extends Error {
  constructor(
    readonly reason: PdfUncheckedReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

export interface PdfCheckDeps {
  fetchBytes(url: string): Promise<Uint8Array>;
  /** pdf.js's getDocument, loaded only once a PDF has been downloaded. */
  loadPdfjs(): Promise<GetDocument>;
}

function timeout<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return { promise: new Promise<T>((resolve) => (timer = setTimeout(() => resolve(value), ms))), cancel: () => clearTimeout(timer) };
}

export async function checkLinkedPdfs(links: readonly LinkedPdf[], pageUrl: string, deps: PdfCheckDeps, timeoutMs = PDF_CHECK_TIMEOUT_MS): Promise<LinkedPdfCheck[]> {
  const out: LinkedPdfCheck[] = [];
  let getDocument: GetDocument | null = null;
  for (const link of links.slice(0, MAX_LINKED_PDFS)) {
    // Checked again here: the links come from the page, and only its own origin is ever fetched.
    if (!isAuditablePdfUrl(link.url, pageUrl)) continue;
    const one = async (): Promise<LinkedPdfCheck> => {
      let bytes: Uint8Array;
      try {
        bytes = await deps.fetchBytes(link.url);
      } catch (err) {
        if (err instanceof PdfFetchFailure) return { link, inspection: { unchecked: err.reason }, detail: err.detail };
        if (err instanceof PdfLoadError) return { link, inspection: { unchecked: err.reason }, detail: err.reason === 'http' ? err.message.replace(/^http: /, '') : undefined };
        return { link, inspection: { unchecked: 'network' } };
      }
      getDocument ??= await deps.loadPdfjs();
      return { link, inspection: await inspectPdf(getDocument, bytes) };
    };
    const limit = timeout<LinkedPdfCheck>(timeoutMs, { link, inspection: { unchecked: 'network' } });
    out.push(await Promise.race([one(), limit.promise]));
    limit.cancel();
  }
  return out;
}
