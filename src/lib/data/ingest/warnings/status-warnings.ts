import type { Connector, SqlParam } from '../../../db/connector';
import type { StagingNames } from '../stage/staging-names';
import { statusAsWrittenJoin, STATUS_AS_WRITTEN, warningDetailSql } from './warning-kinds';
import { findHistoryAgainstLoaded } from './history-against-loaded';

/** Statuses that are not complete (nor superseded, not applicable): after a complete, a step back. */
const OPEN = "('not_started', 'in_progress', 'pending_closure')";

/** How many staged rows each warning check below would find: none, and it is skipped. */
export interface WarningSuspects { future: number; backwards: number }

/**
 * The select items that count `WarningSuspects` over staged table `stage` (`loadable`: SQL over a
 * staged row; `$1`: today, ISO), for the caller's one statement of counts. A history goes backwards
 * where a pair's latest open update is dated after its first complete: one grouping, no window.
 */
export const warningSuspectsSql = (stage: string, loadable: string) =>
  `(SELECT count(*) FROM ${stage} WHERE ${loadable} AND as_of > $1::DATE)::INTEGER AS future,
   (SELECT count(*) FROM (
      SELECT min(as_of) FILTER (WHERE status = 'complete') AS completed, max(as_of) FILTER (WHERE status IN ${OPEN}) AS latest_open
      FROM ${stage} WHERE ${loadable} GROUP BY force_id, inspection_id, rec_no)
    WHERE latest_open > completed)::INTEGER AS backwards`;

/**
 * The warnings of a staged status file, among the rows that load (`loadable`, SQL over the
 * staged row): an update dated after today, and a history that goes backwards (complete, then
 * not complete later), within the file or against the data already loaded. `columns` name the
 * file's date and status columns; `today` is ISO; `suspects` come from `warningSuspectsSql`.
 */
export async function findStatusWarnings(
  db: Connector,
  names: StagingNames,
  loadable: string,
  columns: { date: number | null; dateHeader: string | null; status: number | null; statusHeader: string | null },
  today: string,
  suspects: WarningSuspects,
): Promise<void> {
  const insert = (sql: string, params: SqlParam[]) => db.query(`INSERT INTO ${names.problems} ${sql}`, params);
  if (suspects.future > 0) await insert(`SELECT st.row_no, $1, $2, strftime(st.as_of, '%d/%m/%Y'), 'date_in_future', ${warningDetailSql("''", names.maps.inspection)}
    FROM ${names.stage} st JOIN forces f USING (force_id)
    WHERE ${loadable} AND st.as_of > $3::DATE`, [columns.date, columns.dateHeader, today]);
  // Within the file: an open status dated after the pair's first complete. The pairs' first
  // complete dates are grouped, not windowed over every row; the status cells are read for the
  // rows found only.
  if (suspects.backwards > 0) await insert(`SELECT st.row_no, $1, $2, ${STATUS_AS_WRITTEN}, 'history_backwards',
      ${warningDetailSql("strftime(st.completed, '%Y-%m-%d')", names.maps.inspection)}
    FROM (SELECT s.*, p.completed
          FROM (SELECT * FROM ${names.stage} WHERE ${loadable}) s
          JOIN (SELECT force_id, inspection_id, rec_no, min(as_of) AS completed FROM ${names.stage}
                WHERE ${loadable} AND status = 'complete' GROUP BY ALL) p USING (force_id, inspection_id, rec_no)
          WHERE s.status IN ${OPEN} AND s.as_of > p.completed) st
    JOIN forces f USING (force_id) ${statusAsWrittenJoin(names.cells)}`,
  [columns.status, columns.statusHeader]);
  await findHistoryAgainstLoaded(db, names, loadable, { column: columns.status, header: columns.statusHeader });
}
