import type { Connector, SqlParam } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import type { PairRows } from '../pairs/pair-timing.sql';
import { forceCountsFast, MONTHLY_SCOPE_GUARD, readsMonthly } from '../preagg/national-fast.sql';
import { rowsOf } from '../common/rows';
import { inputsOf, type ViewPart } from '../common/view-parts';
import { sourcesFor } from '../preagg/query-sources';
import { inListParam } from '../common/list-param.sql';

/** Days without an update after which a force's data is called stale, unless the user says otherwise. */
export const DEFAULT_STALE_DAYS = 180;

/** How fresh one force's data is on D. */
export interface ForceFreshness {
  force_id: string;
  name: string;
  region: string;
  /** Its latest status update on or before D, over the recommendations in the filters; null when none. */
  last_update: string | null;
  /** D − last update; null when there is no update. */
  days_since: number | null;
  /** In scope and not complete on D. */
  open_items: number;
  /** More than the threshold's days since the last update, or no update at all, with items open. */
  stale: boolean;
}

export interface Freshness {
  /** The threshold the figures were computed with, in days. */
  staleDays: number;
  /** Every force listed (the region's, or all 43): the stale first, then the longest since an update. */
  forces: ForceFreshness[];
  /** How many of them are stale. */
  staleForces: number;
}

/** Parameters as in `filterParams`, then $8 the threshold in days. */
export const freshnessParams = (filters: Filters, staleDays: number): SqlParam[] => [
  ...filterParams({ ...filters, statuses: [] }),
  staleDays,
];

/**
 * Last update on D: a force's latest status update dated on or before D, over the recommendations
 * in the filters (reports published on or before D); days since = D − last update. Stale: more than
 * $8 days since, or no update at all, while it has open items (in scope and not complete on D): a
 * force with nothing left open has nothing to report. Every status counts: the caller clears the
 * status filter, since freshness is about the force's reporting, not about one status. `counts`
 * defines `last_updates` and `open_items` per force (pairCounts or countsFast below: the same rows,
 * tests/sql/metrics/preagg-pair-states.test.ts).
 */
const freshnessSql = (counts: string) => `WITH ${counts},
by_force AS (
  SELECT f.force_id, f.name, f.region, l.last_update,
         ($1::DATE - l.last_update)::INTEGER AS days_since,
         coalesce(o.open_items, 0)::INTEGER AS open_items
  FROM forces f
  LEFT JOIN last_updates l ON l.force_id = f.force_id
  LEFT JOIN open_items o ON o.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6)
),
judged AS (SELECT *, open_items > 0 AND coalesce(days_since > $8, true) AS stale FROM by_force)
SELECT *, (count(*) FILTER (stale) OVER ())::INTEGER AS stale_forces
FROM judged
ORDER BY stale DESC, days_since DESC NULLS FIRST, name`;

/** `last_updates` and `open_items` per force from each pair's state and last update on D. */
const pairCounts = (pairs: PairRows) => `${pairs.scored}, ${pairs.withUpdates('scored', 'scored_updates')},
last_updates AS (
  SELECT force_id, max(last_update) AS last_update
  FROM scored_updates
  GROUP BY force_id
),
open_items AS (
  SELECT force_id, count(*) FILTER (in_scope AND status <> 'complete') AS open_items
  FROM scored GROUP BY force_id
)`;

/**
 * The same from the pre-aggregates, for a filter with no recommendation (which they do not keep
 * apart): update days per force (over a scope the monthly counts keep) or per force and
 * inspection (another inspection filter), and the counts by status as on D (in scope and not
 * complete: not started, in progress, pending closure, no update).
 */
const countsFast = (filters: Filters, scope: string | undefined) => `${forceCountsFast(filters, scope)},
${readsMonthly(filters, scope) ? LAST_UPDATES_IN_SCOPE : LAST_UPDATES_BY_INSPECTION},
open_items AS (
  SELECT force_id, n_not_started + n_in_progress + n_pending_closure + n_no_update AS open_items FROM force_counts
)`;

const NO_RECOMMENDATION = `CASE WHEN $7 = '' THEN true ELSE error('the update days keep no recommendation apart') END`;

const LAST_UPDATES_BY_INSPECTION = `last_updates AS (
  SELECT d.force_id, max(d.day) AS last_update
  FROM preagg_force_update_days d
  JOIN inspections i ON i.inspection_id = d.inspection_id
  WHERE d.day <= $1::DATE AND i.published <= $1::DATE
    AND ${inListParam('$2', 'd.inspection_id')}
    AND ${NO_RECOMMENDATION}
  GROUP BY d.force_id
)`;

const LAST_UPDATES_IN_SCOPE = `last_updates AS (
  SELECT force_id, max(day) AS last_update
  FROM preagg_scope_update_days
  WHERE scope = $2 AND day <= $1::DATE AND first_published <= $1::DATE
    AND ${MONTHLY_SCOPE_GUARD} AND ${NO_RECOMMENDATION}
  GROUP BY force_id
)`;

/** Where a force's last update and open items come from: the pre-aggregates when they hold them. */
function countsFor(db: Connector, filters: Filters, pairs: PairRows | null): string {
  if (pairs) return pairCounts(pairs);
  const sources = sourcesFor(db);
  return sources.national && filters.recommendation === null ? countsFast(filters, db.preaggregatedScope) : pairCounts(sources.pairs);
}

/** `pairs` forces where the per-pair rows come from (tests compare the two); by default the engine's state decides. */
export async function forceFreshness(
  db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS, pairs: PairRows | null = null,
): Promise<Freshness> {
  const every = { ...filters, statuses: [] };
  const rows = rowsOf<ForceFreshness & { stale_forces: number }>(
    await db.query(freshnessSql(countsFor(db, every, pairs)), freshnessParams(every, staleDays)),
  );
  return {
    staleDays,
    forces: rows.map(({ stale_forces: _count, ...force }) => force),
    staleForces: rows[0]?.stale_forces ?? 0,
  };
}

/**
 * Freshness as a view's part on the query coordinator (issue 19): every force, whatever the region,
 * force and status filters, so it is declared beside the figures it marks and arrives in the same
 * update as them. The caller decides whether the recommendation filter applies.
 */
export function freshnessPart(db: Connector, filters: Filters, staleDays = DEFAULT_STALE_DAYS): ViewPart<Freshness> {
  const every: Filters = { ...filters, region: null, force: null, statuses: [] };
  return { inputs: inputsOf(freshnessParams(every, staleDays)), run: () => forceFreshness(db, every, staleDays) };
}
