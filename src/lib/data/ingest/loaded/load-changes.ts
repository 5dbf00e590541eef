import type { Connector, SqlParam } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { ensureRegistry, listLoads, LOAD_COLUMNS, type LoadEntry } from './load-registry';
import { addReferenceRows, filesUsing, REFERENCE_UNDO_DDL, setAsideReferenceRows, undoReferenceRows } from './reference-loads';
import type { StagedFile } from '../stage/stage-file';
import { LOADABLE_SQL } from '../stage/stage-statuses';
import { dropStaging } from '../stage/staging-names';

/**
 * Every change to the loaded data — accepting a load, removing an entry, undoing — runs as one
 * transaction: it happens whole or not at all, so a failure leaves the data as it was. Status
 * files own rows of status_updates; reference files own rows of their table (reference-loads.ts).
 */
export type LoadMode = { kind: 'add' } | { kind: 'replace'; loadIds: number[] };

/** The one change that can be undone: the last replace or remove. */
export interface UndoableChange {
  description: string;
}

const UNDO_DDL = [
  `CREATE TABLE IF NOT EXISTS ingest_undo (description VARCHAR NOT NULL, added_ids VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ingest_undo_loads AS SELECT * FROM ingest_loads LIMIT 0`,
  `CREATE TABLE IF NOT EXISTS ingest_undo_rows AS SELECT * FROM status_updates LIMIT 0`,
];

async function inTransaction<T>(db: Connector, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (cause) {
    await db.query('ROLLBACK');
    throw cause;
  }
}

async function prepareTables(db: Connector): Promise<void> {
  await ensureRegistry(db);
  for (const ddl of [...UNDO_DDL, ...REFERENCE_UNDO_DDL]) await db.query(ddl);
}

/**
 * The rows owned by some entries, as a WHERE clause with bound values: a plain range test per
 * entry, which DuckDB answers by a scan, where a correlated EXISTS would be slow at a million rows.
 */
export function ownedRows(entries: readonly LoadEntry[], firstParam: number): { sql: string; params: SqlParam[] } {
  if (entries.length === 0) return { sql: 'false', params: [] };
  const params: SqlParam[] = [];
  const clauses = entries.map((entry) => {
    const at = firstParam + params.length;
    params.push(entry.seq_from, entry.seq_to, entry.source);
    return `(seq BETWEEN $${at} AND $${at + 1} AND ($${at + 2}::VARCHAR IS NULL OR source = $${at + 2}))`;
  });
  return { sql: `(${clauses.join(' OR ')})`, params };
}

/** Moves the rows and entries of `loadIds` aside, so that undo can bring them back. */
async function setAside(db: Connector, loadIds: number[], description: string, addedIds: number[]): Promise<void> {
  await db.query('DELETE FROM ingest_undo');
  await db.query('DELETE FROM ingest_undo_loads');
  await db.query('DELETE FROM ingest_undo_rows');
  const entries = (await listLoads(db)).filter((entry) => loadIds.includes(entry.load_id));
  const owned = ownedRows(entries, 1);
  await db.query(`INSERT INTO ingest_undo_rows SELECT * FROM status_updates WHERE ${owned.sql}`, owned.params);
  await db.query(`DELETE FROM status_updates WHERE ${owned.sql}`, owned.params);
  await setAsideReferenceRows(db, loadIds);
  const ids = loadIds.join(',');
  await db.query(`INSERT INTO ingest_undo_loads SELECT * FROM ingest_loads WHERE list_contains(string_split($1, ',')::INTEGER[], load_id)`, [ids]);
  await db.query(`DELETE FROM ingest_loads WHERE list_contains(string_split($1, ',')::INTEGER[], load_id)`, [ids]);
  await db.query('INSERT INTO ingest_undo VALUES ($1, $2)', [description, addedIds.join(',')]);
}

/**
 * Loads the valid rows of the staged files (one entry each), in place of `mode.loadIds` when
 * replacing and the batch brings statuses (a batch of reference files alone only adds). Files
 * with problems with the whole file, or without a single valid new row, add nothing.
 */
/**
 * `derived`, when given, rebuilds what is derived from the tables (the pre-aggregates) inside the
 * load's own transaction: if it fails (out of memory at millions of rows), the load is rolled back
 * with it, and the page never shows new rows beside old figures. The staging tables are dropped
 * after (see commitLoad for leaving that to the caller).
 */
export async function acceptLoad(
  db: Connector,
  files: readonly StagedFile[],
  mode: LoadMode,
  loadedAt: string,
  derived?: (db: Connector) => Promise<void>,
): Promise<LoadEntry[]> {
  const added = await commitLoad(db, files, mode, loadedAt, derived);
  await discardStaged(db, files);
  return added;
}

/**
 * acceptLoad without dropping the staging tables: the page says the rows are in, and its views ask
 * about them, before it drops them (about 70 ms of statements after a 1M-row file). The caller
 * drops them with discardStaged.
 */
