import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { headlineFrom, type ForceCompliance, type Headline, type RegionStatusShare } from '../national/national.sql';
import { runningTrendSeries, type TrendPoint } from '../national/trends.sql';
import { rowsOf } from '../common/rows';
import { ALL_PAIR_STATUSES, OVERDUE_STATUSES } from './statuses';
import { COUNT_COLUMNS } from './build-force-month';

/**
 * The national figures read from `preagg_force_month` and `preagg_force_day` (see
 * build-preaggregates.ts) instead of every pair. Same definitions, same parameters ($1..$7 of `filterParams`), same rows as the plain
 * queries in national.sql.ts and trends.sql.ts; tests/sql/metrics/preagg-equivalence.test.ts holds them
 * equal. Not for a single recommendation ($7), which the pre-aggregates do not keep apart.
 */
/** $1..$6 of `filterParams`: the recommendation ($7) is the plain queries' alone. */
const fastParams = (filters: Filters) => filterParams(filters).slice(0, 6);

const IN_SCOPE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'complete', 'no_update'];
const chosen = (status: string) => `($5 = '' OR list_contains(string_split($5, ','), '${status}'))::INTEGER`;
const sumOf = (statuses: readonly string[], prefix: 'n' | 'o') =>
  statuses.map((s) => `${chosen(s)} * ${prefix}_${s}`).join(' + ');


/**
 * Each force's counts as on D with an inspection filter: every change of those inspections up to
 * D, from the daily changes per force and inspection.
 */
const DAY_SUMS_BY_INSPECTION = `
day_sums AS (
  SELECT force_id, ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM preagg_force_day
  WHERE day <= $1::DATE AND ($2 = '' OR list_contains(string_split($2, ','), inspection_id))
  GROUP BY force_id
)`;

/**
 * Each force's counts as on D over every inspection: the counts as the month of D began (one row
 * per force of \`preagg_force_month\`) plus that month's changes up to D. After the table's last
 * month (the month after the last change), that month's counts: every change.
 */
const DAY_SUMS_EVERY_INSPECTION = `
lookup AS (
  SELECT least(date_trunc('month', $1::DATE)::DATE, max(month)) AS month FROM preagg_force_month
),
as_on AS (
  SELECT m.force_id, ${COUNT_COLUMNS.map((c) => `m.before_${c} AS ${c}`).join(', ')}
  FROM preagg_force_month m JOIN lookup l ON m.month = l.month
  UNION ALL
  SELECT d.force_id, ${COUNT_COLUMNS.map((c) => `d.${c}`).join(', ')}
  FROM preagg_force_day d
  -- No change falls in or after the table's last month, so this is right after it too.
  WHERE d.day >= date_trunc('month', $1::DATE)::DATE AND d.day <= $1::DATE
),
day_sums AS (
  SELECT force_id, ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM as_on
  WHERE CASE WHEN $2 = '' THEN true ELSE error('the monthly counts are over every inspection; filter with the daily ones') END
  GROUP BY force_id
)`;

/** Each force's figures as on D, for the forces in the region and force filters, from its day sums. */
const forceFiguresCte = (daySums: string) => `${daySums},
force_counts AS (
  SELECT f.force_id, f.name, f.region, ${COUNT_COLUMNS.map((c) => `coalesce(s.${c}, 0) AS ${c}`).join(', ')}
  FROM forces f
  LEFT JOIN day_sums s ON s.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6)
),
force_figures AS (
  SELECT force_id, name, region,
         ${sumOf(IN_SCOPE_STATUSES, 'n')} AS in_scope,
         ${chosen('complete')} * n_complete + ($4::INTEGER) * ${chosen('pending_closure')} * n_pending_closure AS complete,
         ${sumOf(OVERDUE_STATUSES, 'o')} AS overdue,
         ${chosen('pending_closure')} * n_pending_closure AS pending_closure,
         ${sumOf(ALL_PAIR_STATUSES, 'n')} AS pairs,
         deadline_passed,
         CASE WHEN $4 THEN on_time_reported ELSE on_time_complete END AS on_time
  FROM force_counts
)`;

