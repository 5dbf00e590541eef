/** A span of the document's text: where a quote highlights. */
export interface Span { start: number; end: number }

export interface Passage extends Span {
  text: string;
  /** The sentence the passage belongs to (itself, or the sentence it is a clause of). */
  sentence: Span;
  paragraph: Span;
}

// Sentence ends: a full stop, ! or ? followed by space and a capital, a quote or a digit; not after "e.g." or "No.".
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|no|nos|para|rec|vs|mr|mrs|ms|dr|st))[.!?]["”’)]?\s+(?=["“‘(]?[A-Z0-9])/g;
// Clause breaks inside a sentence: a semicolon, ", but", or "and" starting a new clause with its own subject.
const CLAUSE_BREAK = /;\s+|,?\s+but\s+(?=[a-z])|\s+and\s+(?=(?:it|this|we|they|there|i)\s+(?:is|are|was|were|has|have|will|am)\b)/gi;

function pieces(text: string, offset: number, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(pattern)) {
    const end = m.index! + (m[0].match(/^[.!?]["”’)]?/)?.[0].length ?? 0);
    if (end > from) spans.push({ start: offset + from, end: offset + end });
    from = m.index! + m[0].length;
  }
  if (from < text.length) spans.push({ start: offset + from, end: offset + text.length });
  return spans.filter((span) => span.end > span.start);
}

/** The clauses of a paragraph's prose (from `start` to `end` of the document's text). */
export function clausesOf(documentText: string, paragraph: Span, from = paragraph.start): Passage[] {
  const passages: Passage[] = [];
  for (const sentence of pieces(documentText.slice(from, paragraph.end), from, SENTENCE_END)) {
    for (const clause of pieces(documentText.slice(sentence.start, sentence.end), sentence.start, CLAUSE_BREAK)) {
      const raw = documentText.slice(clause.start, clause.end);
      const text = raw.trim();
      const start = clause.start + raw.length - raw.trimStart().length;
      if (/[a-z]/i.test(text)) passages.push({ start, end: start + text.length, text, sentence, paragraph });
    }
  }
  return passages;
}
