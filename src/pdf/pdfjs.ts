/**
 * pdf.js, loaded only by the reader page (never by the content script): Mozilla's own unmodified
 * build, its worker and the CMaps that CJK PDFs with non-embedded fonts need, all shipped as extension
 * files (wxt.config.ts copies them). No remote code, no eval (isEvalSupported: false suits the
 * extension CSP), no XFA, no scripting.
 */
import type * as Pdfjs from 'pdfjs-dist';
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

export type PdfjsLib = typeof Pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';

/** Where the build puts pdf.js's files. */
export const PDFJS_DIR = '/vendor/pdfjs/';

let loading: Promise<PdfjsLib> | null = null;

/** Loads pdf.js from the extension and points it at its worker. `extUrl` is runtime.getURL. */
export function loadPdfjs(extUrl: (path: string) => string): Promise<PdfjsLib> {
  if (!loading) {
    // A literal path to an extension file (neither TypeScript nor Vite resolves it); typed by PdfjsLib.
    // @ts-expect-error TS2307: the build's own vendor/pdfjs/pdf.min.mjs, not a module in the source tree
    const imported = import(/* @vite-ignore */ '/vendor/pdfjs/pdf.min.mjs') as Promise<PdfjsLib>;
    loading = imported.then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = extUrl(`${PDFJS_DIR}pdf.worker.min.mjs`);
      return lib;
    });
  }
  return loading;
}

export function documentParams(data: Uint8Array, extUrl: (path: string) => string): DocumentInitParameters {
  return {
    data,
    isEvalSupported: false,
    enableXfa: false,
    cMapUrl: extUrl(`${PDFJS_DIR}cmaps/`),
    cMapPacked: true,
    standardFontDataUrl: extUrl(`${PDFJS_DIR}standard_fonts/`),
    wasmUrl: extUrl(`${PDFJS_DIR}wasm/`),
    // The whole file is already here: pdf.js fetches nothing itself.
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
  };
}
