import { tableToIPC, type Table } from 'apache-arrow';
import type { Connector } from '../../db/connector';
import type { ParquetCodec } from '../ingest/read/parquet-codec';
import { EXPORT_ALL_SQL } from './dataset-rows.sql';

/** A query result as an Arrow IPC stream. */
export type TableToStream = (table: Table) => Uint8Array;

/**
 * The loaded statuses as Parquet (zstd), with the same columns as the CSV export. Under Node the
 * engine returns tables of its own copy of apache-arrow, which only that copy can write: tests
 * pass its writer as `toStream`.
 */
export async function datasetParquet(
  db: Connector,
  codec: ParquetCodec,
  toStream: TableToStream = (table) => tableToIPC(table, 'stream'),
): Promise<Uint8Array> {
  return codec.fromArrowStream(toStream(await db.query(EXPORT_ALL_SQL)));
}
