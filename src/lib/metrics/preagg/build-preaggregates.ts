import type { Connector } from '../../db/connector';
import { BUILD_PAIR_STATES } from './build-pair-states';

/** The statuses that can be overdue: in scope and not complete. */
export const OVERDUE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'no_update'] as const;
export const ALL_PAIR_STATUSES = [
  'not_started', 'in_progress', 'pending_closure', 'complete', 'superseded', 'not_applicable', 'no_update',
] as const;

/**
 * Pre-aggregates built once per load, so an interaction reads thousands of rows, not millions.
 *
 * `preagg_segments`: each force × recommendation's status as spans [seg_from, seg_to) from the
 * report's publication on: `no_update` until the first update, then the runs of `status_runs`
 * (which hold "latest update with as_of ≤ D"); `overdue_from` is where the span starts counting as
 * overdue (the day after the deadline), or null.
 *
 * `preagg_force_day`: the change in each force's counts per inspection per day: +1 where a span
 * starts and −1 where it ends, per status (n_*) and for overdue spans (o_*). Summing the rows with
 * day ≤ D gives every force's counts as on D.
 */
const BUILD_SEGMENTS = `CREATE OR REPLACE TABLE preagg_segments AS
WITH pairs AS (
  SELECT f.force_id, r.inspection_id, r.rec_no, r.due_date, i.published
  FROM recommendations r
  JOIN inspections i ON i.inspection_id = r.inspection_id
  CROSS JOIN forces f
  WHERE r.for_forces
),
runs AS (
  SELECT p.force_id, p.inspection_id, p.rec_no, p.due_date, s.status,
         greatest(s.valid_from, p.published) AS seg_from, s.valid_to AS seg_to
  FROM pairs p
  JOIN status_runs s ON s.force_id = p.force_id AND s.inspection_id = p.inspection_id AND s.rec_no = p.rec_no
  WHERE s.valid_to > p.published
),
first_run AS (
  SELECT force_id, inspection_id, rec_no, min(seg_from) AS first_from FROM runs GROUP BY ALL
),
spans AS (
  SELECT force_id, inspection_id, rec_no, due_date, status, seg_from, seg_to FROM runs
  UNION ALL
  SELECT p.force_id, p.inspection_id, p.rec_no, p.due_date, 'no_update', p.published,
         coalesce(f.first_from, DATE '9999-12-31')
  FROM pairs p
  LEFT JOIN first_run f ON f.force_id = p.force_id AND f.inspection_id = p.inspection_id AND f.rec_no = p.rec_no
  WHERE coalesce(f.first_from, DATE '9999-12-31') > p.published
)
SELECT force_id, inspection_id, rec_no, status, seg_from, seg_to,
       CASE WHEN status IN ('not_started', 'in_progress', 'pending_closure', 'no_update')
                 AND due_date IS NOT NULL AND greatest(seg_from, due_date + 1) < seg_to
            THEN greatest(seg_from, due_date + 1) END AS overdue_from
FROM spans`;

const statusSums = ALL_PAIR_STATUSES.map(
  (s) => `coalesce(sum(n) FILTER (status = '${s}'), 0)::INTEGER AS n_${s}`,
).join(',\n  ');
const overdueSums = OVERDUE_STATUSES.map(
  (s) => `coalesce(sum(o) FILTER (status = '${s}'), 0)::INTEGER AS o_${s}`,
).join(',\n  ');

const BUILD_FORCE_DAY = `CREATE OR REPLACE TABLE preagg_force_day AS
WITH changes AS (
  SELECT force_id, inspection_id, status, seg_from AS day, 1 AS n, 0 AS o FROM preagg_segments
  UNION ALL
  SELECT force_id, inspection_id, status, seg_to, -1, 0 FROM preagg_segments WHERE seg_to < DATE '9999-12-31'
  UNION ALL
  SELECT force_id, inspection_id, status, overdue_from, 0, 1 FROM preagg_segments WHERE overdue_from IS NOT NULL
  UNION ALL
  SELECT force_id, inspection_id, status, seg_to, 0, -1 FROM preagg_segments
  WHERE overdue_from IS NOT NULL AND seg_to < DATE '9999-12-31'
)
SELECT force_id, inspection_id, day,
  ${statusSums},
  ${overdueSums}
FROM changes
GROUP BY force_id, inspection_id, day
ORDER BY day`;

export async function buildPreaggregates(db: Connector): Promise<void> {
  await db.query(BUILD_SEGMENTS);
  await db.query(BUILD_FORCE_DAY);
  await db.query(BUILD_PAIR_STATES);
}
