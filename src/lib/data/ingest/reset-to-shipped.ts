import type { Connector } from '../../db/connector';
import { loadShippedData, type ShippedData } from '../shipped-data';
import { registerShippedLoads } from './load-registry';

/** "Forget my data": the shipped data again, as on a first visit, with nothing to undo. */
export async function resetToShipped(db: Connector, shipped: ShippedData, loadedAt: string): Promise<void> {
  for (const table of ['ingest_loads', 'ingest_undo', 'ingest_undo_loads', 'ingest_undo_rows']) {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
  await loadShippedData(db, shipped);
  await registerShippedLoads(db, loadedAt);
}
