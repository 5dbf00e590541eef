import type { Connector } from '../../db/connector';
import { rebuildStatusRuns } from '../../data/status-runs';
import { buildPreaggregates } from './build-preaggregates';

/**
 * Rebuilds everything derived from the canonical tables. Call after every change to them (a load,
 * a removal, an undo, forgetting the user's data), before any view queries again: the national
 * figures read these tables, and stale ones would give stale numbers.
 */
export async function refreshPreaggregates(db: Connector): Promise<void> {
  await rebuildStatusRuns(db);
  await buildPreaggregates(db);
}
