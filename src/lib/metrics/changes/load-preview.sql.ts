import type { Connector, SqlParam } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import type { StagedFile } from '../../data/ingest/stage/stage-file';
import type { LoadEntry } from '../../data/ingest/loaded/load-registry';
import { ownedRows } from '../../data/ingest/loaded/load-changes';
import { LOADABLE_SQL } from '../../data/ingest/stage/stage-statuses';
import { latestStatusCte } from '../pairs/pair-status.sql';
import { shortTitleSql } from '../common/short-title.sql';
import { progress } from './changes.sql';
import { rowsOf } from '../common/rows';

/**
 * What accepting a checked load would change, before it is accepted: each force × recommendation
 * pair's status now (its latest update, by the definition of pair-status.sql.ts, on the last date
 * of either) in the loaded data, beside its status once the load is in (the rows of the replaced
 * files gone, the new files' valid rows added). Read only: the staged and loaded tables are
 * queried, never written.
 *
 * - Changes status: a status before and after, not the same.
 * - New: no status before (no update yet), one after.
 * - No longer has a status: a status before, none after (the file that gave it is replaced).
 * - Stays as it is: the new files give it the status it has.
 */
export type PairChange = 'changed' | 'new' | 'removed' | 'unchanged';

/** What a load would do: the status files it adds and the loaded files it takes out. */
export interface PreviewLoad {
  staged: readonly StagedFile[];
  replaced: readonly LoadEntry[];
}

/** How many pairs change one way (from one status to another). */
export interface PreviewGroup {
  change: PairChange;
  status_before: PairStatus;
  status_after: PairStatus;
  /** Moved back along not started → in progress → pending closure → complete. */
  backwards: boolean;
  pairs: number;
}

/** One pair, in words. */
export interface PreviewPair {
  change: PairChange;
  force_id: string;
  inspection_id: string;
  force: string;
  inspection: string;
  rec_no: number;
  status_before: PairStatus;
  status_after: PairStatus;
  /** The date of its latest update after the load (before it, for a pair that loses its status). */
  as_of: string;
  backwards: boolean;
}

/** Changes first, then new pairs, lost statuses, and those that stay as they are. */
const CHANGE_ORDER = (change: string) => `CASE ${change} WHEN 'changed' THEN 1 WHEN 'new' THEN 2 WHEN 'removed' THEN 3 ELSE 4 END`;

// Each staged file's rows sort after everything loaded and after the files before it, as the load
// gives them seq numbers (load-changes.ts): ties of one date resolve as they will once loaded.
const FILE_SEQ_STEP = 2 ** 40;

/** "Now": the last date of the loaded data or of the new file, so that every pair's latest update counts. */
const LAST_DATE = '(SELECT max(as_of) FROM (SELECT as_of FROM before_updates UNION ALL SELECT as_of FROM after_updates))';

