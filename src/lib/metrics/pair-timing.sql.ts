/**
 * Follows PAIR_STATUS_CTE: adds when each force × recommendation pair was first done, and whether it
 * was done on time. Parameters as in `filterParams`.
 *
 * - First done: the earliest update on or before D whose status counts as complete (complete, or
 *   pending_closure when the toggle is on).
 * - Deadline passed on D: in scope and due_date < D (the due date itself is still in time).
 * - On time: first done on or before due_date.
 */
export const PAIR_TIMING_CTE = `
first_done AS (
  SELECT force_id, inspection_id, rec_no, min(as_of) AS done_on
  FROM status_updates
  WHERE as_of <= $1::DATE AND (status = 'complete' OR ($4 AND status = 'pending_closure'))
  GROUP BY force_id, inspection_id, rec_no
),
timed AS (
  SELECT s.*, d.done_on,
         s.in_scope AND coalesce(s.due_date < $1::DATE, false) AS deadline_passed,
         s.in_scope AND coalesce(d.done_on <= s.due_date, false) AS on_time
  FROM scored s
  LEFT JOIN first_done d
    ON d.force_id = s.force_id AND d.inspection_id = s.inspection_id AND d.rec_no = s.rec_no
)`;
