import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { headlineOf, type ForceCompliance, type Headline, type HeadlineRow, type RegionStatusShare } from '../national/national.sql';
import { runningTrendSeries, type TrendPoint } from '../national/trends.sql';
import { trendUpTo } from '../national/trend-up-to';
import { listRowsOf, rowsOf } from '../common/rows';
import { ALL_PAIR_STATUSES, OVERDUE_STATUSES } from './statuses';
import { COUNT_COLUMNS } from './build-force-month';
import { inListParam } from '../common/list-param.sql';
import { MONTHLY_SCOPE_GUARD, SCOPE_KEY } from './monthly-scope.sql';
import { lastUpdatesFast, OPEN_ITEMS_FAST } from './freshness-fast.sql';
import { DEFAULT_STALE_DAYS, FRESHNESS_ORDER, freshnessRowsCte } from '../national/freshness-rows.sql';
import type { ForceFreshness, Freshness } from '../national/freshness.sql';

/**
 * The national figures read from `preagg_force_month` and `preagg_force_day` (see
 * build-preaggregates.ts) instead of every pair. Same definitions, same parameters ($1..$7 of `filterParams`), same rows as the plain
 * queries in national.sql.ts and trends.sql.ts; tests/sql/metrics/preagg-equivalence.test.ts holds them
 * equal. Not for a single recommendation ($7), which the pre-aggregates do not keep apart.
 */
/** $1..$6 of `filterParams`: the recommendation ($7) is the plain queries' alone. */
const fastParams = (filters: Filters) => filterParams(filters).slice(0, 6);

const IN_SCOPE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'complete', 'no_update'];

/**
 * The statuses a query counts, written into its SQL: DuckDB plans a statement again on every run
 * (a prepared statement that reads a table is not cached), and a status test per count column per
 * row (28 of them) tripled the planning time of these queries, which read only thousands of rows.
 * The SQL text is built for one status filter and checks $5 is that filter, so it cannot be run
 * with another. Statuses come from the closed list, never from the user's text.
 */
interface StatusChoice {
  /** The statuses counted: every one when the filter names none. */
  has: (status: string) => boolean;
  /**
   * True for the filter the SQL was built for ($5 as filterParams writes it), an error otherwise.
   * It also names $4 (pending closure counts as complete), which a query counting no pending
   * closure would otherwise leave unused, and DuckDB refuses a parameter it does not see.
   */
  guard: string;
}
function statusChoice(statuses: readonly string[]): StatusChoice {
  for (const status of statuses) {
    if (!(ALL_PAIR_STATUSES as readonly string[]).includes(status)) throw new Error(`unknown status "${status}"`);
  }
  const chosen = new Set(statuses);
  return {
    has: (status) => chosen.size === 0 || chosen.has(status),
    guard: `CASE WHEN $5 = '${statuses.join(',')}' AND $4::BOOLEAN IS NOT NULL THEN true ELSE error('built for another status filter') END`,
  };
}
/** The sum of the chosen statuses' columns (n_ counts or o_ overdue counts), or 0. */
const sumOf = (choice: StatusChoice, statuses: readonly string[], prefix: 'n' | 'o') =>
  statuses.filter(choice.has).map((s) => `${prefix}_${s}`).join(' + ') || '0';

/**
 * Each force's counts as on D with an inspection filter: every change of those inspections up to
 * D, from the daily changes per force and inspection.
 */
const DAY_SUMS_BY_INSPECTION = `
day_sums AS (
  SELECT force_id, ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM preagg_force_day
  WHERE day <= $1::DATE AND ${inListParam('$2', 'inspection_id')}
  GROUP BY force_id
)`;

/**
 * Each force's counts as on D over a scope the monthly counts keep ($2: every inspection, or the
 * built scope): the counts as the month of D began (one row per force of `preagg_force_month`)
 * plus that month's changes up to D. After the table's last month (the month after the last
 * change), that month's counts: every change.
 */
