/**
 * The inputs of the history-shaped queries read from the pre-aggregates instead of every update;
 * tests/sql/metrics/preagg-pair-states.test.ts holds each query equal to its plain twin.
 */

/**
 * statusHistory's `daily` ($1 D, $3 force): the force's rows of `preagg_force_states` that start
 * on a day with an update (the others are the no_update rows from publication).
 */
export const DAILY_STATUS_FAST = `
daily AS (
  SELECT inspection_id, rec_no, state_from AS as_of, status
  FROM preagg_force_states
  WHERE force_id = $3 AND state_from <= $1::DATE AND last_update IS NOT NULL
)`;

/**
 * complianceTrends' `intervals` for the `pairs` in the filters: their spans in `preagg_segments`
 * (runs of one status, no_update from publication). Spans ending after D count as open, as the
 * plain intervals do, because changes after D are dropped.
 */
export const SEGMENT_INTERVALS = `
intervals AS (
  SELECT p.region, p.due_date, s.seg_from AS valid_from, s.seg_to AS valid_to, s.status
  FROM pairs p
  JOIN preagg_segments s ON s.force_id = p.force_id AND s.inspection_id = p.inspection_id AND s.rec_no = p.rec_no
  WHERE s.seg_from <= $1::DATE
)`;
