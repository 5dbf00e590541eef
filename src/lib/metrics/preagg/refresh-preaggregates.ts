import type { Connector } from '../../db/connector';
import { BUILD_STATUS_RUNS } from '../../data/status-runs';
import { PREAGGREGATE_BUILDS } from './build-preaggregates';
import { setPreaggregateScope } from './build-force-month';

/** Every derived table, in the order they depend on each other: status_runs feeds the segments. */
export const DERIVED_BUILDS: readonly string[] = [BUILD_STATUS_RUNS, ...PREAGGREGATE_BUILDS.map(([, sql]) => sql)];

/**
 * Rebuilds everything derived from the canonical tables, in one go (start-up, restore); after a
 * load in the browser, BackgroundBuild runs the same statements between the views' queries. Stale
 * derived tables would give stale numbers, so every change to the canonical tables is followed by
 * one of the two. `scope`: the inspection filter to keep monthly counts for besides every
 * inspection (the user's covered inspections; see BUILD_SCOPE).
 */
export async function refreshPreaggregates(db: Connector, scope: readonly string[] = []): Promise<void> {
  await setPreaggregateScope(db, scope);
  for (const sql of DERIVED_BUILDS) await db.query(sql);
}