const DAY_SUMS_MONTHLY = `
lookup AS (
  SELECT least(date_trunc('month', $1::DATE)::DATE, max(month)) AS month FROM preagg_force_month WHERE scope = ${SCOPE_KEY}
),
as_on AS (
  SELECT m.force_id, ${COUNT_COLUMNS.map((c) => `m.before_${c} AS ${c}`).join(', ')}
  FROM preagg_force_month m JOIN lookup l ON m.month = l.month
  WHERE m.scope = ${SCOPE_KEY}
  UNION ALL
  SELECT d.force_id, ${COUNT_COLUMNS.map((c) => `d.${c}`).join(', ')}
  FROM preagg_force_day d
  -- No change falls in or after the table's last month, so this is right after it too.
  WHERE d.day >= date_trunc('month', $1::DATE)::DATE AND d.day <= $1::DATE
    AND ${inListParam('$2', 'd.inspection_id')}
),
day_sums AS (
  SELECT force_id, ${COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
  FROM as_on
  WHERE ${MONTHLY_SCOPE_GUARD}
  GROUP BY force_id
)`;

/**
 * Each force's figures as on D, for the forces in the region and force filters, from its day sums,
 * counting the chosen statuses (the guard is where every figure reads it).
 */
const forceFiguresCte = (monthly: boolean, choice: StatusChoice) => `${monthly ? DAY_SUMS_MONTHLY : DAY_SUMS_BY_INSPECTION},
force_counts AS (
  SELECT f.force_id, f.name, f.region, ${COUNT_COLUMNS.map((c) => `coalesce(s.${c}, 0) AS ${c}`).join(', ')}
  FROM forces f
  LEFT JOIN day_sums s ON s.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6) AND ${choice.guard}
),
force_figures AS (
  SELECT force_id, name, region,
         ${sumOf(choice, IN_SCOPE_STATUSES, 'n')} AS in_scope,
         ${completeOf(choice)} AS complete,
         ${sumOf(choice, OVERDUE_STATUSES, 'o')} AS overdue,
         ${sumOf(choice, ['pending_closure'], 'n')} AS pending_closure,
         ${sumOf(choice, ALL_PAIR_STATUSES, 'n')} AS pairs,
         deadline_passed,
         CASE WHEN $4 THEN on_time_reported ELSE on_time_complete END AS on_time
  FROM force_counts
)`;

/** Complete, and pending closure where $4 counts it as complete, among the chosen statuses. */
const completeOf = (choice: StatusChoice) =>
  [choice.has('complete') ? 'n_complete' : '0', choice.has('pending_closure') ? '$4::INTEGER * n_pending_closure' : '0'].join(' + ');

/**
 * A query's SQL for one filter's shape: over a scope the monthly counts keep (every inspection, or
 * `scope`, the one the pre-aggregates were built for) it reads those, with another inspection
 * filter the daily changes; and it counts the filter's statuses. Built once per shape.
 */
type QueryShape = (monthly: boolean, choice: StatusChoice) => string;
const built = new Map<QueryShape, Map<string, string>>();
function sqlFor(query: QueryShape, filters: Filters, scope: string | undefined): string {
  const monthly = readsMonthly(filters, scope);
  const key = `${monthly}|${filters.statuses.join(',')}`;
  const shapes = built.get(query) ?? new Map<string, string>();
  built.set(query, shapes);
  let sql = shapes.get(key);
  if (sql === undefined) {
    sql = query(monthly, statusChoice(filters.statuses));
    shapes.set(key, sql);
  }
  return sql;
}

/** Whether the monthly counts keep the filters' inspections: every one, or the built scope ($2 as filterParams writes it). */
export const readsMonthly = (filters: Filters, scope: string | undefined): boolean =>
  filters.inspections.length === 0 || (!!scope && filters.inspections.join(',') === scope);

/**
 * `day_sums`, `force_counts` and `force_figures` as on D for a filter with no recommendation: each
 * force's counts by status from the monthly and daily changes, for figures kept elsewhere
 * (freshness). `scope`: Connector.preaggregatedScope.
 */
export const forceCountsFast = (filters: Filters, scope: string | undefined): string =>
  forceFiguresCte(readsMonthly(filters, scope), statusChoice(filters.statuses));

/**
 * The benchmark's measure_counts (see force-measures.sql.ts) from the counts per force.
 * Deadline passed and on time are not kept apart by status or recommendation, so a status or
 * recommendation filter is an error here rather than a wrong number.
 */
