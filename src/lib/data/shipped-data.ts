import type { Connector } from '../db/connector';
import { CREATE_TABLES } from './schema';

/** The shipped files as text (reference CSVs) and bytes (the illustrative status history). */
export interface ShippedData {
  forcesCsv: string;
  inspectionsCsv: string;
  recommendationsCsv: string;
  /** Statuses read from PCC responses (real, `source = 'PCC response'`). */
  pccStatusesCsv: string;
  responsesCsv: string;
  /** Generated statuses (`source = 'illustrative'`), Arrow IPC stream. */
  illustrativeStatuses: Uint8Array;
}

const encoder = new TextEncoder();

async function registerCsv(db: Connector, name: string, text: string): Promise<void> {
  await db.registerFile(name, encoder.encode(text));
}

/**
 * Creates the canonical tables from the shipped files. Column types are stated, never sniffed,
 * so a stray value fails loudly instead of turning a column into text.
 */
export async function loadShippedData(db: Connector, data: ShippedData): Promise<void> {
  for (const ddl of CREATE_TABLES) await db.query(ddl);
  await registerCsv(db, 'shipped/forces.csv', data.forcesCsv);
  await registerCsv(db, 'shipped/inspections.csv', data.inspectionsCsv);
  await registerCsv(db, 'shipped/recommendations.csv', data.recommendationsCsv);
  await registerCsv(db, 'shipped/pcc-statuses.csv', data.pccStatusesCsv);
  await registerCsv(db, 'shipped/responses.csv', data.responsesCsv);

  await db.query(`INSERT INTO forces
    SELECT force_id, name, region, country, ons_code,
           CASE WHEN aliases IS NULL THEN [] ELSE string_split(aliases, '|') END
    FROM read_csv('shipped/forces.csv', header = true, columns = {
      'force_id': 'VARCHAR', 'name': 'VARCHAR', 'region': 'VARCHAR', 'country': 'VARCHAR',
      'ons_code': 'VARCHAR', 'aliases': 'VARCHAR'})`);
  await db.query(`INSERT INTO inspections
    SELECT * FROM read_csv('shipped/inspections.csv', header = true, columns = {
      'inspection_id': 'VARCHAR', 'title': 'VARCHAR', 'published': 'DATE', 'kind': 'VARCHAR',
      'source_url': 'VARCHAR'})`);
  await db.query(`INSERT INTO recommendations
    SELECT * FROM read_csv('shipped/recommendations.csv', header = true, columns = {
      'inspection_id': 'VARCHAR', 'rec_no': 'INTEGER', 'text': 'VARCHAR', 'addressee': 'VARCHAR',
      'for_forces': 'BOOLEAN', 'due_text': 'VARCHAR', 'due_date': 'DATE', 'source_url': 'VARCHAR'})`);
  await db.query(`INSERT INTO responses
    SELECT * FROM read_csv('shipped/responses.csv', header = true, columns = {
      'force_id': 'VARCHAR', 'inspection_id': 'VARCHAR', 'published': 'DATE', 'url': 'VARCHAR',
      'note': 'VARCHAR'})`);

  await db.insertArrowStream('staging_illustrative', data.illustrativeStatuses);
  // Real statuses from PCC responses replace the illustrative history of the same pairs.
  await db.query(`INSERT INTO status_updates
    WITH pcc AS (
      SELECT * FROM read_csv('shipped/pcc-statuses.csv', header = true, columns = {
        'force_id': 'VARCHAR', 'inspection_id': 'VARCHAR', 'rec_no': 'INTEGER', 'status': 'VARCHAR',
        'as_of': 'DATE', 'evidence': 'VARCHAR', 'source': 'VARCHAR', 'source_url': 'VARCHAR',
        'reasoning': 'VARCHAR'})
    ),
    illustrative AS (
      SELECT i.force_id::VARCHAR AS force_id, i.inspection_id::VARCHAR AS inspection_id,
             i.rec_no::INTEGER AS rec_no, i.status::VARCHAR AS status, i.as_of::DATE AS as_of,
             i.evidence::VARCHAR AS evidence, i.source::VARCHAR AS source
      FROM staging_illustrative i
      ANTI JOIN pcc p USING (force_id, inspection_id, rec_no)
    ),
    combined AS (
      SELECT * FROM illustrative
      UNION ALL BY NAME
      SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM pcc
    )
    SELECT row_number() OVER (ORDER BY as_of, force_id, inspection_id, rec_no) AS seq,
           force_id, inspection_id, rec_no, status, as_of, evidence, source
    FROM combined`);
  await db.query('DROP TABLE staging_illustrative');
}
