import Papa from 'papaparse';

/** How a CSV file is written, read by PapaParse from its first 64 KB. */
export interface CsvDialect {
  delimiter: string;
  /** The first record: the column headers. */
  header: string[];
  /** The first data records, for the preview shown while the whole file loads. */
  preview: string[][];
  /** '\r' for old Mac files, which are rewritten to '\n' before DuckDB reads them. */
  linebreak: string;
}

export const SNIFF_BYTES = 65_536;
const PREVIEW_ROWS = 10;
const DELIMITERS = [',', ';', '\t', '|'];

export function sniffDialect(utf8: Uint8Array): CsvDialect {
  let sample = utf8.subarray(0, SNIFF_BYTES);
  // A cut mid-line would put a short last row in the sample and could mislead the guess.
  if (sample.length < utf8.length) {
    const lastLf = sample.lastIndexOf(0x0a);
    if (lastLf > 0) sample = sample.subarray(0, lastLf + 1);
  }
  const text = new TextDecoder('utf-8').decode(sample);
  const parsed = Papa.parse<string[]>(text, { preview: PREVIEW_ROWS + 1, delimitersToGuess: DELIMITERS, skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  return {
    delimiter: parsed.meta.delimiter || ',',
    header: header.map((cell) => cell.trim()),
    preview: rows.filter((row) => row.some((cell) => cell.trim() !== '')),
    linebreak: parsed.meta.linebreak || '\n',
  };
}
