import type { ResponseFormat } from './response-document';
import type { PdfJs } from './pdf-text';
import { paragraphText } from './paragraph-text';
import { toUtf8 } from '../../ingest/read/text-encoding';

/** Text in any of the encodings a CSV may come in (UTF-8, Windows-1252, UTF-16). */
export const decodeText = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(toUtf8(bytes).bytes);

/**
 * A response's text, one paragraph per line. The PDF and Word readers are loaded only when such
 * a file is read, so the first view stays light.
 */
export async function extractText(format: ResponseFormat, bytes: Uint8Array, loadPdfJs: () => Promise<PdfJs>): Promise<string> {
  switch (format) {
    case 'pdf': {
      const [{ pdfText }, pdfjs] = await Promise.all([import('./pdf-text'), loadPdfJs()]);
      return pdfText(bytes, pdfjs);
    }
    case 'docx': return (await import('./docx-text')).docxText(bytes);
    case 'html': return (await import('./html-text')).htmlText(decodeText(bytes));
    case 'text': return paragraphText(decodeText(bytes));
  }
}
