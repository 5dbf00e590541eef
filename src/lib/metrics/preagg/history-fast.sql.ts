/**
 * The inputs of the history-shaped queries read from the pre-aggregates instead of every update;
 * tests/sql/metrics/preagg-pair-states.test.ts holds each query equal to its plain twin.
 */

/**
 * statusHistory's `segments` ($1 D, $3 force) from the force's changes in `preagg_force_history`:
 * those on or before D, each ending at its next change if that is on or before D, else at D (the
 * last). The windows that find the changes and their ends were most of the plain query's time.
 */
export const HISTORY_SEGMENTS_FAST = `
segments AS (
  SELECT inspection_id, rec_no, status, as_of AS start,
         CASE WHEN next_change <= $1::DATE THEN next_change ELSE $1::DATE END AS "end",
         coalesce(next_change > $1::DATE, true) AS is_last
  FROM preagg_force_history
  WHERE force_id = $3 AND as_of <= $1::DATE
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
