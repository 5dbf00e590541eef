import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { FileKind } from '../stage/reference-kinds';

/**
 * What is loaded: one entry per file (the shipped status files included). A status file owns the
 * status_updates rows with `seq` in [seq_from, seq_to] (and, for the shipped files, whose rows
 * interleave, the given `source`). A user's inspections, recommendations or responses file owns
 * the rows of its table listed under its load_id in `ingest_user_<table>` (its seq range is
 * empty). Removing or replacing an entry deletes exactly those rows; shipped reference rows stay.
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
  kind: FileKind;
}

/** The reference tables, listed beside the status files; they ship with Oversight and stay. */
export interface ReferenceTable {
  table: string;
  rows: number;
}

export const REGISTRY_DDL = `CREATE TABLE IF NOT EXISTS ingest_loads (
  load_id INTEGER NOT NULL, label VARCHAR NOT NULL, file_name VARCHAR NOT NULL, origin VARCHAR NOT NULL,
  format VARCHAR NOT NULL, shape VARCHAR NOT NULL, rows BIGINT NOT NULL, loaded_at VARCHAR NOT NULL,
  seq_from BIGINT NOT NULL, seq_to BIGINT NOT NULL, source VARCHAR, kind VARCHAR NOT NULL DEFAULT 'statuses')`;

/** The columns of ingest_loads in order, for inserts that name them (older saves lack `kind`). */
export const LOAD_COLUMNS = 'load_id, label, file_name, origin, format, shape, rows, loaded_at, seq_from, seq_to, source, kind';

/** The user's reference rows, each under the load that added it: a copy of the canonical row and its owner. */
export const USER_REFERENCE_TABLES = {
  inspections: 'ingest_user_inspections',
  recommendations: 'ingest_user_recommendations',
  responses: 'ingest_user_responses',
} as const;

/** Creates the registry and the tables of the user's reference rows, when missing. */
export async function ensureRegistry(db: Connector): Promise<void> {
  await db.query(REGISTRY_DDL);
  for (const [table, owned] of Object.entries(USER_REFERENCE_TABLES)) {
    await db.query(`CREATE TABLE IF NOT EXISTS ${owned} AS SELECT 0::INTEGER AS load_id, * FROM ${table} LIMIT 0`);
  }
}

const SHIPPED_FILES: Record<string, { label: string; file: string }> = {
  illustrative: { label: 'Illustrative statuses (generated demo data)', file: 'status-illustrative.arrows' },
  'PCC response': { label: 'Statuses read from PCC responses', file: 'status-pcc-responses.csv' },
};

/**
 * Lists the shipped status files as entries, once, right after the shipped data is loaded. A
 * registry that already has entries (restored from a previous visit) is left as it is.
 */
export async function registerShippedLoads(db: Connector, loadedAt: string): Promise<void> {
  await ensureRegistry(db);
  const [existing] = resultRows<{ n: number }>(await db.query('SELECT count(*)::INTEGER AS n FROM ingest_loads'));
  if ((existing?.n ?? 0) > 0) return;
  const sources = resultRows<{ source: string; rows: number; seq_from: number; seq_to: number }>(await db.query(
    `SELECT source, count(*)::INTEGER AS rows, min(seq)::BIGINT AS seq_from, max(seq)::BIGINT AS seq_to
     FROM status_updates GROUP BY source ORDER BY rows DESC, source`));
  for (const [k, entry] of sources.entries()) {
    const known = SHIPPED_FILES[entry.source];
    await db.query(
      `INSERT INTO ingest_loads (${LOAD_COLUMNS}) VALUES ($1, $2, $3, 'shipped', $4, 'long', $5, $6, $7, $8, $9, 'statuses')`,
      [k + 1, known?.label ?? `Shipped statuses: ${entry.source}`, known?.file ?? 'shipped with Oversight',
        known?.file.endsWith('.arrows') ? 'arrow' : 'csv', entry.rows, loadedAt, Number(entry.seq_from), Number(entry.seq_to), entry.source],
    );
  }
}

export async function listLoads(db: Connector): Promise<LoadEntry[]> {
  await ensureRegistry(db);
  return resultRows<LoadEntry>(await db.query(
    `SELECT load_id, label, file_name, origin, format, shape, rows::INTEGER AS rows, loaded_at,
            seq_from::DOUBLE AS seq_from, seq_to::DOUBLE AS seq_to, source, kind
     FROM ingest_loads ORDER BY load_id`));
}

/** The shipped rows of each reference table (the user's own rows are listed as their files). */
export async function listReferenceTables(db: Connector): Promise<ReferenceTable[]> {
  await ensureRegistry(db);
  const shipped = (table: string) => `((SELECT count(*) FROM ${table}) - coalesce((SELECT count(*) FROM ${USER_REFERENCE_TABLES[table as keyof typeof USER_REFERENCE_TABLES]}), 0))::INTEGER`;
  return resultRows<ReferenceTable>(await db.query(
    `SELECT 'forces' AS "table", (SELECT count(*) FROM forces)::INTEGER AS rows
     UNION ALL SELECT 'inspections', ${shipped('inspections')}
     UNION ALL SELECT 'recommendations', ${shipped('recommendations')}
     UNION ALL SELECT 'responses', ${shipped('responses')}`));
}
