import type { Connector, SqlParam } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import { filterParams, type Filters } from '../common/filters';
import { IN_SCOPE, latestStatusCte, PAIR_STATUS_CTE, scoredCte } from '../pairs/pair-status.sql';
import { plainPairUpdates } from '../pairs/pair-updates.sql';
import { rowsOf } from '../common/rows';

/** Two dates to compare: the filters' as-of date is the later one (`to`). */
export interface ChangePeriod {
  from: string;
  to: string;
}

/**
 * Binds `filterParams` with the later date as D ($1), then $8 the earlier date. The status filter
 * picks pairs by their status on the later date.
 */
export const changeParams = (filters: Filters, period: ChangePeriod): SqlParam[] => [
  ...filterParams({ ...filters, asOf: period.to }),
  period.from,
];

/**
 * One row per force × recommendation pair in the filters on the later date (`scored`, with the
 * definitions of pair-status.sql.ts on that date) beside the same pair on the earlier date
 * (`scored_from`: its status then, in scope then, overdue then), and what changed between them:
 *
 * - Became complete: counts as complete on the later date, not on the earlier.
 * - Slipped into overdue: overdue on the later date, not on the earlier.
 * - Went backwards: its status moved back along not started → in progress → pending closure →
 *   complete (no update counts as the start); superseded and not applicable are off that line.
 * - Came into scope: in scope on the later date, not on the earlier (published in between, or no
 *   longer superseded or not applicable).
 */
const PAIR_CHANGES_CTE = `${PAIR_STATUS_CTE},
${latestStatusCte('$8', 'latest_from')},
pair_status_from AS (
  SELECT p.force_id, p.inspection_id, p.rec_no, p.due_date, coalesce(l.status, 'no_update') AS status,
         p.published <= $8::DATE AND ${IN_SCOPE("coalesce(l.status, '')")} AS in_scope
  FROM scored p
  LEFT JOIN latest_from l
    ON l.force_id = p.force_id AND l.inspection_id = p.inspection_id AND l.rec_no = p.rec_no
),${scoredCte('$8', 'pair_status_from', 'scored_from')},
pair_changes AS (
  SELECT s.force_id, s.name, s.region, s.inspection_id, s.rec_no, s.due_date,
         f.status AS status_from, s.status AS status_to,
         f.in_scope AS in_scope_from, s.in_scope AS in_scope_to,
         f.counts_complete AS complete_from, s.counts_complete AS complete_to,
         f.overdue AS overdue_from, s.overdue AS overdue_to,
         s.counts_complete AND NOT f.counts_complete AS became_complete,
         s.overdue AND NOT f.overdue AS became_overdue,
         coalesce(${progress('s.status')} < ${progress('f.status')}, false) AS went_backwards,
         s.in_scope AND NOT f.in_scope AS came_into_scope
  FROM scored s
  JOIN scored_from f
    ON f.force_id = s.force_id AND f.inspection_id = s.inspection_id AND f.rec_no = s.rec_no
)`;

/** Where a status stands on the way to complete; null for superseded and not applicable. */
export function progress(status: string): string {
  return `CASE ${status} WHEN 'no_update' THEN 0 WHEN 'not_started' THEN 1 WHEN 'in_progress' THEN 2
    WHEN 'pending_closure' THEN 3 WHEN 'complete' THEN 4 END`;
}

const CATEGORY_COUNTS = `
  count(*) FILTER (became_complete)::INTEGER AS became_complete,
  count(*) FILTER (became_overdue)::INTEGER AS became_overdue,
  count(*) FILTER (went_backwards)::INTEGER AS went_backwards,
  count(*) FILTER (came_into_scope)::INTEGER AS came_into_scope,
  count(*) FILTER (status_from <> status_to)::INTEGER AS status_changed,
  count(*) FILTER (overdue_from)::INTEGER AS overdue_from,
  count(*) FILTER (overdue_to)::INTEGER AS overdue_to,
  (count(*) FILTER (overdue_to) - count(*) FILTER (overdue_from))::INTEGER AS overdue_change`;

/** How many pairs changed in each way, and the overdue count at each end. */
export interface ChangeCounts {
  became_complete: number;
  became_overdue: number;
  went_backwards: number;
  came_into_scope: number;
  /** Pairs whose status on the later date differs from their status on the earlier one. */
  status_changed: number;
  overdue_from: number;
  overdue_to: number;
  /** overdue_to − overdue_from. */
  overdue_change: number;
}

/** England and Wales (region null) and each region. */
export interface AreaChanges extends ChangeCounts {
  region: string | null;
}

const areaChangesSql = `WITH ${PAIR_CHANGES_CTE}
SELECT CASE WHEN grouping(region) = 1 THEN NULL ELSE region END AS region, ${CATEGORY_COUNTS}
FROM pair_changes
GROUP BY GROUPING SETS ((), (region))
ORDER BY grouping(region) DESC, region`;

export async function areaChanges(db: Connector, filters: Filters, period: ChangePeriod): Promise<AreaChanges[]> {
  return rowsOf<AreaChanges>(await db.query(areaChangesSql, changeParams(filters, period)));
}