/** A query in two versions: over every inspection it reads the monthly counts; with an inspection filter, the daily ones. */
interface ByInspections {
  everyInspection: string;
  byInspection: string;
}
const inTwo = (query: (forceFigures: string) => string): ByInspections => ({
  everyInspection: query(forceFiguresCte(DAY_SUMS_EVERY_INSPECTION)),
  byInspection: query(forceFiguresCte(DAY_SUMS_BY_INSPECTION)),
});
const sqlFor = (query: ByInspections, filters: Filters): string =>
  filters.inspections.length === 0 ? query.everyInspection : query.byInspection;

/**
 * The benchmark's measure_counts (see force-measures.sql.ts) from the daily counts per force.
 * Deadline passed and on time are not kept apart by status or recommendation, so a status or
 * recommendation filter is an error here rather than a wrong number.
 */
export const MEASURE_COUNTS_FAST = `${forceFiguresCte(DAY_SUMS_BY_INSPECTION)},
measure_counts AS (
  SELECT force_id, name, region, in_scope, complete, overdue, deadline_passed, on_time
  FROM force_figures
  WHERE pairs > 0
    AND CASE WHEN $5 = '' AND $7 = '' THEN true
             ELSE error('pre-aggregated force measures take no status or recommendation filter') END
)`;

const HEADLINE_FAST_SQL = inTwo((forceFigures) => `WITH ${forceFigures}
SELECT
  (SELECT count(*) FROM recommendations r JOIN inspections i ON i.inspection_id = r.inspection_id
   WHERE r.for_forces AND i.published <= $1::DATE
     AND ($2 = '' OR list_contains(string_split($2, ','), r.inspection_id))
     AND EXISTS (SELECT 1 FROM force_figures))::INTEGER AS recommendations,
  coalesce(sum(in_scope), 0)::INTEGER AS in_scope,
  coalesce(sum(complete), 0)::INTEGER AS complete,
  (sum(complete) / nullif(sum(in_scope), 0))::DOUBLE AS compliance_rate,
  (median(complete / nullif(in_scope, 0)) FILTER (pairs > 0))::DOUBLE AS median_force_rate,
  coalesce(sum(overdue), 0)::INTEGER AS overdue,
  (count(*) FILTER (overdue > 0))::INTEGER AS forces_with_overdue
FROM force_figures`);

export async function headlineFast(db: Connector, filters: Filters): Promise<Headline> {
  return headlineFrom(await db.query(sqlFor(HEADLINE_FAST_SQL, filters), fastParams(filters)));
}

const FORCE_COMPLIANCE_FAST_SQL = inTwo((forceFigures) => `WITH ${forceFigures},
by_force AS (
  SELECT force_id, name, region,
         in_scope::INTEGER AS in_scope,
         complete::INTEGER AS complete,
         (complete / nullif(in_scope, 0))::DOUBLE AS rate,
         overdue::INTEGER AS overdue,
         pending_closure::INTEGER AS pending_closure,
         (pending_closure / nullif(in_scope, 0))::DOUBLE AS pending_share
  FROM force_figures
)
SELECT *, rank() OVER (ORDER BY rate DESC NULLS LAST)::INTEGER AS rank,
       (median(rate) OVER ())::DOUBLE AS median_rate,
       (median(rate) OVER (PARTITION BY region))::DOUBLE AS region_median_rate
FROM by_force
ORDER BY rank, name`);

export async function forceComplianceFast(db: Connector, filters: Filters): Promise<ForceCompliance[]> {
  return rowsOf<ForceCompliance>(await db.query(sqlFor(FORCE_COMPLIANCE_FAST_SQL, filters), fastParams(filters)));
}

const REGION_STATUS_MIX_FAST_SQL = inTwo((forceFigures) => `WITH ${forceFigures},
by_region AS (
  SELECT region, unnest([${ALL_PAIR_STATUSES.map((s) => `{'status': '${s}', 'pairs': ${chosen(s)} * sum(n_${s})}`).join(', ')}]) AS mix
  FROM force_counts GROUP BY region
)
SELECT region, mix.status AS status, mix.pairs::INTEGER AS pairs,
       (mix.pairs / sum(mix.pairs) OVER (PARTITION BY region))::DOUBLE AS share
FROM by_region
WHERE mix.pairs > 0
ORDER BY region, status`);

