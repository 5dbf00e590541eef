import type { Connector, SqlParam } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import type { PairRows } from '../pairs/pair-timing.sql';
import { forceCountsFast, readsMonthly } from '../preagg/national-fast.sql';
import { rowsOf } from '../common/rows';
import { inputsOf, type ViewPart } from '../common/view-parts';
import { sourcesFor } from '../preagg/query-sources';
import { lastUpdatesFast, OPEN_ITEMS_FAST } from '../preagg/freshness-fast.sql';
import { DEFAULT_STALE_DAYS, FRESHNESS_ORDER, freshnessRowsCte } from './freshness-rows.sql';

export { DEFAULT_STALE_DAYS };

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
 * in the filters (reports published on or before D); days since = D − last update; stale as
 * freshnessRowsCte says, with $8 the threshold. Every status counts: the caller clears the status
 * filter, since freshness is about the force's reporting, not about one status. `counts` defines
 * `last_updates` and `open_items` per force (pairCounts or countsFast below: the same rows,
 * tests/sql/metrics/preagg-pair-states.test.ts).
 */
const freshnessSql = (counts: string) => `WITH ${counts},
${freshnessRowsCte('$8')}
SELECT * FROM freshness_rows
ORDER BY ${FRESHNESS_ORDER}`;

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
 * inspection (another inspection filter), and the counts by status as on D.
 */
const countsFast = (filters: Filters, scope: string | undefined) => `${forceCountsFast(filters, scope)},
${lastUpdatesFast(readsMonthly(filters, scope), NO_RECOMMENDATION)},
${OPEN_ITEMS_FAST}`;

const NO_RECOMMENDATION = `CASE WHEN $7 = '' THEN true ELSE error('the update days keep no recommendation apart') END`;

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
