import type { CsvDialect } from '../recognise/csv-dialect';
import type { Problem } from '../report/problems';
import type { TextEncodingName } from './text-encoding';

/**
 * A file made ready for the database, off the main thread: CSV as UTF-8 pieces that each start on
 * a record, Parquet and Arrow as one Arrow IPC stream, or a refusal with its reason. Everything
 * but a CSV's pieces can be posted between threads as it is (see file-reader.worker.ts).
 */
export type PreparedFile = PreparedCsv | PreparedArrow | RefusedFile;

export interface PreparedCsv {
  kind: 'csv';
  name: string;
  size: number;
  encoding: TextEncodingName;
  dialect: CsvDialect;
  /** Bytes of records after the header, for progress. */
  bytesTotal: number;
  /**
   * UTF-8 records without the header, in order, each piece its own buffer. Produced as they are
   * found, so DuckDB reads the first while the worker is still finding the next.
   */
  pieces: AsyncIterable<Uint8Array>;
  /** After the last piece: a quote opened and was never closed, so the last record runs to the end. */
  endsInsideQuote(): boolean;
}

export interface PreparedArrow {
  kind: 'arrow';
  name: string;
  size: number;
  format: 'parquet' | 'arrow';
  ipcStream: Uint8Array;
}

export interface RefusedFile {
  kind: 'refused';
  name: string;
  size: number;
  problem: Problem;
}
