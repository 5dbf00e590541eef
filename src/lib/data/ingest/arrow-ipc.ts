import { RecordBatchReader, RecordBatchStreamWriter } from 'apache-arrow';

/**
 * The Arrow IPC file format (.arrow, Feather v2) as the stream format, which is what DuckDB's
 * insert reads. Batches are copied through, never turned into rows.
 */
export function arrowFileToStream(bytes: Uint8Array): Uint8Array {
  const reader = RecordBatchReader.from(bytes);
  return RecordBatchStreamWriter.writeAll(reader).toUint8Array(true);
}