export async function regionStatusMixFast(db: Connector, filters: Filters): Promise<RegionStatusShare[]> {
  return rowsOf<RegionStatusShare>(await db.query(sqlFor(REGION_STATUS_MIX_FAST_SQL, filters), fastParams(filters)));
}

/** The counts a trend reads: by status, and overdue by status. */
const TREND_COLUMNS = [...ALL_PAIR_STATUSES.map((s) => `n_${s}`), ...OVERDUE_STATUSES.map((s) => `o_${s}`)];

/** Each change dated to the first trend point on or after it: its month end, or D. */
const TREND_CHANGES_BY_INSPECTION = `changes AS (
  SELECT force_id, least(last_day(day), $1::DATE) AS date, ${TREND_COLUMNS.join(', ')}
  FROM preagg_force_day
  WHERE day <= $1::DATE AND ($2 = '' OR list_contains(string_split($2, ','), inspection_id))
)`;
/** The same over every inspection: the months before D's a month to a row, D's own month day by day up to D. */
const TREND_CHANGES_EVERY_INSPECTION = `changes AS (
  SELECT force_id, last_day(month)::DATE AS date, ${TREND_COLUMNS.map((c) => `month_${c} AS ${c}`).join(', ')}
  FROM preagg_force_month
  WHERE month < date_trunc('month', $1::DATE)::DATE
    AND CASE WHEN $2 = '' THEN true ELSE error('the monthly counts are over every inspection; filter with the daily ones') END
  UNION ALL
  SELECT force_id, $1::DATE AS date, ${TREND_COLUMNS.join(', ')}
  FROM preagg_force_day
  WHERE day >= date_trunc('month', $1::DATE)::DATE AND day <= $1::DATE
)`;

const trendsFastSql = (changes: string) => `WITH
forces_in AS (
  SELECT force_id, region FROM forces WHERE ($3 = '' OR region = $3) AND ($6 = '' OR force_id = $6)
),
first_published AS (
  SELECT min(i.published) AS first
  FROM recommendations r JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces AND i.published <= $1::DATE
    AND ($2 = '' OR list_contains(string_split($2, ','), r.inspection_id))
    AND EXISTS (SELECT 1 FROM forces_in)
),
points AS (
  SELECT last_day(month)::DATE AS date
  FROM (
    SELECT unnest(generate_series(date_trunc('month', first)::TIMESTAMP,
                                  date_trunc('month', $1::DATE)::TIMESTAMP, INTERVAL 1 MONTH)) AS month
    FROM first_published WHERE first IS NOT NULL
  )
  WHERE last_day(month) < $1::DATE
  UNION ALL
  SELECT $1::DATE FROM first_published WHERE first IS NOT NULL
),
${changes},
dated AS (
  SELECT f.region, c.date,
         sum(${sumOf(IN_SCOPE_STATUSES, 'n')}) AS in_scope,
         sum(${chosen('complete')} * n_complete + ($4::INTEGER) * ${chosen('pending_closure')} * n_pending_closure) AS complete,
         sum(${sumOf(OVERDUE_STATUSES, 'o')}) AS overdue
  FROM changes c
  JOIN forces_in f ON f.force_id = c.force_id
  GROUP BY ALL
),
${runningTrendSeries('SELECT DISTINCT region FROM forces_in')}`;

const TRENDS_FAST_SQL: ByInspections = {
  everyInspection: trendsFastSql(TREND_CHANGES_EVERY_INSPECTION),
  byInspection: trendsFastSql(TREND_CHANGES_BY_INSPECTION),
};

export async function complianceTrendsFast(db: Connector, filters: Filters): Promise<TrendPoint[]> {
  return rowsOf<TrendPoint>(await db.query(sqlFor(TRENDS_FAST_SQL, filters), fastParams(filters)));
}
