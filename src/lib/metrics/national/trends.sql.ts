import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { FILTERED_PAIRS_CTE, STATUS_FILTER } from '../pairs/pair-status.sql';
import { rowsOf } from '../common/rows';

export interface TrendPoint {
  /** A month end, or the as-of date D itself (the last point). */
  date: string;
  /** null: every pair in the filters (England and Wales, or the one force chosen). */
  region: string | null;
  in_scope: number;
  /** Pairs that count as complete on `date` (pending closure too when the toggle is on). */
  complete: number;
  /** Pooled: complete ÷ in scope on `date`; null when nothing is in scope. */
  rate: number | null;
  overdue: number;
}

/**
 * The end of every trend query: running sums of `dated` (region, date, in_scope, complete,
 * overdue) over `points`, for each region `regions` lists, and for their total.
 */
export const runningTrendSeries = (regions: string): string => `by_region AS (
  SELECT p.date, g.region,
         sum(coalesce(d.in_scope, 0)) OVER running AS in_scope,
         sum(coalesce(d.complete, 0)) OVER running AS complete,
         sum(coalesce(d.overdue, 0)) OVER running AS overdue
  FROM points p
  CROSS JOIN (${regions}) g
  LEFT JOIN dated d ON d.date = p.date AND d.region = g.region
  WINDOW running AS (PARTITION BY g.region ORDER BY p.date ROWS UNBOUNDED PRECEDING)
)
SELECT date, region,
       sum(in_scope)::INTEGER AS in_scope,
       sum(complete)::INTEGER AS complete,
       (sum(complete) / nullif(sum(in_scope), 0))::DOUBLE AS rate,
       sum(overdue)::INTEGER AS overdue
FROM by_region
GROUP BY GROUPING SETS ((date), (date, region))
ORDER BY region NULLS FIRST, date`;

/**
 * Compliance and overdue counts as on every month end from the first publication to D, and on D,
 * in one pass over the status history (parameters as in `filterParams`):
 *
 * 1. Each pair's history becomes intervals [valid_from, valid_to): `no_update` from publication to
 *    the first update, then each status until the next update (lead() over as_of); of two updates
 *    on one date the later-loaded stands. A status on date d is the interval holding d, which is
 *    "the latest update with as_of ≤ d".
 * 2. Each interval adds 1 to its counts where it starts and takes 1 away where it ends; an overdue
 *    count starts the day after the deadline instead (overdue on d means due_date < d).
 * 3. Each change is dated to the first series point on or after it; a running sum over the points
 *    gives the counts as on each point, per region, and the sum of the regions for the whole.
 *
 * So the last point (D) equals the headline figures for the same filters.
 */
export const PLAIN_INTERVALS = `
daily AS (
  SELECT force_id, inspection_id, rec_no, as_of, arg_max(status, seq) AS status
  FROM status_updates
  WHERE as_of <= $1::DATE
  GROUP BY force_id, inspection_id, rec_no, as_of
),
history AS (
  SELECT p.force_id, p.inspection_id, p.rec_no, p.region, p.due_date, p.published, d.as_of, d.status,
         lead(d.as_of) OVER (PARTITION BY d.force_id, d.inspection_id, d.rec_no ORDER BY d.as_of) AS next_as_of
  FROM pairs p
  JOIN daily d ON d.force_id = p.force_id AND d.inspection_id = p.inspection_id AND d.rec_no = p.rec_no
),
first_update AS (
  SELECT force_id, inspection_id, rec_no, min(as_of) AS as_of FROM history GROUP BY ALL
),
intervals AS (
  -- no_update from publication until the first update (open-ended when there is none yet)
  SELECT p.region, p.due_date, p.published AS valid_from, f.as_of AS valid_to, 'no_update' AS status
  FROM pairs p
  LEFT JOIN first_update f
    ON f.force_id = p.force_id AND f.inspection_id = p.inspection_id AND f.rec_no = p.rec_no
  UNION ALL
  SELECT region, due_date, greatest(as_of, published), next_as_of, status FROM history
)`;

/**
 * `intervals` (region, due_date, valid_from, valid_to, status; valid_to null = open) for the
 * `pairs`: PLAIN_INTERVALS from every update, or the pre-aggregated segments (preagg/).
 */
const trendsSql = (intervals: string) => `WITH ${FILTERED_PAIRS_CTE},${intervals},
spans AS (
  SELECT region, valid_from, valid_to,
         (status NOT IN ('superseded', 'not_applicable'))::INTEGER AS in_scope,
         (status = 'complete' OR ($4 AND status = 'pending_closure'))::INTEGER AS complete,
         CASE WHEN status NOT IN ('superseded', 'not_applicable', 'complete') AND due_date IS NOT NULL
                   AND greatest(valid_from, due_date + 1) < coalesce(valid_to, DATE '9999-12-31')
              THEN greatest(valid_from, due_date + 1) END AS overdue_from
  FROM intervals
  WHERE valid_from < coalesce(valid_to, DATE '9999-12-31') AND ${STATUS_FILTER('status')}
),
changes AS (
  SELECT region, change.on_date, change.in_scope, change.complete, change.overdue
  FROM (
    SELECT region, unnest([
      {'on_date': valid_from, 'in_scope': in_scope, 'complete': complete, 'overdue': 0},
      {'on_date': valid_to, 'in_scope': -in_scope, 'complete': -complete,
       'overdue': -(overdue_from IS NOT NULL)::INTEGER},
      {'on_date': overdue_from, 'in_scope': 0, 'complete': 0, 'overdue': 1}
    ]) AS change
    FROM spans
  )
  WHERE change.on_date IS NOT NULL AND change.on_date <= $1::DATE
),
points AS (
  SELECT last_day(month)::DATE AS date
  FROM (
    SELECT unnest(generate_series(date_trunc('month', first)::TIMESTAMP,
                                  date_trunc('month', $1::DATE)::TIMESTAMP, INTERVAL 1 MONTH)) AS month
    FROM (SELECT min(published) AS first FROM pairs)
  )
  WHERE last_day(month) < $1::DATE
  UNION ALL
  SELECT $1::DATE WHERE EXISTS (SELECT 1 FROM pairs)
),
dated AS (
  -- A change on day x shows from the first point on or after x: its month end, or D.
  SELECT region, least(last_day(on_date), $1::DATE) AS date,
         sum(in_scope) AS in_scope, sum(complete) AS complete, sum(overdue) AS overdue
  FROM changes GROUP BY ALL
),
${runningTrendSeries('SELECT DISTINCT region FROM pairs')}`;

export async function complianceTrends(db: Connector, filters: Filters, intervals = PLAIN_INTERVALS): Promise<TrendPoint[]> {
  return rowsOf<TrendPoint>(await db.query(trendsSql(intervals), filterParams(filters)));
}
