import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { htmlText } from '../../../src/lib/data/responses-reader/read/html-text';
import { docxText } from '../../../src/lib/data/responses-reader/read/docx-text';
import { pdfText, type PdfJs } from '../../../src/lib/data/responses-reader/read/pdf-text';
import { paragraphText } from '../../../src/lib/data/responses-reader/read/paragraph-text';

export const responseFixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/responses/${name}`, import.meta.url)));

const parser = () => new (new JSDOM('').window.DOMParser)();
// Under Node, pdf.js's legacy build runs its worker code in the same thread.
const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>;

/** A fixture's text as the browser would read it, by its format. */
export async function fixtureText(name: string): Promise<string> {
  const bytes = responseFixture(name);
  if (name.endsWith('.pdf')) return pdfText(bytes, await pdfjs());
  if (name.endsWith('.docx')) return docxText(bytes, parser());
  if (name.endsWith('.html')) return htmlText(new TextDecoder().decode(bytes), parser());
  return paragraphText(new TextDecoder().decode(bytes));
}