export async function commitLoad(
  db: Connector,
  files: readonly StagedFile[],
  mode: LoadMode,
  loadedAt: string,
  derived?: (db: Connector) => Promise<void>,
): Promise<LoadEntry[]> {
  await prepareTables(db);
  const loadable = files.filter((file) => file.fileProblems.length === 0 && file.loadable > 0);
  if (loadable.length === 0) return [];
  const added = await inTransaction(db, async () => {
    // Past everything loaded and everything set aside, so an undo never meets a reused seq or id.
    const [next] = resultRows<{ seq: number; id: number }>(await db.query(
      `SELECT (greatest(coalesce((SELECT max(seq) FROM status_updates), 0),
                        coalesce((SELECT max(seq_to) FROM ingest_undo_loads), 0)) + 1)::DOUBLE AS seq,
              (greatest(coalesce((SELECT max(load_id) FROM ingest_loads), 0),
                        coalesce((SELECT max(load_id) FROM ingest_undo_loads), 0)) + 1)::INTEGER AS id`));
    let seq = next!.seq;
    let id = next!.id;
    const ids = loadable.map((_, k) => id + k);
    // Set aside first, while status_updates is still small: then the new rows are not scanned.
    if (mode.kind === 'replace' && loadable.some((file) => file.kind === 'statuses')) {
      const replaced = (await listLoads(db)).filter((entry) => mode.loadIds.includes(entry.load_id));
      await setAside(db, mode.loadIds, `Replace of ${replaced.map((entry) => entry.label).join(', ')} by ${loadable.map((file) => file.name).join(', ')}`, ids);
    }
    for (const file of loadable) {
      if (file.kind !== 'statuses' && file.kind !== null) {
        await addReferenceRows(db, file.kind, file.names.stage, id);
        // An empty seq range: the entry owns no status rows.
        await db.query(`INSERT INTO ingest_loads (${LOAD_COLUMNS}) VALUES ($1, $2, $3, 'user', $4, 'long', $5, $6, 0, -1, NULL, $7)`,
          [id, file.name, file.name, file.format ?? 'csv', file.loadable, loadedAt, file.kind]);
        id += 1;
        continue;
      }
      // seq follows file order: row by row, and force column by force column in a wide file.
      const width = file.seqWidth;
      await db.query(
        `INSERT INTO status_updates
         SELECT ($1::BIGINT + (row_no - 2) * $2::BIGINT + col) AS seq, force_id, inspection_id, rec_no, status, as_of, evidence, source
         FROM ${file.names.stage} WHERE ${LOADABLE_SQL}`,
        [seq, width],
      );
      const [range] = resultRows<{ last: number }>(await db.query(
        `SELECT (max(row_no) - 2)::DOUBLE AS last FROM ${file.names.stage}`));
      const seqTo = seq + (range!.last + 1) * width - 1;
      await db.query(`INSERT INTO ingest_loads (${LOAD_COLUMNS}) VALUES ($1, $2, $3, 'user', $4, $5, $6, $7, $8, $9, NULL, 'statuses')`,
        [id, file.name, file.name, file.format ?? 'csv', file.shape ?? 'long', file.loadable, loadedAt, seq, seqTo]);
      id += 1;
      seq = seqTo + 1;
    }
    if (derived) await derived(db);
    return ids;
  });
  return (await listLoads(db)).filter((entry) => added.includes(entry.load_id));
}

export async function removeLoad(db: Connector, loadId: number): Promise<void> {
  await prepareTables(db);
  const entry = (await listLoads(db)).find((candidate) => candidate.load_id === loadId);
  if (!entry) throw new Error(`No loaded file has id ${loadId}`);
  if (entry.kind !== 'statuses') {
    const users = await filesUsing(db, entry.kind, loadId);
    if (users.length > 0) {
      throw new Error(`${entry.label} cannot be removed while ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} its ${entry.kind}: remove ${users.length === 1 ? 'that file' : 'those files'} first.`);
    }
  }
  await inTransaction(db, () => setAside(db, [loadId], `Removal of ${entry.label}`, []));
}

export async function lastUndoable(db: Connector): Promise<UndoableChange | null> {
  await prepareTables(db);
  const [row] = resultRows<{ description: string }>(await db.query('SELECT description FROM ingest_undo'));
  return row ? { description: row.description } : null;
}

/**
 * Brings back what the last replace or remove set aside, and takes out what it added. Gives back
 * the change it undid (null: nothing to undo), read with it: a list of changes on the page can be
 * a moment behind the engine, and a message from it named the change before the one undone.
 */
export async function undoLastChange(db: Connector): Promise<UndoableChange | null> {
  await prepareTables(db);
  const [undo] = resultRows<{ added: string; description: string }>(await db.query('SELECT added_ids AS added, description FROM ingest_undo'));
  if (!undo) return null;
  const addedIds = undo.added ? undo.added.split(',').map(Number) : [];
  const added = (await listLoads(db)).filter((entry) => addedIds.includes(entry.load_id));
  await inTransaction(db, async () => {
    const owned = ownedRows(added, 1);
    await db.query(`DELETE FROM status_updates WHERE ${owned.sql}`, owned.params);
    await db.query(`DELETE FROM ingest_loads WHERE list_contains(string_split($1, ',')::INTEGER[], load_id)`, [addedIds.join(',') || '0']);
    await undoReferenceRows(db, addedIds);
    await db.query('INSERT INTO status_updates SELECT * FROM ingest_undo_rows');
    await db.query('INSERT INTO ingest_loads SELECT * FROM ingest_undo_loads');
    await db.query('DELETE FROM ingest_undo');
    await db.query('DELETE FROM ingest_undo_loads');
    await db.query('DELETE FROM ingest_undo_rows');
  });
  return { description: undo.description };
}

/** Drops a load's staging tables; the loaded data is not touched. */
export async function discardStaged(db: Connector, files: readonly StagedFile[]): Promise<void> {
  for (const file of files) await dropStaging(db, file.names);
}
