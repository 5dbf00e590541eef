import type { Connector } from '../../db/connector';
import type { Snapshot } from '../../db/snapshot';
import { recordingConnector, type TableToIpc } from '../../db/recording-connector';
import { dataExtent } from '../../metrics/common/data-extent.sql';
import { defaultFilters } from '../../metrics/common/filters';
import { loadNationalView } from '../../metrics/national/national-view';
import { DEFAULT_STALE_DAYS, forceFreshness } from '../../metrics/national/freshness.sql';

/**
 * Runs what a fresh visit asks first (the data's extent, then the national view on the default
 * filters, as on the data's last update) and records the answers. The build script records the
 * shipped data with it; the browser records the user's data with it on every save. Data with no
 * status update has no default date to record the view for: only its extent is recorded.
 */
export async function recordFirstView(
  db: Connector, toIpc: TableToIpc, dataKey: string,
): Promise<{ snapshot: Snapshot; lastUpdate: string | null }> {
  const { connector, snapshot } = recordingConnector(db, toIpc);
  const { lastUpdate } = await dataExtent(connector);
  if (lastUpdate) {
    await loadNationalView(connector, defaultFilters(lastUpdate));
    // The national view's freshness marks, asked for with the same filters (NationalView.svelte).
    await forceFreshness(connector, defaultFilters(lastUpdate), DEFAULT_STALE_DAYS);
  }
  return { snapshot: snapshot(dataKey), lastUpdate };
}
