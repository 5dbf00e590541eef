import type { CsvDialect } from './csv-dialect';
import type { Problem } from './problems';
import type { TextEncodingName } from './text-encoding';

/**
 * A file made ready for the database, off the main thread: CSV as UTF-8 pieces that each start on
 * a record, Parquet and Arrow as one Arrow IPC stream, or a refusal with its reason.
 */
export type PreparedFile = PreparedCsv | PreparedArrow | RefusedFile;

export interface PreparedCsv {
  kind: 'csv';
  name: string;
  size: number;
  encoding: TextEncodingName;
  dialect: CsvDialect;
  /** UTF-8 records without the header, in order; each its own buffer, so each can be transferred. */
  pieces: Uint8Array[];
  /** A quote opened and never closed: the last record runs to the end of the file. */
  endsInsideQuote: boolean;
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

/** Buffers a prepared file owns, for postMessage's transfer list. */
export function transferables(file: PreparedFile): ArrayBuffer[] {
  if (file.kind === 'csv') return file.pieces.map((piece) => piece.buffer as ArrayBuffer);
  if (file.kind === 'arrow') return [file.ipcStream.buffer as ArrayBuffer];
  return [];
}
