import { ALL_PAIR_STATUSES, OVERDUE_STATUSES } from './statuses';

/** The counts `preagg_force_day` keeps per force, inspection and day, as changes. */
export const COUNT_COLUMNS = [
  ...ALL_PAIR_STATUSES.map((s) => `n_${s}`),
  ...OVERDUE_STATUSES.map((s) => `o_${s}`),
  'deadline_passed', 'on_time_complete', 'on_time_reported',
];

/**
 * `preagg_force_month`: for each force and every month from the first change to the one after the
 * last (none skipped), the counts over every inspection as they stood when the month began
 * (`before_*`: every change on an earlier day, summed) and the month's own changes (`month_*`).
 * "As on D" with no inspection filter is then one row per force (the month of D) plus that month's
 * changes up to D, not every change since the first report; a trend's month ends are the months'
 * changes, one row per force and month. Per force, not per force × inspection: with hundreds of
 * inspections a row for every month of each would outgrow the changes it sums. Sorted by month,
 * so a lookup of one month skips the rest of the table.
 */
export const BUILD_FORCE_MONTH = `CREATE OR REPLACE TABLE preagg_force_month AS
WITH monthly AS (
  SELECT force_id, date_trunc('month', day)::DATE AS month,
         ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM preagg_force_day
  GROUP BY ALL
),
months AS (
  -- One month past the last change, whose counts before it are every change: D after it looks there.
  SELECT unnest(generate_series(min(month)::TIMESTAMP, max(month)::TIMESTAMP + INTERVAL 1 MONTH, INTERVAL 1 MONTH))::DATE AS month
  FROM monthly
),
grid AS (
  SELECT g.force_id, m.month, ${COUNT_COLUMNS.map((c) => `coalesce(x.${c}, 0) AS ${c}`).join(', ')}
  FROM (SELECT DISTINCT force_id FROM monthly) g
  CROSS JOIN months m
  LEFT JOIN monthly x ON x.force_id = g.force_id AND x.month = m.month
)
SELECT force_id, month,
  ${COUNT_COLUMNS.map((c) => `coalesce(sum(${c}) OVER earlier, 0)::INTEGER AS before_${c}`).join(',\n  ')},
  ${COUNT_COLUMNS.map((c) => `${c}::INTEGER AS month_${c}`).join(',\n  ')}
FROM grid
WINDOW earlier AS (PARTITION BY force_id ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
ORDER BY month, force_id`;
