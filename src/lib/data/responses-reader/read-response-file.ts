import type { Connector } from '../../db/connector';
import { extractText } from './read/extract-text';
import { loadPdfJsInBrowser } from './read/pdfjs-browser';
import { responseFormat, type ResponseFormat } from './read/response-document';
import { readingReference } from './reading-reference.sql';
import type { ReadingReference } from './structure/reading-reference';

/** A response document read in the browser: its text and what the reader needs to read it. */
export interface ResponseDocument {
  name: string;
  format: ResponseFormat;
  text: string;
  reference: ReadingReference;
}

/** Splits dropped files into PCC responses (recognised from their content) and everything else. */
export async function partitionResponses(files: readonly File[]): Promise<{ responses: { file: File; format: ResponseFormat }[]; others: File[] }> {
  const responses: { file: File; format: ResponseFormat }[] = [];
  const others: File[] = [];
  for (const file of files) {
    const format = responseFormat(file.name, new Uint8Array(await file.slice(0, 200_000).arrayBuffer()));
    if (format) responses.push({ file, format });
    else others.push(file);
  }
  return { responses, others };
}

/** The document's text (pdf.js and mammoth load here, on demand) and the loaded reference data. */
export async function readResponseFile(db: Connector, file: File, format: ResponseFormat): Promise<ResponseDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const [text, reference] = await Promise.all([extractText(format, bytes, loadPdfJsInBrowser), readingReference(db)]);
  // Pasted prose arrives named as a CSV ("pasted text.csv"): it is text, and its name says so.
  const name = format === 'text' ? file.name.replace(/\.csv$/i, '') : file.name;
  return { name, format, text, reference };
}
