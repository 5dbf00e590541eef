import { openNodeConnector } from '../../../src/lib/db/node-connector';
import type { Connector } from '../../../src/lib/db/connector';
import { loadShippedData } from '../../../src/lib/data/shipped-data';
import { readShippedData } from '../../../src/lib/data/shipped-data-node';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';

export { readShippedData };

/** The shipped demo data exactly as the browser loads it. */
export async function openDemoData(): Promise<Connector> {
  const db = await openNodeConnector();
  await loadShippedData(db, readShippedData());
  await refreshPreaggregates(db);
  return db;
}
