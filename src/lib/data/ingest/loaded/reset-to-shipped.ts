import type { Connector } from '../../../db/connector';
import { loadShippedData, type ShippedData } from '../../shipped-data';
import { registerShippedLoads, USER_REFERENCE_TABLES } from './load-registry';
import { UNDO_TABLES } from './reference-loads';

/** "Forget my data": the shipped data again, as on a first visit, with nothing to undo. */
export async function resetToShipped(db: Connector, shipped: ShippedData, loadedAt: string): Promise<void> {
  const userTables = [...Object.values(USER_REFERENCE_TABLES), ...Object.values(UNDO_TABLES)];
  for (const table of ['ingest_loads', 'ingest_undo', 'ingest_undo_loads', 'ingest_undo_rows', ...userTables]) {
    await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
  await loadShippedData(db, shipped);
  await registerShippedLoads(db, loadedAt);
}
