import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { createMappingTables } from './mapping-tables';

/** The mapping tables as the Data view shows them: the very tables every load joins. */
export interface MappingTables {
  statusWords: { word: string; status: string; reading: string }[];
  forceNames: { written_as: string; kind: string; name: string }[];
  /** `also`: other ways it is read (its web address, your mappings), one per line. */
  inspections: { inspection_id: string; title: string; also: string }[];
}

export async function readMappingTables(db: Connector): Promise<MappingTables> {
  await createMappingTables(db);
  return {
    statusWords: resultRows(await db.query('SELECT word, status, reading FROM ingest_status_words ORDER BY ord')),
    forceNames: resultRows(await db.query('SELECT written_as, kind, name FROM ingest_force_names')),
    // Its web address (whose key is often the short title's, so not a row of its own) and your mappings.
    inspections: resultRows(await db.query(
      `SELECT i.inspection_id, i.title,
              concat_ws(chr(10), any_value(i.source_url), string_agg(n.written_as, chr(10) ORDER BY n.written_as)) AS also
       FROM inspections i LEFT JOIN ingest_inspection_names n ON n.inspection_id = i.inspection_id AND n.kind = 'your mapping'
       GROUP BY i.inspection_id, i.title ORDER BY any_value(i.published)`)),
  };
}
