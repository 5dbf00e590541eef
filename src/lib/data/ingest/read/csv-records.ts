/**
 * Record boundaries in UTF-8 CSV bytes, found without parsing: a line feed ends a record when an
 * even number of quotes precede it (RFC 4180: a quote inside a quoted value is doubled, so quotes
 * pair up). This lets a large file go to DuckDB in pieces that each start on a record, so a load
 * can report progress and be cancelled between pieces, while quoted newlines stay inside values.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function countQuotes(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  let at = bytes.indexOf(QUOTE, from);
  while (at !== -1 && at < to) {
    count += 1;
    at = bytes.indexOf(QUOTE, at + 1);
  }
  return count;
}

export interface RecordLayout {
  /** Offset just past the header record; the file's length when there is no line after it. */
  headerEnd: number;
  /** Offsets where pieces start, then the end of the file: piece k is [bounds[k], bounds[k+1]). */
  bounds: number[];
  /** True when a quote opened and was never closed: the rest of the file is one value. */
  endsInsideQuote: boolean;
}

/**
 * The layout found as it goes, so the first piece can be read while the rest are still being
 * found: yields the header's end, then the end of each piece (the last is the file's end);
 * returns whether the file ends inside a quote.
 */
export function* recordBoundaries(bytes: Uint8Array, pieceBytes: number): Generator<number, boolean> {
  const n = bytes.length;
  let pos = 0;
  let odd = false;

  /** Moves `pos` past the next line feed outside quotes; false when there is none. */
  const nextRecordEnd = (): boolean => {
    for (;;) {
      const lf = bytes.indexOf(LF, pos);
      if (lf === -1) return false;
      if (countQuotes(bytes, pos, lf) % 2 === 1) odd = !odd;
      pos = lf + 1;
      if (!odd) return true;
    }
  };

  const headerEnd = nextRecordEnd() ? pos : n;
  yield headerEnd;
  let last = headerEnd;
  pos = headerEnd;
  while (pos < n) {
    const want = last + pieceBytes;
    if (want >= n) break;
    if (countQuotes(bytes, pos, want) % 2 === 1) odd = !odd;
    pos = want;
    if (!nextRecordEnd() || pos >= n) break;
    yield pos;
    last = pos;
  }
  if (countQuotes(bytes, pos, n) % 2 === 1) odd = !odd;
  if (last !== n) yield n;
  return odd;
}

export function layoutRecords(bytes: Uint8Array, pieceBytes: number): RecordLayout {
  const boundaries = recordBoundaries(bytes, pieceBytes);
  const bounds: number[] = [];
  for (let step = boundaries.next(); ; step = boundaries.next()) {
    if (step.done) return { headerEnd: bounds[0]!, bounds, endsInsideQuote: step.value };
    bounds.push(step.value);
  }
}

/**
 * A piece with each blank line (outside quotes) turned into a row of empty cells. DuckDB skips
 * blank lines, which would shift every later row number; a row of delimiters is read, numbered,
 * then skipped as empty. Returns the piece itself when it has no blank line (the usual case).
 */
export function fillBlankLines(piece: Uint8Array, delimiter: number, columns: number): Uint8Array {
  const blanks: number[] = [];
  let odd = false;
  let checked = 0;
  const isBlankAt = (at: number) => piece[at] === LF || (piece[at] === CR && piece[at + 1] === LF);
  // A blank line starts at the piece's start or just after a line feed.
  if (piece.length > 0 && isBlankAt(0)) blanks.push(0);
  let lf = piece.indexOf(LF);
  while (lf !== -1 && lf + 1 < piece.length) {
    if (isBlankAt(lf + 1)) {
      if (countQuotes(piece, checked, lf) % 2 === 1) odd = !odd;
      checked = lf;
      if (!odd) blanks.push(lf + 1);
    }
    lf = piece.indexOf(LF, lf + 1);
  }
  if (blanks.length === 0 || columns < 2) return piece;

  const filler = columns - 1;
  const out = new Uint8Array(piece.length + blanks.length * filler);
  let from = 0;
  let to = 0;
  for (const at of blanks) {
    out.set(piece.subarray(from, at), to);
    to += at - from;
    out.fill(delimiter, to, to + filler);
    to += filler;
    from = at;
  }
  out.set(piece.subarray(from), to);
  return out;
}
