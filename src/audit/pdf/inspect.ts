/**
 * What an audit needs to know about a linked PDF: can it be opened, does it have a text layer, a
 * title, a document language and tags. pdf.js is passed in (the extension's packaged copy in the
 * report page, pdfjs-dist's Node build in the CLI), so this module loads nothing itself.
 */
import { documentInfo, pageText } from '../../pdf/extract';
import { openPdf, PdfLoadError, type LoadFailureReason } from '../../pdf/load';
import type { PDFDocumentProxy } from '../../pdf/pdfjs';

/** Larger files are not opened by an audit (they say so as needing review). */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** Pages read for the text-layer check: a scan has no text on its first pages either. */
const PAGES_READ = 3;

export type GetDocument = (bytes: Uint8Array) => { promise: Promise<PDFDocumentProxy>; destroy(): Promise<void> };

export interface PdfFacts {
  pages: number;
  textChars: number;
  title: string | null;
  language: string | null;
  tagged: boolean;
}

/** Why a linked PDF could not be checked. */
export type PdfUncheckedReason = LoadFailureReason | 'too-large';

export type PdfInspection = { facts: PdfFacts } | { unchecked: PdfUncheckedReason };

export async function inspectPdf(getDocument: GetDocument, bytes: Uint8Array): Promise<PdfInspection> {
  if (bytes.byteLength > MAX_PDF_BYTES) return { unchecked: 'too-large' };
  let doc: PDFDocumentProxy;
  try {
    ({ doc } = await openPdf(getDocument, bytes));
  } catch (err) {
    return { unchecked: err instanceof PdfLoadError ? err.reason : 'broken' };
  }
  try {
    let textChars = 0;
    let firstTree = null;
    for (let n = 1; n <= Math.min(doc.numPages, PAGES_READ); n++) {
      const page = await pageText(doc, n);
      if (n === 1) firstTree = page.structTree;
      for (const item of page.items) if ('str' in item) textChars += item.str.replace(/\s+/g, '').length;
    }
    const info = await documentInfo(doc, firstTree);
    return { facts: { pages: doc.numPages, textChars, ...info } };
  } catch {
    return { unchecked: 'broken' };
  } finally {
    void doc.destroy().catch(() => undefined);
  }
}
