import { BUILD_FORCE_HISTORY, BUILD_FORCE_STATES, BUILD_OVERDUE_STATES, BUILD_PAIR_STATES, FIRSTS_CTE, PAIRS_CTE } from './build-pair-states';
import { BUILD_FORCE_MONTH, BUILD_SCOPE, inEachScope } from './build-force-month';
import { ALL_PAIR_STATUSES, OVERDUE_STATUSES } from './statuses';

export { ALL_PAIR_STATUSES, OVERDUE_STATUSES };

/**
 * Pre-aggregates built once per load, so an interaction reads thousands of rows, not millions.
 *
 * `preagg_segments`: each force × recommendation's status as spans [seg_from, seg_to) from the
 * report's publication on: `no_update` until the first update, then the runs of `status_runs`
 * (which hold "latest update with as_of ≤ D"); `overdue_from` is where the span starts counting as
 * overdue (the day after the deadline), or null; `deadline_from` where an in-scope span starts
 * having its deadline passed, or null; `done_by_due` and `reported_by_due` whether the pair was
 * first complete (or complete or pending closure) on or before its due date: on time.
 *
 * `preagg_force_day`: the change in each force's counts per inspection per day: +1 where a span
 * starts and −1 where it ends, per status (n_*) and for overdue spans (o_*). Summing the rows with
 * day ≤ D gives every force's counts as on D. Also, not by status: in scope with the deadline
 * passed (deadline_passed), and of those, on time by either counting rule (on_time_*).
 */
const BUILD_SEGMENTS = `CREATE OR REPLACE TABLE preagg_segments AS
WITH ${PAIRS_CTE},
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
),${FIRSTS_CTE}
SELECT s.force_id, s.inspection_id, s.rec_no, s.status, s.seg_from, s.seg_to,
       CASE WHEN s.status IN ('not_started', 'in_progress', 'pending_closure', 'no_update')
                 AND s.due_date IS NOT NULL AND greatest(s.seg_from, s.due_date + 1) < s.seg_to
            THEN greatest(s.seg_from, s.due_date + 1) END AS overdue_from,
       CASE WHEN s.status NOT IN ('superseded', 'not_applicable')
                 AND s.due_date IS NOT NULL AND greatest(s.seg_from, s.due_date + 1) < s.seg_to
            THEN greatest(s.seg_from, s.due_date + 1) END AS deadline_from,
       coalesce(f.first_complete <= s.due_date, false) AS done_by_due,
       coalesce(f.first_reported <= s.due_date, false) AS reported_by_due
FROM spans s
LEFT JOIN firsts f ON f.force_id = s.force_id AND f.inspection_id = s.inspection_id AND f.rec_no = s.rec_no
ORDER BY s.inspection_id, s.rec_no, s.force_id, s.seg_from`;

const statusSums = ALL_PAIR_STATUSES.map(
  (s) => `coalesce(sum(n) FILTER (status = '${s}'), 0)::INTEGER AS n_${s}`,
).join(',\n  ');
const overdueSums = OVERDUE_STATUSES.map(
  (s) => `coalesce(sum(o) FILTER (status = '${s}'), 0)::INTEGER AS o_${s}`,
).join(',\n  ');