const measureCountsSql = (monthly: boolean) => `${forceFiguresCte(monthly, statusChoice([]))},
measure_counts AS (
  SELECT force_id, name, region, in_scope, complete, overdue, deadline_passed, on_time
  FROM force_figures
  WHERE pairs > 0
    AND CASE WHEN $7 = '' THEN true
             ELSE error('pre-aggregated force measures take no status or recommendation filter') END
)`;
const MEASURE_COUNTS_MONTHLY = measureCountsSql(true);
const MEASURE_COUNTS_BY_INSPECTION = measureCountsSql(false);

/**
 * measure_counts for the filters' shape: over a scope the monthly counts keep, from those (a row
 * per force plus the month's changes), not by summing every daily change up to D (150k rows at
 * 1M). `scope`: Connector.preaggregatedScope.
 */
export const measureCountsFast = (filters: Filters, scope: string | undefined): string =>
  readsMonthly(filters, scope) ? MEASURE_COUNTS_MONTHLY : MEASURE_COUNTS_BY_INSPECTION;

/**
 * The recommendations published by D in the inspections chosen, if any force is in the region and
 * force filters (else none are in view): a CTE of its own, as a subquery over force_figures made
 * the planner plan the figures twice.
 */
const RECOMMENDATIONS_IN_VIEW = `recommendations_in_view AS (
  SELECT count(*)::INTEGER AS n
  FROM recommendations r JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces AND i.published <= $1::DATE
    AND ${inListParam('$2', 'r.inspection_id')}
    AND EXISTS (SELECT 1 FROM forces WHERE ($3 = '' OR region = $3) AND ($6 = '' OR force_id = $6))
)`;

/**
 * The headline, every force's compliance, each region's status mix, the trends' point on D and
 * each force's freshness, from one statement: they read the same force figures, and DuckDB binds
 * and plans a statement again on every run (see StatusChoice), which for these was most of each
 * one's time. A column each, each a list of rows (the headline's holds one). Asked with the same
 * filters, the national view's parts send the coordinator the same question, which it asks the
 * engine once. Parameters: $1..$6 of `filterParams`, and with the freshness $7, its threshold in
 * days. Freshness counts every status, whatever the figures count: its open items are read from
 * force_counts, which keeps every status. It is every force's (the national view shows no other),
 * so only the statement for no region and no force holds it.
 */
const nationalFiguresSql = (withFreshness: boolean): QueryShape => (monthly, choice) => `WITH ${forceFiguresCte(monthly, choice)},
${RECOMMENDATIONS_IN_VIEW},
headline AS (
  SELECT
    any_value(r.n) AS recommendations,
    coalesce(sum(in_scope), 0)::INTEGER AS in_scope,
    coalesce(sum(complete), 0)::INTEGER AS complete,
    (sum(complete) / nullif(sum(in_scope), 0))::DOUBLE AS compliance_rate,
    (median(complete / nullif(in_scope, 0)) FILTER (pairs > 0))::DOUBLE AS median_force_rate,
    coalesce(sum(overdue), 0)::INTEGER AS overdue,
    (count(*) FILTER (overdue > 0))::INTEGER AS forces_with_overdue
  FROM recommendations_in_view r LEFT JOIN force_figures ON true
),
by_force AS (
  SELECT force_id, name, region,
         in_scope::INTEGER AS in_scope,
         complete::INTEGER AS complete,
         (complete / nullif(in_scope, 0))::DOUBLE AS rate,
         overdue::INTEGER AS overdue,
         pending_closure::INTEGER AS pending_closure,
         (pending_closure / nullif(in_scope, 0))::DOUBLE AS pending_share
  FROM force_figures
),
ranked AS (
  SELECT *, rank() OVER (ORDER BY rate DESC NULLS LAST)::INTEGER AS rank,
         (median(rate) OVER ())::DOUBLE AS median_rate,
         (median(rate) OVER (PARTITION BY region))::DOUBLE AS region_median_rate
  FROM by_force
),
by_region AS (
  SELECT region, unnest([${ALL_PAIR_STATUSES.filter(choice.has).map((s) => `{'status': '${s}', 'pairs': sum(n_${s})}`).join(', ')}]) AS mix
  FROM force_counts GROUP BY region
),
region_mix AS (
  SELECT region, mix.status AS status, mix.pairs::INTEGER AS pairs,
         (mix.pairs / sum(mix.pairs) OVER (PARTITION BY region))::DOUBLE AS share
  FROM by_region
  WHERE mix.pairs > 0
),
${TREND_ON_D}${withFreshness ? `,
${lastUpdatesFast(monthly)},
${OPEN_ITEMS_FAST},
${freshnessRowsCte('$7')}` : ''}
SELECT
  (SELECT list(h) FROM headline h) AS headline,
  (SELECT list(f ORDER BY f.rank, f.name) FROM ranked f) AS forces,
  (SELECT list(m ORDER BY m.region, m.status) FROM region_mix m) AS region_mix,
  (SELECT list(t ORDER BY t.region NULLS FIRST) FROM trend_on_d t) AS trend_on_d${withFreshness ? `,
  (SELECT list(x ORDER BY ${FRESHNESS_ORDER}) FROM freshness_rows x) AS freshness` : ''}`;
