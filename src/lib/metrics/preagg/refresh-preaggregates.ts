import type { Connector } from '../../db/connector';
import { BUILD_STATUS_RUNS } from '../../data/status-runs';
import { PREAGGREGATE_BUILDS } from './build-preaggregates';

/** Every derived table, in the order they depend on each other: status_runs feeds the segments. */
export const DERIVED_BUILDS: readonly string[] = [BUILD_STATUS_RUNS, ...PREAGGREGATE_BUILDS.map(([, sql]) => sql)];

/**
 * Rebuilds everything derived from the canonical tables, in one go (start-up, restore); after a
 * load in the browser, BackgroundBuild runs the same statements between the views' queries. Stale
 * derived tables would give stale numbers, so every change to the canonical tables is followed by
 * one of the two.
 */
export async function refreshPreaggregates(db: Connector): Promise<void> {
  for (const sql of DERIVED_BUILDS) await db.query(sql);
}
