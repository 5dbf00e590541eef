import { roleOfHeader } from '../../ingest/recognise/column-synonyms';
import { toUtf8 } from '../../ingest/read/text-encoding';

/** The kinds of PCC response document Oversight reads. */
export type ResponseFormat = 'pdf' | 'docx' | 'html' | 'text';

const utf8 = new TextDecoder('utf-8');

/**
 * Whether a dropped file is a PCC response, and in which format, from its content (the name only
 * tells a Word file from another zip): a PDF, a Word file, a web page, or prose that mentions
 * recommendations. A table of statuses is never taken for prose: its first line is headers.
 */
export function responseFormat(name: string, bytes: Uint8Array): ResponseFormat | null {
  if (utf8.decode(bytes.subarray(0, 5)) === '%PDF-') return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(name)) return 'docx';
  const text = toUtf8(bytes.subarray(0, 200_000)).bytes;
  const head = utf8.decode(text.subarray(0, 2048));
  const start = head.replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /^<(?:head|body|meta|p|div|h1)\b/.test(start)) return 'html';
  if (text.includes(0)) return null;
  return isProse(utf8.decode(text)) ? 'text' : null;
}

/** Prose about recommendations, not a table: no header row of known columns, and long sentences. */
export function isProse(text: string): boolean {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) return false;
  const headers = lines[0]!.split(/[,;\t|]/).filter((cell) => roleOfHeader(cell.replace(/^"|"$/g, '')) !== null);
  if (headers.length >= 2) return false;
  const sentences = lines.filter((line) => line.length >= 60 && /[a-z]{3,}[.!?]["”’)]?(?:\s|$)/.test(line) && line.split(/\s+/).length >= 10);
  return sentences.length >= 2 && /\brecommendations?\b/i.test(text);
}
