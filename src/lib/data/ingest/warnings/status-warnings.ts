import type { Connector, SqlParam } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { StagingNames } from '../stage/staging-names';
import { statusAsWrittenSql, warningDetailSql } from './warning-kinds';
import { findHistoryAgainstLoaded } from './history-against-loaded';

/**
 * The warnings of a staged status file, among the rows that load (`loadable`, SQL over the
 * staged row): an update dated after today, and a history that goes backwards (complete, then
 * not complete later), within the file or against the data already loaded. `columns` name the file's date and status columns; `today` is ISO.
 */
export async function findStatusWarnings(
  db: Connector,
  names: StagingNames,
  loadable: string,
  columns: { date: number | null; dateHeader: string | null; status: number | null; statusHeader: string | null },
  today: string,
): Promise<void> {
  const insert = (sql: string, params: SqlParam[]) => db.query(`INSERT INTO ${names.problems} ${sql}`, params);
  // One scan first: a file with no future date, or no complete status, needs no more.
  const [suspects] = resultRows<{ future: number; complete: number }>(await db.query(
    `SELECT count(*) FILTER (WHERE as_of > $1::DATE)::INTEGER AS future,
            count(*) FILTER (WHERE status = 'complete')::INTEGER AS complete
     FROM ${names.stage} WHERE ${loadable}`, [today]));
  if (suspects!.future > 0) await insert(`SELECT st.row_no, $1, $2, strftime(st.as_of, '%d/%m/%Y'), 'date_in_future', ${warningDetailSql("''", names.maps.inspection)}
    FROM ${names.stage} st JOIN forces f USING (force_id)
    WHERE ${loadable} AND st.as_of > $3::DATE`, [columns.date, columns.dateHeader, today]);
  // Within the file: a status other than complete (or superseded, not applicable) dated after the
  // pair's first complete.
  if (suspects!.complete > 0) await insert(`SELECT st.row_no, $1, $2, ${statusAsWrittenSql(names.cells)}, 'history_backwards',
      ${warningDetailSql("strftime(st.completed, '%Y-%m-%d')", names.maps.inspection)}
    FROM (SELECT *, min(as_of) FILTER (WHERE status = 'complete')
            OVER (PARTITION BY force_id, inspection_id, rec_no) AS completed
          FROM ${names.stage} WHERE ${loadable}) st
    JOIN forces f USING (force_id)
    WHERE st.status IN ('not_started', 'in_progress', 'pending_closure') AND st.as_of > st.completed`,
  [columns.status, columns.statusHeader]);
  await findHistoryAgainstLoaded(db, names, loadable, { column: columns.status, header: columns.statusHeader });
}
