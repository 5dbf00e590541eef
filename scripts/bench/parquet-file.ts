import { tableFromIPC } from 'apache-arrow';
import { Compression, readParquet, Table, writeParquet, WriterPropertiesBuilder } from 'parquet-wasm/node';

/**
 * Parquet bytes from an Arrow IPC stream (the generator's output), Snappy-compressed as pandas and
 * pyarrow write it by default; the dictionary-encoded text columns stay dictionary-encoded.
 * Read back once to check that no row was lost on the way.
 */
export function parquetFromArrowStream(ipcStream: Uint8Array, expectedRows: number): Uint8Array {
  const properties = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  const parquet = writeParquet(Table.fromIPCStream(ipcStream), properties);
  const rows = tableFromIPC(readParquet(parquet).intoIPCStream()).numRows;
  if (rows !== expectedRows) throw new Error(`Parquet written with ${rows} rows, expected ${expectedRows}`);
  return parquet;
}
