/**
 * The last step of an extension audit, in the report page (an extension page): the frames' partial
 * results are put together with axe.finishRun, so cross-origin frames' findings meet only here.
 * axe is the same packaged file the frames ran (vendor/axe.min.js), loaded once by a script tag:
 * smaller than bundling axe's sources into the report page, and already compiled by the browser.
 */
import type { AxeResults } from 'axe-core';
import type { StoredAudit } from '../store';
import { finishAxe } from './in-page';
import { browser } from 'wxt/browser';
import { checkLinkedPdfs } from '../pdf/check';
import type { LinkedPdfCheck } from '../pdf/results';
import { fetchPdfBytes } from '../../pdf/load';
import { documentParams, loadPdfjs } from '../../pdf/pdfjs';

type Axe = typeof import('axe-core');

let loading: Promise<Axe> | null = null;

/** axe in this extension page, loaded once. */
export function loadAxe(src = '/vendor/axe.min.js'): Promise<Axe> {
  const present = (globalThis as unknown as { axe?: Axe }).axe;
  if (present) return Promise.resolve(present);
  loading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      const axe = (globalThis as unknown as { axe?: Axe }).axe;
      if (axe) resolve(axe);
      else reject(new Error('axe-core did not load'));
    };
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  return loading;
}

export async function finishStoredAudit(audit: Pick<StoredAudit, 'partials' | 'options' | 'results'>, axe?: Axe | Promise<Axe>): Promise<AxeResults> {
  if (audit.results) return audit.results;
  return finishAxe(await (axe ?? loadAxe()), audit.partials, audit.options);
}

/**
 * The linked PDFs of a stored audit, checked from the report page: fetched with the user's session
 * (as the PDF reader does), opened with the extension's own pdf.js.
 */
export function checkStoredPdfLinks(audit: Pick<StoredAudit, 'pdfLinks' | 'url'>): Promise<LinkedPdfCheck[]> {
  const extUrl = (path: string): string => browser.runtime.getURL(path as '/report.html');
  return checkLinkedPdfs(audit.pdfLinks ?? [], audit.url, {
    fetchBytes: (url) => fetchPdfBytes(url),
    loadPdfjs: async () => {
      const lib = await loadPdfjs(extUrl);
      return (bytes) => lib.getDocument(documentParams(bytes, extUrl));
    },
  });
}
