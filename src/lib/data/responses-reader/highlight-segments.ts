import type { Span } from './structure/passages';

/** A piece of one paragraph of the document: plain, or a quote that supports recommendations `recNos`. */
export interface Segment { text: string; recNos: number[] }

/**
 * The document's paragraphs cut into plain text and quotes, so the review can highlight each
 * quote where it stands. One passage quoted for two recommendations is one highlight naming both.
 */
export function highlightSegments(text: string, quotes: readonly { recNo: number; span: Span }[]): Segment[][] {
  const spans = new Map<string, { span: Span; recNos: number[] }>();
  for (const quote of quotes) {
    const key = `${quote.span.start}:${quote.span.end}`;
    const entry = spans.get(key) ?? { span: quote.span, recNos: [] };
    entry.recNos.push(quote.recNo);
    spans.set(key, entry);
  }
  const ordered = [...spans.values()].sort((a, b) => a.span.start - b.span.start);
  const paragraphs: Segment[][] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const end = at + line.length;
    const segments: Segment[] = [];
    let from = at;
    for (const { span, recNos } of ordered) {
      if (span.start < from || span.end > end) continue;
      if (span.start > from) segments.push({ text: text.slice(from, span.start), recNos: [] });
      segments.push({ text: text.slice(span.start, span.end), recNos: recNos.sort((a, b) => a - b) });
      from = span.end;
    }
    if (from < end) segments.push({ text: text.slice(from, end), recNos: [] });
    if (segments.some((segment) => segment.text.trim() !== '')) paragraphs.push(segments);
    at = end + 1;
  }
  return paragraphs;
}
