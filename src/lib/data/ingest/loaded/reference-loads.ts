import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { USER_REFERENCE_TABLES } from './load-registry';
import { REFERENCE_DEFINITIONS, REFERENCE_KINDS, type ReferenceKind } from '../stage/reference-kinds';

/**
 * The user's reference rows in the canonical tables: added under a load, set aside for undo,
 * brought back. Each load's rows are listed in `ingest_user_<table>`; shipped rows never are, so
 * they never go. Called inside load-changes.ts's transactions.
 */
export const UNDO_TABLES: Record<ReferenceKind, string> = {
  inspections: 'ingest_undo_user_inspections',
  recommendations: 'ingest_undo_user_recommendations',
  responses: 'ingest_undo_user_responses',
};

export const REFERENCE_UNDO_DDL = REFERENCE_KINDS.map(
  (kind) => `CREATE TABLE IF NOT EXISTS ${UNDO_TABLES[kind]} AS SELECT * FROM ${USER_REFERENCE_TABLES[kind]} LIMIT 0`);

const columnsOf = (kind: ReferenceKind) => REFERENCE_DEFINITIONS[kind].columns.map((c) => c.column).join(', ');
const ids = (loadIds: readonly number[]) => loadIds.join(',') || '0';
const IN_LOADS = `list_contains(string_split($1, ',')::INTEGER[], load_id)`;

/** Adds a staged reference file's loadable rows to its table, owned by `loadId`. */
export async function addReferenceRows(db: Connector, kind: ReferenceKind, stage: string, loadId: number): Promise<void> {
  const columns = columnsOf(kind);
  await db.query(`INSERT INTO ${kind} (${columns}) SELECT ${columns} FROM ${stage} WHERE loadable ORDER BY row_no`);
  await db.query(`INSERT INTO ${USER_REFERENCE_TABLES[kind]} (load_id, ${columns}) SELECT $1, ${columns} FROM ${stage} WHERE loadable ORDER BY row_no`, [loadId]);
}

/** Takes the rows of these loads out of the canonical tables and their lists (the lists' rows are returned). */
async function deleteOwned(db: Connector, kind: ReferenceKind, loadIds: readonly number[]): Promise<void> {
  const owned = USER_REFERENCE_TABLES[kind];
  const match = REFERENCE_DEFINITIONS[kind].key.map((column) => `${kind}.${column} IS NOT DISTINCT FROM u.${column}`).join(' AND ');
  await db.query(`DELETE FROM ${kind} USING (SELECT * FROM ${owned} WHERE ${IN_LOADS}) u WHERE ${match}`, [ids(loadIds)]);
  await db.query(`DELETE FROM ${owned} WHERE ${IN_LOADS}`, [ids(loadIds)]);
}

/** Moves the rows of these loads aside, where undo finds them. */
export async function setAsideReferenceRows(db: Connector, loadIds: readonly number[]): Promise<void> {
  for (const kind of REFERENCE_KINDS) {
    await db.query(`DELETE FROM ${UNDO_TABLES[kind]}`);
    await db.query(`INSERT INTO ${UNDO_TABLES[kind]} SELECT * FROM ${USER_REFERENCE_TABLES[kind]} WHERE ${IN_LOADS}`, [ids(loadIds)]);
    await deleteOwned(db, kind, loadIds);
  }
}

/** Undo: takes out the rows the change added, and brings back those it set aside. */
export async function undoReferenceRows(db: Connector, addedIds: readonly number[]): Promise<void> {
  for (const kind of REFERENCE_KINDS) {
    const columns = columnsOf(kind);
    await deleteOwned(db, kind, addedIds);
    await db.query(`INSERT INTO ${kind} (${columns}) SELECT ${columns} FROM ${UNDO_TABLES[kind]}`);
    await db.query(`INSERT INTO ${USER_REFERENCE_TABLES[kind]} SELECT * FROM ${UNDO_TABLES[kind]}`);
    await db.query(`DELETE FROM ${UNDO_TABLES[kind]}`);
  }
}

/**
 * The files whose rows use the inspections or recommendations of a load: the status files naming
 * them, the recommendations and responses files naming its inspections. Empty when none.
 */
export async function filesUsing(db: Connector, kind: ReferenceKind, loadId: number): Promise<string[]> {
  if (kind === 'responses') return [];
  const owned = `(SELECT * FROM ${USER_REFERENCE_TABLES[kind]} WHERE load_id = $1)`;
  const uses = (alias: string) => (kind === 'inspections'
    ? `${alias}.inspection_id IN (SELECT inspection_id FROM ${owned})`
    : `(${alias}.inspection_id, ${alias}.rec_no) IN (SELECT (inspection_id, rec_no) FROM ${owned})`);
  const statusFiles = `SELECT DISTINCT l.label, l.load_id FROM status_updates s JOIN ingest_loads l
      ON l.kind = 'statuses' AND s.seq BETWEEN l.seq_from AND l.seq_to AND (l.source IS NULL OR s.source = l.source)
    WHERE ${uses('s')}`;
  const referenceFiles = kind === 'inspections'
    ? (['recommendations', 'responses'] as const).map((other) => `SELECT DISTINCT l.label, l.load_id FROM ${USER_REFERENCE_TABLES[other]} u
        JOIN ingest_loads l USING (load_id) WHERE ${uses('u')}`)
    : [];
  const rows = resultRows<{ label: string }>(await db.query(
    `SELECT label FROM (${[statusFiles, ...referenceFiles].join(' UNION ')}) ORDER BY load_id`, [loadId]));
  return rows.map((row) => row.label);
}
