import type { Connector } from '../../db/connector';
import { BUILD_STATUS_RUNS } from '../../data/status-runs';
import { COUNT_BUILDS, PAIR_BUILDS } from './build-preaggregates';
import { setPreaggregateScope } from './build-force-month';

/** The derived tables of the per-force counts (status_runs feeds the segments): the first stage of a build. */
export const COUNT_STAGE: readonly string[] = [BUILD_STATUS_RUNS, ...COUNT_BUILDS.map(([, sql]) => sql)];
/** The per-pair tables: the second stage. */
export const PAIR_STAGE: readonly string[] = PAIR_BUILDS.map(([, sql]) => sql);
/** Every derived table, in the order they depend on each other. */
export const DERIVED_BUILDS: readonly string[] = [...COUNT_STAGE, ...PAIR_STAGE];

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