const FIGURES_OF_EVERY_FORCE = nationalFiguresSql(true);
const FIGURES = nationalFiguresSql(false);

/**
 * The trend's last point, D itself, from the same force figures: each region's and the whole's
 * (region null) in scope, complete and overdue on D, as the trend queries count them (a running
 * sum of every change up to D). None when no recommendation in view is published by D, as the
 * trend then has no points at all.
 */
const TREND_ON_D = `trend_on_d AS (
  SELECT $1::DATE AS date, f.region,
         sum(f.in_scope)::INTEGER AS in_scope,
         sum(f.complete)::INTEGER AS complete,
         (sum(f.complete) / nullif(sum(f.in_scope), 0))::DOUBLE AS rate,
         sum(f.overdue)::INTEGER AS overdue
  FROM force_figures f, recommendations_in_view r
  GROUP BY GROUPING SETS ((), (f.region))
  HAVING any_value(r.n) > 0
)`;

interface NationalFigures {
  headline: Headline;
  forces: ForceCompliance[];
  regionMix: RegionStatusShare[];
  /** The trend's point on D: the whole first (region null), then each region. */
  trendOnD: TrendPoint[];
  /**
   * Each force's freshness as forceFreshness gives it for these filters without their statuses;
   * null with a region or force filter.
   */
  freshness: Freshness | null;
}

/**
 * The national figures for `filters`. `staleDays`: the freshness threshold (for no region and no
 * force); every part of a view passes the same, so they ask one question.
 */
export async function nationalFiguresFast(
  db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS,
): Promise<NationalFigures> {
  const everyForce = filters.region === null && filters.force === null;
  const table = await db.query(
    sqlFor(everyForce ? FIGURES_OF_EVERY_FORCE : FIGURES, filters, db.preaggregatedScope),
    everyForce ? [...fastParams(filters), staleDays] : fastParams(filters),
  );
  const [headline] = listRowsOf<HeadlineRow>(table, 'headline');
  if (!headline) throw new Error('headline query returned no row');
  const freshness = everyForce ? listRowsOf<ForceFreshness & { stale_forces: number }>(table, 'freshness') : null;
  return {
    headline: headlineOf(headline),
    forces: listRowsOf<ForceCompliance>(table, 'forces'),
    regionMix: listRowsOf<RegionStatusShare>(table, 'region_mix'),
    trendOnD: listRowsOf<TrendPoint>(table, 'trend_on_d'),
    freshness: freshness && {
      staleDays,
      forces: freshness.map(({ stale_forces: _count, ...force }) => force),
      staleForces: freshness[0]?.stale_forces ?? 0,
    },
  };
}

export async function headlineFast(db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS): Promise<Headline> {
  return (await nationalFiguresFast(db, filters, staleDays)).headline;
}

export async function forceComplianceFast(db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS): Promise<ForceCompliance[]> {
  return (await nationalFiguresFast(db, filters, staleDays)).forces;
}

