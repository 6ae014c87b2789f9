/**
 * Reads what the reflow view needs from pdf.js, page by page: text content with marked content, and
 * the structure tree where the PDF is tagged. The first page comes back on its own so the reader can
 * show readable text before the rest of a long document is read.
 */
import type { PDFDocumentProxy } from './pdfjs';
import { scriptOfPage } from '../convert/engine/detect-script';
import type { ContentItem, PageText, StructNode } from './reflow';

export async function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const [content, tree] = await Promise.all([
    page.getTextContent({ includeMarkedContent: true }),
    // A broken structure tree must not cost the text: fall back to the layout.
    page.getStructTree().catch(() => null) as Promise<StructNode | null>,
  ]);
  return { pageNumber, width: viewport.width, height: viewport.height, items: content.items as unknown as ContentItem[], structTree: tree };
}

/** Every page's text, in order; `onPage` sees each as it arrives (progress). */
export async function documentText(doc: PDFDocumentProxy, from: number, onPage?: (done: number, total: number) => void): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = from; n <= doc.numPages; n++) {
    pages.push(await pageText(doc, n));
    onPage?.(n, doc.numPages);
  }
  return pages;
}

export interface DocInfo {
  title: string | null;
  language: string | null;
  tagged: boolean;
}

export async function documentInfo(doc: PDFDocumentProxy, firstTree: StructNode | null | undefined): Promise<DocInfo> {
  const [meta, markInfo] = await Promise.all([doc.getMetadata().catch(() => null), doc.getMarkInfo().catch(() => null)]);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  const dcTitle = meta?.metadata?.get('dc:title');
  const title = (typeof info.Title === 'string' && info.Title.trim()) || (typeof dcTitle === 'string' && dcTitle.trim()) || null;
  const treeLang = (firstTree?.children ?? []).map((c) => ('lang' in c ? c.lang : undefined)).find(Boolean) ?? firstTree?.lang;
  const language = (typeof info.Language === 'string' && info.Language.trim()) || treeLang || null;
  return { title, language, tagged: !!markInfo?.Marked || !!firstTree?.children?.length };
}

/** Simplified or Traditional: by the document's characters as for a web page, else its language tag. */
export function isSimplified(language: string | null, sample: string): boolean {
  return scriptOfPage(sample, language).script === 'simplified';
}
