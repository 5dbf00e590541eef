import { describe, expect, it } from 'vitest';
import { isUtf8, toUtf8 } from '../../../src/lib/data/ingest/read/text-encoding';
import { detectFormat } from '../../../src/lib/data/ingest/recognise/file-format';
import { fileSizeProblem, prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describeProblem, MAX_FILE_BYTES } from '../../../src/lib/data/ingest/report/problem-messages';

const b = (...values: number[]) => Uint8Array.from(values);

describe('UTF-8 check', () => {
  it('accepts ASCII and well-formed multi-byte characters', () => {
    expect(isUtf8(new TextEncoder().encode('Café £5 – “quoted” 🚓'))).toBe(true);
  });
  it('finds a bad byte after long ASCII runs, at any alignment and offset', () => {
    const ascii = new TextEncoder().encode('a,b,c\n'.repeat(200));
    for (let shift = 0; shift < 4; shift += 1) {
      const buffer = new Uint8Array(ascii.length + 8);
      buffer.set(ascii, shift);
      buffer[shift + ascii.length] = 0xe9; // é in Windows-1252: not UTF-8 here
      expect(isUtf8(buffer.subarray(shift, shift + ascii.length + 1))).toBe(false);
      expect(isUtf8(buffer.subarray(shift, shift + ascii.length))).toBe(true);
      buffer.set(new TextEncoder().encode('é€'), shift + ascii.length);
      expect(isUtf8(buffer.subarray(shift, shift + ascii.length + 5))).toBe(true);
    }
  });

  it('refuses stray continuation bytes, overlong forms, surrogates and cut-off characters', () => {
    expect(isUtf8(b(0x80))).toBe(false);
    expect(isUtf8(b(0xc0, 0xaf))).toBe(false);
    expect(isUtf8(b(0xed, 0xa0, 0x80))).toBe(false);
    expect(isUtf8(b(0x41, 0xe2, 0x82))).toBe(false);
    expect(isUtf8(b(0x43, 0x61, 0x66, 0xe9))).toBe(false); // "Café" in Windows-1252
  });
});

describe('text decoding', () => {
  it('strips a UTF-8 byte-order mark and passes UTF-8 through as the same bytes', () => {
    const plain = new TextEncoder().encode('Force\n');
    expect(toUtf8(plain)).toEqual({ encoding: 'utf-8', bytes: plain });
    const withBom = toUtf8(b(0xef, 0xbb, 0xbf, ...plain));
    expect([withBom.encoding, new TextDecoder().decode(withBom.bytes)]).toEqual(['utf-8 with BOM', 'Force\n']);
  });
  it('reads Windows-1252 (Excel on Windows), including the characters Latin-1 lacks', () => {
    const text = toUtf8(b(0x93, 0x43, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0xa3, 0x35));
    expect([text.encoding, new TextDecoder().decode(text.bytes)]).toEqual(['windows-1252', '“Café” €5 – £5']);
  });
  it('reads UTF-16 with its byte-order mark (Excel\'s "Unicode text")', () => {
    const text = toUtf8(b(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00));
    expect([text.encoding, new TextDecoder().decode(text.bytes)]).toEqual(['utf-16le', 'Aé']);
  });
});

describe('file format', () => {
  it('is told by the bytes, whatever the name', () => {
    expect(detectFormat(new TextEncoder().encode('PAR1....PAR1'))).toBe('parquet');
    expect(detectFormat(new TextEncoder().encode('ARROW1\0\0'))).toBe('arrow-file');
    expect(detectFormat(b(0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0))).toBe('arrow-stream');
    expect(detectFormat(new TextEncoder().encode('PK\x03\x04'))).toBe('spreadsheet');
    expect(detectFormat(b(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00))).toBe('binary');
    expect(detectFormat(new TextEncoder().encode('a,b\n1,2\n'))).toBe('csv');
    expect(detectFormat(b())).toBe('empty');
  });
  it('refuses a file over the limit before reading it, saying the limit', () => {
    expect(fileSizeProblem('big.csv', MAX_FILE_BYTES)).toBeNull();
    const problem = fileSizeProblem('big.csv', 1.6 * 1024 ** 3)!;
    expect(describeProblem(problem).message).toBe('The file is 1.6 GB; Oversight reads files of up to 512 MB in the browser.');
  });
  it('refuses a small Parquet file whose data would be too large once decoded', async () => {
    const codec = await loadParquetCodec();
    const evidence = Array.from({ length: 20_000 }, (_, k) => `Row ${k}: the same long sentence of evidence, repeated on every row of the file.`);
    const parquet = codec.fromArrowStream(tableToIPC(tableFromArrays({ Evidence: evidence }), 'stream'));
    const limit = 200 * 1024;
    expect(parquet.length).toBeLessThan(limit);
    const refused = await prepareFile('small.parquet', parquet, async () => codec, undefined, limit);
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' ? describeProblem(refused.problem).message : '')
      .toMatch(/^The file decodes to \d+ MB of data; Oversight reads up to 0 MB in the browser\.$/);
  });
});
