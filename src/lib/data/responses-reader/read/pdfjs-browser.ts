import type { PdfJs } from './pdf-text';

/**
 * pdf.js in the browser, with its worker served from this site (bundled by Vite, never a CDN).
 * Imported only when a PDF is read.
 */
export async function loadPdfJsInBrowser(): Promise<PdfJs> {
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  return pdfjs;
}
