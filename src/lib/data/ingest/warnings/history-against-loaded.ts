import type { Connector, SqlParam } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { StagingNames } from '../stage/staging-names';
import { statusAsWrittenJoin, STATUS_AS_WRITTEN, warningDetailSql } from './warning-kinds';

/**
 * A history that goes backwards across files: a new file's update for a pair says it is not
 * complete, dated after the data already loaded said it was complete, with nothing in the file
 * between (a file that repeats the complete is checked within itself, status-warnings.ts). The
 * earlier word is the user's own files (a user load's rows): the shipped statuses are the demo's
 * or a reading of PCC responses, not what the force itself said before.
 */
const OPEN = "('not_started', 'in_progress', 'pending_closure')";
/** A status_updates row (alias `alias`) of a user's loaded status file. */
const userRowSql = (alias: string) => `EXISTS (SELECT 1 FROM ingest_loads l
  WHERE l.origin = 'user' AND l.kind = 'statuses' AND ${alias}.seq BETWEEN l.seq_from AND l.seq_to)`;

/**
 * Adds a `history_backwards_loaded` warning per such staged row (`loadable`: SQL over the staged
 * row); its detail's last part is the loaded update's date (ISO) and its source, `date~source`.
 */
export async function findHistoryAgainstLoaded(
  db: Connector,
  names: StagingNames,
  loadable: string,
  status: { column: number | null; header: string | null },
): Promise<void> {
  const [suspects] = resultRows<{ n: number }>(await db.query(
    `SELECT count(*)::INTEGER AS n FROM status_updates u WHERE u.status = 'complete' AND ${userRowSql('u')}`));
  if ((suspects?.n ?? 0) === 0) return;
  const params: SqlParam[] = [status.column, status.header];
  await db.query(`INSERT INTO ${names.problems}
    WITH staged AS (SELECT row_no, col, force_id, inspection_id, rec_no, as_of, status FROM ${names.stage} WHERE ${loadable}),
    loaded AS (
      SELECT u.force_id, u.inspection_id, u.rec_no, u.as_of, u.status, u.source, u.seq FROM status_updates u
      SEMI JOIN (SELECT DISTINCT force_id, inspection_id, rec_no FROM staged) p USING (force_id, inspection_id, rec_no)
      WHERE ${userRowSql('u')}),
    prior AS (
      -- The loaded update each open staged update follows: the latest before it (of one date, the later loaded).
      SELECT s.row_no, s.col, l.status AS loaded_status, l.as_of AS loaded_as_of, l.source AS loaded_source
      FROM staged s JOIN loaded l USING (force_id, inspection_id, rec_no)
      WHERE s.status IN ${OPEN} AND l.as_of < s.as_of
      QUALIFY row_number() OVER (PARTITION BY s.row_no, s.col ORDER BY l.as_of DESC, l.seq DESC) = 1)
    SELECT st.row_no, $1, $2, ${STATUS_AS_WRITTEN}, 'history_backwards_loaded',
      ${warningDetailSql("strftime(p.loaded_as_of, '%Y-%m-%d') || '~' || p.loaded_source", names.maps.inspection)}
    FROM prior p JOIN staged st USING (row_no, col) JOIN forces f ON f.force_id = st.force_id ${statusAsWrittenJoin(names.cells)}
    WHERE p.loaded_status = 'complete' AND NOT EXISTS (
      SELECT 1 FROM staged b WHERE b.force_id = st.force_id AND b.inspection_id = st.inspection_id AND b.rec_no = st.rec_no
        AND b.as_of >= p.loaded_as_of AND b.as_of < st.as_of)`, params);
}

/**
 * "Exclude these rows" for this warning: a loaded file's open updates (seq in [$1, $2]) whose
 * latest earlier update from other data is complete, with none of the file's own between.
 */
export const HISTORY_AGAINST_LOADED_RULE = `status IN ${OPEN} AND (
    SELECT arg_max(c.status, (c.as_of - DATE '1970-01-01')::BIGINT * 10000000000 + c.seq) FROM status_updates c
    WHERE NOT (c.seq BETWEEN $1 AND $2) AND ${userRowSql('c')}
      AND c.force_id = s.force_id AND c.inspection_id = s.inspection_id AND c.rec_no = s.rec_no AND c.as_of < s.as_of
  ) = 'complete' AND NOT EXISTS (
    SELECT 1 FROM status_updates b WHERE b.seq BETWEEN $1 AND $2
      AND b.force_id = s.force_id AND b.inspection_id = s.inspection_id AND b.rec_no = s.rec_no AND b.as_of < s.as_of
      AND b.as_of >= (SELECT max(c.as_of) FROM status_updates c WHERE NOT (c.seq BETWEEN $1 AND $2) AND ${userRowSql('c')}
        AND c.force_id = s.force_id AND c.inspection_id = s.inspection_id AND c.rec_no = s.rec_no AND c.as_of < s.as_of))`;
