import type { Connector } from '../../db/connector';
import type { Snapshot } from '../../db/snapshot';
import { recordingConnector, type TableToIpc } from '../../db/recording-connector';
import { dataExtent } from '../../metrics/common/data-extent.sql';
import { loadNationalView } from '../../metrics/national/national-view';
import { openingFilters, userCoverage } from '../../metrics/common/user-coverage.sql';

/**
 * Runs what a fresh visit asks first (the data's extent, then the national view on the default
 * filters, as on the data's last update) and records the answers. The build script records the
 * shipped data with it; the browser records the user's data with it on every save. Data with no
 * status update has no default date to record the view for: only its extent is recorded. The
 * view is recorded on the inspections the user's statuses cover, the views' default, unless
 * `ownScope` is false (a published dataset is shown whole, DatasetState.attach).
 */
export async function recordFirstView(
  db: Connector, toIpc: TableToIpc, dataKey: string, { ownScope = true }: { ownScope?: boolean } = {},
): Promise<{ snapshot: Snapshot; lastUpdate: string | null }> {
  const { connector, snapshot } = recordingConnector(db, toIpc);
  const { lastUpdate } = await dataExtent(connector);
  if (lastUpdate) {
    const scope = ownScope ? await userCoverage(connector) : null;
    const filters = openingFilters(lastUpdate, scope);
    // Freshness marks included: they are one of the national view's parts.
    await loadNationalView(connector, filters);
  }
  return { snapshot: snapshot(dataKey), lastUpdate };
}