export async function regionStatusMixFast(db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS): Promise<RegionStatusShare[]> {
  return (await nationalFiguresFast(db, filters, staleDays)).regionMix;
}

/** The counts a trend reads: by status, and overdue by status. */
const TREND_COLUMNS = [...ALL_PAIR_STATUSES.map((s) => `n_${s}`), ...OVERDUE_STATUSES.map((s) => `o_${s}`)];

/** Each change dated to the first trend point on or after it: its month end, or D. */
const TREND_CHANGES_BY_INSPECTION = `changes AS (
  SELECT force_id, least(last_day(day), $1::DATE) AS date, ${TREND_COLUMNS.join(', ')}
  FROM preagg_force_day
  WHERE day <= $1::DATE AND ${inListParam('$2', 'inspection_id')}
)`;
/**
 * The same over a scope the monthly counts keep: the months before D's a month to a row, D's own
 * month day by day up to D.
 */
const TREND_CHANGES_MONTHLY = `changes AS (
  SELECT force_id, last_day(month)::DATE AS date, ${TREND_COLUMNS.map((c) => `month_${c} AS ${c}`).join(', ')}
  FROM preagg_force_month
  WHERE scope = ${SCOPE_KEY} AND month < date_trunc('month', $1::DATE)::DATE AND ${MONTHLY_SCOPE_GUARD}
  UNION ALL
  SELECT force_id, $1::DATE AS date, ${TREND_COLUMNS.join(', ')}
  FROM preagg_force_day
  WHERE day >= date_trunc('month', $1::DATE)::DATE AND day <= $1::DATE
    AND ${inListParam('$2', 'inspection_id')} AND ${MONTHLY_SCOPE_GUARD}
)`;

const trendsFastSql = (changes: string, choice: StatusChoice) => `WITH
forces_in AS (
  SELECT force_id, region FROM forces WHERE ($3 = '' OR region = $3) AND ($6 = '' OR force_id = $6) AND ${choice.guard}
),
first_published AS (
  SELECT min(i.published) AS first
  FROM recommendations r JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces AND i.published <= $1::DATE
    AND ${inListParam('$2', 'r.inspection_id')}
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
         sum(${sumOf(choice, IN_SCOPE_STATUSES, 'n')}) AS in_scope,
         sum(${completeOf(choice)}) AS complete,
         sum(${sumOf(choice, OVERDUE_STATUSES, 'o')}) AS overdue
  FROM changes c
  JOIN forces_in f ON f.force_id = c.force_id
  GROUP BY ALL
),
${runningTrendSeries('SELECT DISTINCT region FROM forces_in')}`;

/** The changes a trend reads: the monthly ones over a scope they keep, else the daily ones. */
const trendsFast: QueryShape = (monthly, choice) =>
  trendsFastSql(monthly ? TREND_CHANGES_MONTHLY : TREND_CHANGES_BY_INSPECTION, choice);

/**
 * The last day the trends can change: the end of the month of the last change (an update, or a
 * deadline passing). A trend point before it is the same whatever D after it is asked.
 */
const TREND_HORIZON = `SELECT last_day(max(day))::DATE AS horizon FROM preagg_force_day`;

/**
 * The trends as on D. Up to the data's horizon they are the series asked once for the horizon,
 * cut before D, and D's own point from the national figures statement (see trendUpTo): an as-of
 * change then asks no trend statement of its own, as the series comes from the coordinator's
 * cache and the figures statement is the one the headline and the forces ask. Past the horizon,
 * the trend statement for D.
 */
export async function complianceTrendsFast(db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS): Promise<TrendPoint[]> {
  const sql = sqlFor(trendsFast, filters, db.preaggregatedScope);
  const [{ horizon } = { horizon: null }] = rowsOf<{ horizon: string | null }>(await db.query(TREND_HORIZON));
  if (horizon === null || filters.asOf > horizon) return rowsOf<TrendPoint>(await db.query(sql, fastParams(filters)));
  const [series, figures] = await Promise.all([
    db.query(sql, fastParams({ ...filters, asOf: horizon })),
    nationalFiguresFast(db, filters, staleDays),
  ]);
  return trendUpTo(rowsOf<TrendPoint>(series), figures.trendOnD, filters.asOf);
}
