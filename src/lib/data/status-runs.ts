/**
 * `status_runs`: the status history as intervals, one row per force × recommendation per run of
 * one status, valid on [valid_from, valid_to). "Status on date D" becomes a range lookup instead of
 * a latest-per-pair aggregation over every update, which is what makes interactions fast at a
 * million updates. Rebuild it whenever status_updates changes.
 *
 * Of several updates on one day the later-loaded (higher seq) stands, as in the definition;
 * consecutive days with the same status merge into one run.
 */
export const BUILD_STATUS_RUNS = `CREATE OR REPLACE TABLE status_runs AS
WITH daily AS (
  SELECT force_id, inspection_id, rec_no, as_of, arg_max(status, seq) AS status
  FROM status_updates
  GROUP BY force_id, inspection_id, rec_no, as_of
),
changes AS (
  SELECT *, status IS DISTINCT FROM lag(status) OVER pair_days AS starts_run
  FROM daily
  WINDOW pair_days AS (PARTITION BY force_id, inspection_id, rec_no ORDER BY as_of)
)
SELECT force_id, inspection_id, rec_no, status, as_of AS valid_from,
       coalesce(lead(as_of) OVER (PARTITION BY force_id, inspection_id, rec_no ORDER BY as_of), DATE '9999-12-31') AS valid_to
FROM changes
WHERE starts_run
ORDER BY valid_from`;
