import { tableToIPC } from 'apache-arrow';
import type { Connector } from '../../db/connector';
import type { ParquetCodec } from '../ingest/parquet-codec';
import { EXPORT_ALL_SQL } from './dataset-rows.sql';

/** The loaded statuses as Parquet (zstd), with the same columns as the CSV export. */
export async function datasetParquet(db: Connector, codec: ParquetCodec): Promise<Uint8Array> {
  const table = await db.query(EXPORT_ALL_SQL);
  return codec.fromArrowStream(tableToIPC(table, 'stream'));
}
