import { PAIR_STATUS_CTE } from './pair-status.sql';
import { plainWithUpdates } from './pair-updates.sql';

/**
 * Follows a `scored` CTE whose rows carry `done_on`: whether each pair's deadline has passed and
 * whether it was done on time.
 *
 * - Deadline passed on D: in scope and due_date < D (the due date itself is still in time).
 * - On time: first done on or before due_date.
 */
export const timedCte = (from: string) => `
timed AS (
  SELECT s.*,
         s.in_scope AND coalesce(s.due_date < $1::DATE, false) AS deadline_passed,
         s.in_scope AND coalesce(s.done_on <= s.due_date, false) AS on_time
  FROM ${from} s
)`;

/**
 * Follows PAIR_STATUS_CTE: adds when each force × recommendation pair was first done, and whether it
 * was done on time. Parameters as in `filterParams`.
 *
 * - First done: the earliest update on or before D whose status counts as complete (complete, or
 *   pending_closure when the toggle is on).
 */
export const PAIR_TIMING_CTE = `
first_done AS (
  SELECT force_id, inspection_id, rec_no, min(as_of) AS done_on
  FROM status_updates
  WHERE as_of <= $1::DATE AND (status = 'complete' OR ($4 AND status = 'pending_closure'))
  GROUP BY force_id, inspection_id, rec_no
),
scored_done AS (
  SELECT s.*, d.done_on
  FROM scored s
  LEFT JOIN first_done d
    ON d.force_id = s.force_id AND d.inspection_id = s.inspection_id AND d.rec_no = s.rec_no
),${timedCte('scored_done')}`;

/**
 * Where a per-pair metric reads its rows from: CTEs that end in `scored` (status on D and its
 * flags) and in `timed` (those, plus first done and on time), and `withUpdates(chosen, name)`,
 * which defines `name`: the rows of a CTE with their last update and evidence as on D (see
 * pair-updates.sql.ts). The plain definitions read every update; the pre-aggregated ones
 * (preagg/pair-status-fast.sql.ts) give the same rows.
 */
export interface PairRows {
  scored: string;
  timed: string;
  withUpdates: (chosen: string, name: string) => string;
}

export const PLAIN_PAIRS: PairRows = {
  scored: PAIR_STATUS_CTE,
  timed: `${PAIR_STATUS_CTE}, ${PAIR_TIMING_CTE}`,
  withUpdates: plainWithUpdates,
};
