import type { Connector } from '../../db/connector';
import { resultRows } from './result-rows';

/**
 * What is loaded: one entry per file of statuses (the shipped ones included), each owning the
 * status_updates rows with `seq` in [seq_from, seq_to] (and, for the shipped files, whose rows
 * interleave, the given `source`). Removing or replacing an entry deletes exactly those rows.
 */
export interface LoadEntry {
  load_id: number;
  label: string;
  file_name: string;
  origin: 'shipped' | 'user';
  format: string;
  shape: string;
  rows: number;
  loaded_at: string;
  seq_from: number;
  seq_to: number;
  source: string | null;
}

/** The reference tables, listed beside the status files; they ship with Oversight and stay. */
export interface ReferenceTable {
  table: string;
  rows: number;
}

export const REGISTRY_DDL = `CREATE TABLE IF NOT EXISTS ingest_loads (
  load_id INTEGER NOT NULL, label VARCHAR NOT NULL, file_name VARCHAR NOT NULL, origin VARCHAR NOT NULL,
  format VARCHAR NOT NULL, shape VARCHAR NOT NULL, rows BIGINT NOT NULL, loaded_at VARCHAR NOT NULL,
  seq_from BIGINT NOT NULL, seq_to BIGINT NOT NULL, source VARCHAR)`;

const SHIPPED_FILES: Record<string, { label: string; file: string }> = {
  illustrative: { label: 'Illustrative statuses (generated demo data)', file: 'status-illustrative.arrows' },
  'PCC response': { label: 'Statuses read from PCC responses', file: 'status-pcc-responses.csv' },
};

/**
 * Lists the shipped status files as entries, once, right after the shipped data is loaded. A
 * registry that already has entries (restored from a previous visit) is left as it is.
 */
export async function registerShippedLoads(db: Connector, loadedAt: string): Promise<void> {
  await db.query(REGISTRY_DDL);
  const [existing] = resultRows<{ n: number }>(await db.query('SELECT count(*)::INTEGER AS n FROM ingest_loads'));
  if ((existing?.n ?? 0) > 0) return;
  const sources = resultRows<{ source: string; rows: number; seq_from: number; seq_to: number }>(await db.query(
    `SELECT source, count(*)::INTEGER AS rows, min(seq)::BIGINT AS seq_from, max(seq)::BIGINT AS seq_to
     FROM status_updates GROUP BY source ORDER BY rows DESC, source`));
  for (const [k, entry] of sources.entries()) {
    const known = SHIPPED_FILES[entry.source];
    await db.query(
      `INSERT INTO ingest_loads VALUES ($1, $2, $3, 'shipped', $4, 'long', $5, $6, $7, $8, $9)`,
      [k + 1, known?.label ?? `Shipped statuses: ${entry.source}`, known?.file ?? 'shipped with Oversight',
        known?.file.endsWith('.arrows') ? 'arrow' : 'csv', entry.rows, loadedAt, Number(entry.seq_from), Number(entry.seq_to), entry.source],
    );
  }
}

export async function listLoads(db: Connector): Promise<LoadEntry[]> {
  await db.query(REGISTRY_DDL);
  return resultRows<LoadEntry>(await db.query(
    `SELECT load_id, label, file_name, origin, format, shape, rows::INTEGER AS rows, loaded_at,
            seq_from::DOUBLE AS seq_from, seq_to::DOUBLE AS seq_to, source
     FROM ingest_loads ORDER BY load_id`));
}

export async function listReferenceTables(db: Connector): Promise<ReferenceTable[]> {
  return resultRows<ReferenceTable>(await db.query(
    `SELECT 'forces' AS "table", (SELECT count(*) FROM forces)::INTEGER AS rows
     UNION ALL SELECT 'inspections', (SELECT count(*) FROM inspections)::INTEGER
     UNION ALL SELECT 'recommendations', (SELECT count(*) FROM recommendations)::INTEGER
     UNION ALL SELECT 'responses', (SELECT count(*) FROM responses)::INTEGER`));
}
