import { tableFromIPC, tableToIPC } from 'apache-arrow';

/**
 * The Arrow IPC file format (.arrow, Feather v2) as the stream format, which is what DuckDB's
 * insert reads. The batches are re-framed, not converted to rows.
 */
export function arrowFileToStream(bytes: Uint8Array): Uint8Array {
  return tableToIPC(tableFromIPC(bytes), 'stream');
}
