import type { Connector } from '../../db/connector';
import { resultRows } from './result-rows';
import { createMappingTables } from './mapping-tables';

/** The mapping tables as the Data view shows them: the very tables every load joins. */
export interface MappingTables {
  statusWords: { word: string; status: string; reading: string }[];
  forceNames: { written_as: string; kind: string; name: string }[];
  inspections: { inspection_id: string; title: string }[];
}

export async function readMappingTables(db: Connector): Promise<MappingTables> {
  await createMappingTables(db);
  return {
    statusWords: resultRows(await db.query('SELECT word, status, reading FROM ingest_status_words ORDER BY ord')),
    forceNames: resultRows(await db.query('SELECT written_as, kind, name FROM ingest_force_names')),
    inspections: resultRows(await db.query('SELECT inspection_id, title FROM inspections ORDER BY published')),
  };
}
