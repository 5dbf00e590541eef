import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { LoadEntry } from '../loaded/load-registry';
import { UNDO_TABLES } from '../loaded/reference-loads';
import type { ProblemKind } from '../report/problems';
import { HISTORY_AGAINST_LOADED_RULE } from './history-against-loaded';

/**
 * "Exclude these rows": takes a loaded file's rows that a warning was about out of the data, as
 * one transaction that the Data view's undo puts back (the rows wait in the undo tables, as a
 * removed file's do). The rows are found by the warning's own rule, within the file's rows.
 */
const RULES: Partial<Record<ProblemKind, string>> = {
  date_in_future: 'as_of > $3::DATE',
  date_before_publication: 'as_of < (SELECT i.published FROM inspections i WHERE i.inspection_id = s.inspection_id)',
  history_backwards: `status IN ('not_started', 'in_progress', 'pending_closure') AND as_of > (
    SELECT min(c.as_of) FROM status_updates c WHERE c.seq BETWEEN $1 AND $2 AND c.status = 'complete'
      AND c.force_id = s.force_id AND c.inspection_id = s.inspection_id AND c.rec_no = s.rec_no)`,
  history_backwards_loaded: HISTORY_AGAINST_LOADED_RULE,
};

export function canExclude(kind: ProblemKind): boolean {
  return RULES[kind] !== undefined;
}

/** Returns how many rows were taken out. */
export async function excludeWarnedRows(db: Connector, entry: LoadEntry, kind: ProblemKind, description: string, today: string): Promise<number> {
  const rule = RULES[kind];
  if (!rule) throw new Error(`rows with this warning cannot be excluded: ${kind}`);
  const rows = `FROM status_updates s WHERE s.seq BETWEEN $1 AND $2 AND ${rule}`;
  const range = kind === 'date_in_future' ? [entry.seq_from, entry.seq_to, today] : [entry.seq_from, entry.seq_to];
  await db.query('BEGIN TRANSACTION');
  try {
    // What undo brings back is these rows alone.
    for (const table of ['ingest_undo', 'ingest_undo_loads', 'ingest_undo_rows', ...Object.values(UNDO_TABLES)]) {
      await db.query(`DELETE FROM ${table}`);
    }
    await db.query(`INSERT INTO ingest_undo_rows SELECT s.* ${rows}`, range);
    const [moved] = resultRows<{ n: number }>(await db.query('SELECT count(*)::INTEGER AS n FROM ingest_undo_rows'));
    await db.query(`DELETE FROM status_updates WHERE seq IN (SELECT seq FROM ingest_undo_rows)`);
    await db.query('INSERT INTO ingest_undo VALUES ($1, $2)', [description, '']);
    await db.query('COMMIT');
    return moved?.n ?? 0;
  } catch (cause) {
    await db.query('ROLLBACK');
    throw cause;
  }
}
