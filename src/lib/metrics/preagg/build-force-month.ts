import type { Connector } from '../../db/connector';
import { ALL_PAIR_STATUSES, OVERDUE_STATUSES } from './statuses';
import { BUILT_SCOPE_KEY } from './monthly-scope.sql';

/** The counts `preagg_force_day` keeps per force, inspection and day, as changes. */
export const COUNT_COLUMNS = [
  ...ALL_PAIR_STATUSES.map((s) => `n_${s}`),
  ...OVERDUE_STATUSES.map((s) => `o_${s}`),
  'deadline_passed', 'on_time_complete', 'on_time_reported',
];

/**
 * `preagg_scope`: the inspection filter the monthly counts are also kept for, as the views' $2
 * writes it (ids in id order, comma-separated; '' for none): the inspections the user's own
 * statuses cover, which the views open on. Written before each build (setPreaggregateScope); a
 * build with none written keeps every inspection only.
 */
export const BUILD_SCOPE = `CREATE TABLE IF NOT EXISTS preagg_scope AS SELECT ''::VARCHAR AS inspections`;

/** Sets the scope the next build keeps monthly counts for (see BUILD_SCOPE). */
export async function setPreaggregateScope(db: Connector, inspections: readonly string[]): Promise<void> {
  await db.query(`CREATE OR REPLACE TABLE preagg_scope AS SELECT $1::VARCHAR AS inspections`, [inspections.join(',')]);
}

/**
 * The rows of `table` (which has an inspection_id) with their scope's key (SCOPE_KEY): all of them
 * under '' (every inspection), and those of the built scope's inspections once more under 'built'.
 */
export const inEachScope = (table: string) => `SELECT '' AS scope, * FROM ${table}
  UNION ALL
  SELECT '${BUILT_SCOPE_KEY}', t.*
  FROM ${table} t, preagg_scope s
  WHERE s.inspections <> ''
    AND t.inspection_id IN (SELECT unnest(string_split(inspections, ',')) FROM preagg_scope)`;

/**
 * `preagg_force_month`: for each scope ('' for every inspection, and the inspections of
 * `preagg_scope`), each force and every month from the first change to the one after the last
 * (none skipped), the counts over the scope's inspections as they stood when the month began
 * (`before_*`: every change on an earlier day, summed) and the month's own changes (`month_*`).
 * "As on D" over a scope is then one row per force (the month of D) plus that month's changes up
 * to D, not every change since the first report; a trend's month ends are the months' changes,
 * one row per force and month. Per force, not per force × inspection: with hundreds of
 * inspections a row for every month of each would outgrow the changes it sums. The user's scope
 * is kept because the views open on it: with its 210 inspections at 1M updates, summing the daily
 * changes up to D read 143k rows per query. Sorted by scope and month, so a lookup of one month
 * skips the rest of the table.
 */
export const BUILD_FORCE_MONTH = `CREATE OR REPLACE TABLE preagg_force_month AS
WITH scoped AS (
  ${inEachScope('preagg_force_day')}
),
monthly AS (
  SELECT scope, force_id, date_trunc('month', day)::DATE AS month,
         ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM scoped
  GROUP BY ALL
),
months AS (
  -- One month past the last change, whose counts before it are every change: D after it looks there.
  SELECT unnest(generate_series(min(month)::TIMESTAMP, max(month)::TIMESTAMP + INTERVAL 1 MONTH, INTERVAL 1 MONTH))::DATE AS month
  FROM monthly
),
grid AS (
  SELECT g.scope, g.force_id, m.month, ${COUNT_COLUMNS.map((c) => `coalesce(x.${c}, 0) AS ${c}`).join(', ')}
  FROM (SELECT DISTINCT scope, force_id FROM monthly) g
  CROSS JOIN months m
  LEFT JOIN monthly x ON x.scope = g.scope AND x.force_id = g.force_id AND x.month = m.month
)
SELECT scope, force_id, month,
  ${COUNT_COLUMNS.map((c) => `coalesce(sum(${c}) OVER earlier, 0)::INTEGER AS before_${c}`).join(',\n  ')},
  ${COUNT_COLUMNS.map((c) => `${c}::INTEGER AS month_${c}`).join(',\n  ')}
FROM grid
WINDOW earlier AS (PARTITION BY scope, force_id ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
ORDER BY scope, month, force_id`;