/** One force on both dates: its counts of changes, its compliance rate and rank at each end. */
export interface ForceChange extends ChangeCounts {
  force_id: string;
  name: string;
  region: string;
  /** Compliance rate (complete ÷ in scope) on each date; null when nothing was in scope. */
  rate_from: number | null;
  rate_to: number | null;
  /** rate_to − rate_from; null when either is. */
  rate_change: number | null;
  /** 1 = highest rate on that date; ties share a rank; forces with no rate rank last. */
  rank_from: number;
  rank_to: number;
  /** rank_from − rank_to: positive when the force climbed. */
  rank_change: number;
}

// Every force of the region (or the country) appears, even with nothing in view.
const forceChangesSql = `WITH ${PAIR_CHANGES_CTE},
counts AS (
  SELECT force_id, ${CATEGORY_COUNTS},
         count(*) FILTER (complete_from) / nullif(count(*) FILTER (in_scope_from), 0) AS rate_from,
         count(*) FILTER (complete_to) / nullif(count(*) FILTER (in_scope_to), 0) AS rate_to
  FROM pair_changes GROUP BY force_id
),
by_force AS (
  SELECT f.force_id, f.name, f.region,
         coalesce(c.became_complete, 0) AS became_complete, coalesce(c.became_overdue, 0) AS became_overdue,
         coalesce(c.went_backwards, 0) AS went_backwards, coalesce(c.came_into_scope, 0) AS came_into_scope,
         coalesce(c.status_changed, 0) AS status_changed,
         coalesce(c.overdue_from, 0) AS overdue_from, coalesce(c.overdue_to, 0) AS overdue_to,
         coalesce(c.overdue_change, 0) AS overdue_change,
         c.rate_from::DOUBLE AS rate_from, c.rate_to::DOUBLE AS rate_to
  FROM forces f
  LEFT JOIN counts c ON c.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6)
),
ranked AS (
  SELECT *, (rate_to - rate_from)::DOUBLE AS rate_change,
         rank() OVER (ORDER BY rate_from DESC NULLS LAST)::INTEGER AS rank_from,
         rank() OVER (ORDER BY rate_to DESC NULLS LAST)::INTEGER AS rank_to
  FROM by_force
)
SELECT *, (rank_from - rank_to)::INTEGER AS rank_change
FROM ranked
ORDER BY abs(rate_change) DESC NULLS LAST, abs(rank_from - rank_to) DESC, name`;

/** Every force, the ones whose rate moved most first (then rank, then name). */
export async function forceChanges(db: Connector, filters: Filters, period: ChangePeriod): Promise<ForceChange[]> {
  return rowsOf<ForceChange>(await db.query(forceChangesSql, changeParams(filters, period)));
}

/** One pair that changed: its status at each end, the latest update and evidence by the later date. */
export interface ChangedPair {
  force_id: string;
  force: string;
  region: string;
  inspection_id: string;
  inspection: string;
  rec_no: number;
  status_from: PairStatus;
  status_to: PairStatus;
  /** The latest update on or before the later date; null when there is none. */
  last_update: string | null;
  evidence: string | null;
  became_complete: boolean;
  became_overdue: boolean;
  went_backwards: boolean;
  came_into_scope: boolean;
}

export interface ChangedPairs {
  /** Every changed pair in the filters; `items` holds the first `limit`. */
  total: number;
  items: ChangedPair[];
}

/** How many changed pairs the list shows at most: enough to read, few enough to draw at once. */
export const CHANGED_PAIRS_LIMIT = 300;

// A pair is listed when its status changed or it changed in one of the ways counted.
const changedPairsSql = `WITH ${PAIR_CHANGES_CTE},
changed AS (
  SELECT * FROM pair_changes
  WHERE status_from <> status_to OR became_complete OR became_overdue OR went_backwards OR came_into_scope
),${plainPairUpdates('changed')}
SELECT c.force_id, c.name AS force, c.region, c.inspection_id, i.title AS inspection, c.rec_no,
       c.status_from, c.status_to, u.last_update, u.evidence,
       c.became_complete, c.became_overdue, c.went_backwards, c.came_into_scope,
       count(*) OVER ()::INTEGER AS total
FROM changed c
JOIN inspections i ON i.inspection_id = c.inspection_id
LEFT JOIN pair_updates u
  ON u.force_id = c.force_id AND u.inspection_id = c.inspection_id AND u.rec_no = c.rec_no
ORDER BY c.region, c.name, c.inspection_id, c.rec_no
LIMIT $9`;

export async function changedPairs(
  db: Connector, filters: Filters, period: ChangePeriod, limit = CHANGED_PAIRS_LIMIT,
): Promise<ChangedPairs> {
  const rows = rowsOf<ChangedPair & { total: number }>(
    await db.query(changedPairsSql, [...changeParams(filters, period), limit]),
  );
  return { total: rows[0]?.total ?? 0, items: rows.map(({ total: _total, ...pair }) => pair) };
}
