import { describe, expect, it } from 'vitest';
import { fillBlankLines, layoutRecords } from '../../../src/lib/data/ingest/read/csv-records';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const pieces = (s: string, size: number) => {
  const b = bytes(s);
  const layout = layoutRecords(b, size);
  return { header: text(b.subarray(0, layout.headerEnd)), pieces: layout.bounds.slice(0, -1).map((at, k) => text(b.subarray(at, layout.bounds[k + 1]))), open: layout.endsInsideQuote };
};

describe('record layout', () => {
  it('splits after the header and then near every piece size, always on a record boundary', () => {
    expect(pieces('a,b\n1,2\n3,4\n5,6\n', 4)).toEqual({ header: 'a,b\n', pieces: ['1,2\n3,4\n', '5,6\n'], open: false });
  });

  it('never splits inside a quoted value, even at a line break within it', () => {
    expect(pieces('a,b\n"x\ny\nz",1\n2,3\n', 2)).toEqual({ header: 'a,b\n', pieces: ['"x\ny\nz",1\n', '2,3\n'], open: false });
  });

  it('reads doubled quotes as one quote inside a value', () => {
    expect(pieces('a,b\n"say ""hi""\nthere",1\n2,3\n', 2).pieces).toEqual(['"say ""hi""\nthere",1\n', '2,3\n']);
  });

  it('reports a quote never closed, the rest of the file being one piece', () => {
    expect(pieces('a,b\n1,"open\n2,3\n4,5\n', 2)).toEqual({ header: 'a,b\n', pieces: ['1,"open\n2,3\n4,5\n'], open: true });
  });

  it('has no pieces for a header alone, with or without a final line break', () => {
    expect(pieces('a,b\n', 4).pieces).toEqual([]);
    expect(pieces('a,b', 4)).toEqual({ header: 'a,b', pieces: [], open: false });
  });
});

describe('blank lines', () => {
  it('become rows of empty cells, so DuckDB reads them and later rows keep their numbers', () => {
    expect(text(fillBlankLines(bytes('1,2,3\n\n4,5,6\n\r\n7,8,9\n'), 0x2c, 3))).toBe('1,2,3\n,,\n4,5,6\n,,\r\n7,8,9\n');
    expect(text(fillBlankLines(bytes('\n1,2,3\n'), 0x2c, 3))).toBe(',,\n1,2,3\n');
  });

  it('inside a quoted value stay as they are', () => {
    expect(text(fillBlankLines(bytes('"a\n\nb",2,3\n\n'), 0x2c, 3))).toBe('"a\n\nb",2,3\n,,\n');
  });

  it('leave a piece without blank lines as the very same buffer', () => {
    const piece = bytes('1,2\n3,4\n');
    expect(fillBlankLines(piece, 0x2c, 2)).toBe(piece);
  });
});
