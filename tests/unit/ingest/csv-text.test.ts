import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/data/export/csv-text';

describe('CSV text for downloads', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+44 1234', "'+44 1234"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain, with comma', '"plain, with comma"'],
    ['two\nlines', '"two\nlines"'],
  ])('neutralises and quotes %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers as numbers, including negative ones', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.25)).toBe('0.25');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and rows in the given column order', () => {
    const csv = toCsv([{ b: 2, a: 'x' }], [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }]);
    expect(csv).toBe('A,B\r\nx,2\r\n');
  });
});