const BUILD_FORCE_DAY = `CREATE OR REPLACE TABLE preagg_force_day AS
WITH changes AS (
  SELECT force_id, inspection_id, status, seg_from AS day, 1 AS n, 0 AS o, 0 AS d, 0 AS tc, 0 AS tr FROM preagg_segments
  UNION ALL
  SELECT force_id, inspection_id, status, seg_to, -1, 0, 0, 0, 0 FROM preagg_segments WHERE seg_to < DATE '9999-12-31'
  UNION ALL
  SELECT force_id, inspection_id, status, overdue_from, 0, 1, 0, 0, 0 FROM preagg_segments WHERE overdue_from IS NOT NULL
  UNION ALL
  SELECT force_id, inspection_id, status, seg_to, 0, -1, 0, 0, 0 FROM preagg_segments
  WHERE overdue_from IS NOT NULL AND seg_to < DATE '9999-12-31'
  UNION ALL
  SELECT force_id, inspection_id, status, deadline_from, 0, 0, 1, done_by_due::INTEGER, reported_by_due::INTEGER
  FROM preagg_segments WHERE deadline_from IS NOT NULL
  UNION ALL
  SELECT force_id, inspection_id, status, seg_to, 0, 0, -1, -done_by_due::INTEGER, -reported_by_due::INTEGER
  FROM preagg_segments WHERE deadline_from IS NOT NULL AND seg_to < DATE '9999-12-31'
)
SELECT force_id, inspection_id, day,
  ${statusSums},
  ${overdueSums},
  coalesce(sum(d), 0)::INTEGER AS deadline_passed,
  coalesce(sum(tc), 0)::INTEGER AS on_time_complete,
  coalesce(sum(tr), 0)::INTEGER AS on_time_reported
FROM changes
GROUP BY force_id, inspection_id, day
ORDER BY day`;

/**
 * `preagg_force_update_days`: each day a force updated a recommendation (for forces) of an
 * inspection, once per force, inspection and day, sorted by day. A force's last update as on D over
 * some inspections is the latest of these on or before D: freshness reads this, not every update.
 */
const BUILD_FORCE_UPDATE_DAYS = `CREATE OR REPLACE TABLE preagg_force_update_days AS
SELECT DISTINCT u.force_id, u.inspection_id, u.as_of AS day
FROM status_updates u
-- The for-forces test stays in the subquery: in the ON clause DuckDB found no key to hash on and
-- compared every update with every recommendation (10.3 s at 1M updates under Node, 0.2 s so).
SEMI JOIN (SELECT inspection_id, rec_no FROM recommendations WHERE for_forces) r
  ON r.inspection_id = u.inspection_id AND r.rec_no = u.rec_no
ORDER BY day`;

/**
 * `preagg_scope_update_days`: for each scope of preagg_force_month ('' and the built scope), each
 * day a force updated a recommendation of the scope's inspections, with the earliest publication
 * among the reports it updated that day. A force's last update as on D over the scope is the
 * latest day on or before D whose earliest publication is on or before D (an update dated before
 * its report came out counts once the report is out): a row per force and day, no join on
 * inspections, where the update days per inspection took 30–60 ms per as-of change at 1M.
 */
const BUILD_SCOPE_UPDATE_DAYS = `CREATE OR REPLACE TABLE preagg_scope_update_days AS
WITH scoped AS (
  ${inEachScope('preagg_force_update_days')}
)
SELECT u.scope, u.force_id, u.day, min(i.published) AS first_published
FROM scoped u JOIN inspections i ON i.inspection_id = u.inspection_id
GROUP BY ALL
ORDER BY u.scope, u.day`;

/**
 * The per-force counts: what the national figures, trends, freshness and the force benchmark read
 * (national-fast.sql.ts, history of segments, update days). Built first, and small, so that after a
 * load those views leave the plain SQL seconds before the per-pair tables below are done.
 */
export const COUNT_BUILDS = [
  ['preagg_segments', BUILD_SEGMENTS],
  ['preagg_force_day', BUILD_FORCE_DAY],
  ['preagg_scope', BUILD_SCOPE],
  ['preagg_force_month', BUILD_FORCE_MONTH],
  ['preagg_force_update_days', BUILD_FORCE_UPDATE_DAYS],
  ['preagg_scope_update_days', BUILD_SCOPE_UPDATE_DAYS],
] as const;

/** Each pair's states and history: the overdue list, per-pair figures and the force view read these. */
export const PAIR_BUILDS = [
  ['preagg_pair_states', BUILD_PAIR_STATES],
  ['preagg_overdue_states', BUILD_OVERDUE_STATES],
  ['preagg_force_states', BUILD_FORCE_STATES],
  ['preagg_force_history', BUILD_FORCE_HISTORY],
] as const;

/** Each pre-aggregate's build, in the order they depend on each other. */
export const PREAGGREGATE_BUILDS = [...COUNT_BUILDS, ...PAIR_BUILDS] as const;
