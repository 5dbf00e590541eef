import { inListParam } from '../common/list-param.sql';
import { MONTHLY_SCOPE_GUARD, SCOPE_KEY } from './monthly-scope.sql';

/**
 * `last_updates` (each force's latest update day on D, $1) from the pre-aggregates: the update days
 * per force over a scope the monthly counts keep, else per force and inspection (another
 * inspection filter, $2). `guard`: a further condition the caller's parameters must meet.
 */
export const lastUpdatesFast = (monthly: boolean, guard = 'true'): string => (monthly
  ? `last_updates AS (
  SELECT force_id, max(day) AS last_update
  FROM preagg_scope_update_days
  WHERE scope = ${SCOPE_KEY} AND day <= $1::DATE AND first_published <= $1::DATE
    AND ${MONTHLY_SCOPE_GUARD} AND ${guard}
  GROUP BY force_id
)`
  : `last_updates AS (
  SELECT d.force_id, max(d.day) AS last_update
  FROM preagg_force_update_days d
  JOIN inspections i ON i.inspection_id = d.inspection_id
  WHERE d.day <= $1::DATE AND i.published <= $1::DATE
    AND ${inListParam('$2', 'd.inspection_id')}
    AND ${guard}
  GROUP BY d.force_id
)`);

/**
 * `open_items` per force from `force_counts` (national-fast.sql.ts): in scope and not complete on D
 * (not started, in progress, pending closure, no update), whatever statuses the figures count.
 */
export const OPEN_ITEMS_FAST = `open_items AS (
  SELECT force_id, n_not_started + n_in_progress + n_pending_closure + n_no_update AS open_items FROM force_counts
)`;
