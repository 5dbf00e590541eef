/**
 * A response's text as Oversight reads it: one paragraph per line, table cells separated by a
 * tab. Every format (plain text, HTML, Word, PDF) is turned into this shape first.
 */

/** A list item's mark: a bullet, a dash, "3." or "(b)". */
export const LIST_MARK = /^\s*(?:[-•*–▪◦]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)/;
const BULLET = /^(?:[-•*–]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|(?:recommendation|rec\.?)\s*\d)/i;
const ENDS_SENTENCE = /[.:;!?"”’)]$/;

/** Plain text → paragraphs: wrapped lines joined, and a sentence broken by a page or a blank line mended. */
export function paragraphText(raw: string): string {
  const lines = raw.replace(/\r\n?/g, '\n').replace(/[\u00a0\u2007\u202f]/g, ' ').split('\n')
    .map((line) => line.replace(/[ \f\v]+/g, ' ').replace(/^ +| +$/g, ''));
  // Blank lines separate paragraphs when the text uses them; then a single line break is a wrap.
  const blankSeparated = lines.filter((line) => line === '').length >= 2;
  const paragraphs: string[] = [];
  let previousBlank = true;
  let previousLine = '';
  for (const line of lines) {
    if (line.replace(/\t/g, '') === '') { previousBlank = true; continue; }
    const last = paragraphs.at(-1);
    const continues = last !== undefined && !line.includes('\t') && !last.includes('\t') && !BULLET.test(line) && (
      // A sentence carried over a blank line or a page break: no full stop, then lower case.
      (!ENDS_SENTENCE.test(last) && /^[a-z]/.test(line))
      // A wrapped line is long; a short one without a full stop is a heading.
      || (blankSeparated && !previousBlank && !ENDS_SENTENCE.test(last) && previousLine.length >= 50));
    if (continues) paragraphs[paragraphs.length - 1] = `${last} ${line}`;
    else paragraphs.push(line);
    previousBlank = false;
    previousLine = line;
  }
  return paragraphs.join('\n');
}