function previewCtes(load: PreviewLoad): { sql: string; params: SqlParam[] } {
  const owned = ownedRows(load.replaced, 1);
  const files = load.staged.filter((file) => file.kind === 'statuses' && file.fileProblems.length === 0 && file.loadable > 0);
  const newRows = files.map((file, k) =>
    `SELECT force_id, inspection_id, rec_no, status, as_of,
            (base.seq + 1 + ${k * FILE_SEQ_STEP} + (row_no - 2) * ${file.seqWidth} + col)::BIGINT AS seq
     FROM ${file.names.stage}, base WHERE ${LOADABLE_SQL}`);
  const titles = load.staged.filter((file) => file.kind === 'inspections' && file.fileProblems.length === 0)
    .map((file) => `SELECT inspection_id, title FROM ${file.names.stage} WHERE loadable`);
  const sql = `
base AS (SELECT coalesce(max(seq), 0) AS seq FROM status_updates),
new_rows AS (${newRows.length ? newRows.join(' UNION ALL ') : 'SELECT force_id, inspection_id, rec_no, status, as_of, seq FROM status_updates WHERE false'}),
replaced_rows AS (SELECT force_id, inspection_id, rec_no, status, as_of, seq FROM status_updates WHERE ${owned.sql}),
touched AS (
  SELECT DISTINCT force_id, inspection_id, rec_no FROM new_rows
  UNION SELECT DISTINCT force_id, inspection_id, rec_no FROM replaced_rows
),
before_updates AS (
  SELECT u.force_id, u.inspection_id, u.rec_no, u.status, u.as_of, u.seq, u.source FROM status_updates u
  SEMI JOIN touched t ON t.force_id = u.force_id AND t.inspection_id = u.inspection_id AND t.rec_no = u.rec_no
),
after_updates AS (
  SELECT force_id, inspection_id, rec_no, status, as_of, seq FROM before_updates WHERE NOT ${owned.sql}
  UNION ALL SELECT * FROM new_rows
),
${latestStatusCte(LAST_DATE, 'latest_before', 'before_updates', true)},
${latestStatusCte(LAST_DATE, 'latest_after', 'after_updates', true)},
compared AS (
  SELECT t.force_id, t.inspection_id, t.rec_no,
         coalesce(b.status, 'no_update') AS status_before, coalesce(a.status, 'no_update') AS status_after,
         CASE WHEN b.status IS NULL THEN 'new' WHEN a.status IS NULL THEN 'removed'
              WHEN a.status <> b.status THEN 'changed' ELSE 'unchanged' END AS change,
         coalesce(${progress('a.status')} < ${progress('b.status')}, false) AS backwards,
         coalesce(a.as_of, b.as_of) AS as_of
  FROM touched t
  LEFT JOIN latest_before b ON b.force_id = t.force_id AND b.inspection_id = t.inspection_id AND b.rec_no = t.rec_no
  LEFT JOIN latest_after a ON a.force_id = t.force_id AND a.inspection_id = t.inspection_id AND a.rec_no = t.rec_no
),
titles AS (
  SELECT inspection_id, any_value(title) AS title FROM (
    SELECT inspection_id, title FROM inspections
    ${titles.map((select) => `UNION ALL ${select}`).join('\n    ')}
  ) GROUP BY inspection_id
)`;
  return { sql, params: owned.params };
}

/** How many pairs change, from what to what, are new, lose their status or stay as they are. */
export async function previewGroups(db: Connector, load: PreviewLoad): Promise<PreviewGroup[]> {
  const { sql, params } = previewCtes(load);
  return rowsOf<PreviewGroup>(await db.query(`WITH ${sql}
    SELECT change, status_before, status_after, backwards, count(*)::INTEGER AS pairs
    FROM compared GROUP BY change, status_before, status_after, backwards
    ORDER BY ${CHANGE_ORDER('change')}, backwards, pairs DESC, status_before, status_after`, params));
}

/**
 * The pairs of one kind of change (every kind when `change` is null), by force, inspection and
 * recommendation; `limit` of them from `offset` (all when `limit` is null).
 */
export async function previewPairs(
  db: Connector, load: PreviewLoad, change: PairChange | null, limit: number | null = null, offset = 0,
): Promise<PreviewPair[]> {
  const { sql, params } = previewCtes(load);
  const at = params.length + 1;
  return rowsOf<PreviewPair>(await db.query(`WITH ${sql}
    SELECT c.change, c.force_id, c.inspection_id, f.name AS force, ${shortTitleSql('i.title')} AS inspection,
           c.rec_no::INTEGER AS rec_no, c.status_before, c.status_after, c.as_of, c.backwards
    FROM compared c
    JOIN forces f ON f.force_id = c.force_id
    LEFT JOIN titles i ON i.inspection_id = c.inspection_id
    WHERE ($${at}::VARCHAR IS NULL OR c.change = $${at})
    ORDER BY ${CHANGE_ORDER('c.change')}, f.name, inspection, c.rec_no
    LIMIT $${at + 1} OFFSET $${at + 2}`, [...params, change, limit, offset]));
}
