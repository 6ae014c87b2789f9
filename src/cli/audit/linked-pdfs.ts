/**
 * The audited page's linked PDFs, checked by the CLI: the page's own world lists its same-origin PDF
 * links and downloads each (the page's origin and session, nothing it could not read itself); pdf.js
 * (pdfjs-dist's Node build, loaded from node_modules at run time) opens them here. Results are kept
 * for the run, so a PDF linked from every page of a site is checked once.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkLinkedPdfs, PdfFetchFailure } from '../../audit/pdf/check';
import type { GetDocument, PdfUncheckedReason } from '../../audit/pdf/inspect';
import { parseLinkedPdfs } from '../../audit/pdf/links';
import type { LinkedPdfCheck } from '../../audit/pdf/results';
import type { FrameRealm } from './frames';

type PdfjsNode = typeof import('pdfjs-dist');

const REASONS: readonly PdfUncheckedReason[] = ['password', 'broken', 'not-pdf', 'network', 'http', 'too-large'];
const checked = new Map<string, LinkedPdfCheck['inspection']>();
const MAX_REMEMBERED = 500;

let pdfjs: Promise<GetDocument> | null = null;

function loadNodePdfjs(): Promise<GetDocument> {
  pdfjs ??= (async () => {
    const require = createRequire(import.meta.url);
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    // A variable specifier keeps pdf.js out of the CLI bundle.
    const entry = pathToFileURL(join(root, 'legacy', 'build', 'pdf.mjs')).href;
    const lib = (await import(entry)) as PdfjsNode;
    return (bytes: Uint8Array) =>
      lib.getDocument({
        data: bytes,
        isEvalSupported: false,
        enableXfa: false,
        verbosity: 0,
        // CJK PDFs with non-embedded fonts need the CMaps to give their text.
        cMapUrl: `${join(root, 'cmaps')}/`,
        cMapPacked: true,
        standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
      });
  })();
  return pdfjs;
}

export async function linkedPdfChecks(top: FrameRealm): Promise<LinkedPdfCheck[]> {
  const listed = (await top.call('pdfLinks', null)) as { pageUrl?: unknown; links?: unknown } | null;
  const pageUrl = typeof listed?.pageUrl === 'string' ? listed.pageUrl : '';
  const links = parseLinkedPdfs(listed?.links, pageUrl);
  const known = links.filter((l) => checked.has(l.url)).map((l): LinkedPdfCheck => ({ link: l, inspection: checked.get(l.url)! }));
  const fresh = await checkLinkedPdfs(
    links.filter((l) => !checked.has(l.url)),
    pageUrl,
    {
      async fetchBytes(url) {
        const r = (await top.call('fetchPdf', url)) as { base64?: unknown; failed?: unknown; detail?: unknown } | null;
        if (r && typeof r.base64 === 'string') return new Uint8Array(Buffer.from(r.base64, 'base64'));
        const reason = REASONS.find((x) => x === r?.failed) ?? 'network';
        throw new PdfFetchFailure(reason, typeof r?.detail === 'string' ? r.detail.slice(0, 20) : undefined);
      },
      loadPdfjs: loadNodePdfjs,
    },
  );
  for (const c of fresh) if (checked.size < MAX_REMEMBERED) checked.set(c.link.url, c.inspection);
  // In the page's link order.
  const byUrl = new Map([...known, ...fresh].map((c) => [c.link.url, c]));
  return links.flatMap((l) => (byUrl.has(l.url) ? [byUrl.get(l.url)!] : []));
}
