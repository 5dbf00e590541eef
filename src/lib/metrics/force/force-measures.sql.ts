import type { PairRows } from '../pairs/pair-timing.sql';

/**
 * `measure_counts`: each force's counts (force_id, name, region, in_scope, complete, overdue,
 * deadline_passed, on_time) from the per-pair rows, for every force with a pair in view.
 */
export const pairMeasureCounts = (pairs: PairRows) => `${pairs.timed},
measure_counts AS (
  SELECT force_id, any_value(name) AS name, any_value(region) AS region,
         count(*) FILTER (in_scope) AS in_scope,
         count(*) FILTER (counts_complete) AS complete,
         count(*) FILTER (overdue) AS overdue,
         count(*) FILTER (deadline_passed) AS deadline_passed,
         count(*) FILTER (deadline_passed AND on_time) AS on_time
  FROM timed GROUP BY force_id
)`;

/**
 * One row per force × benchmark measure: the force's numerator, denominator and rate, and its
 * score (the rate, negated where lower is better, so a higher score is always better).
 * Parameters as in `filterParams`; every force with a recommendation in view appears. `counts`
 * defines measure_counts: pairMeasureCounts, or the pre-aggregated measureCountsFast.
 *
 * - compliance: complete ÷ in scope.
 * - overdue: overdue ÷ in scope.
 * - on_time: on time ÷ in scope with the deadline passed.
 */
export const forceMeasuresCte = (counts: string) => `${counts},
force_measures AS (
  SELECT force_id, name, region, measure, numerator::INTEGER AS numerator,
         denominator::INTEGER AS denominator,
         (numerator / nullif(denominator, 0))::DOUBLE AS value,
         CASE WHEN higher_is_better THEN 1 ELSE -1 END * (numerator / nullif(denominator, 0)) AS score
  FROM (
    SELECT force_id, name, region, 'compliance' AS measure, complete AS numerator, in_scope AS denominator, true AS higher_is_better FROM measure_counts
    UNION ALL
    SELECT force_id, name, region, 'overdue', overdue, in_scope, false FROM measure_counts
    UNION ALL
    SELECT force_id, name, region, 'on_time', on_time, deadline_passed, true FROM measure_counts
  )
)`;
