import { readFileSync } from 'node:fs';
import type { Connector } from '../../src/lib/db/connector';
import { openNodeConnector } from '../../src/lib/db/node-connector';
import { loadShippedData } from '../../src/lib/data/shipped-data';
import { readShippedData } from '../../src/lib/data/shipped-data-node';
import { refreshPreaggregates } from '../../src/lib/metrics/preagg/refresh-preaggregates';
import { rowsOf } from '../../src/lib/metrics/common/rows';
import type { Dataset } from './datasets';

export interface LoadedDataset {
  db: Connector;
  updates: number;
  /** Force × for-forces recommendation pairs. */
  pairs: number;
  /** Wall time of refreshPreaggregates: what every load or change of the data pays once. */
  preaggregateMs: number;
  preaggregateCpuMs: number;
  /** Rows of each derived table, so the table shows how much an interaction can read. */
  derivedRows: Record<string, number>;
}

/**
 * A generated dataset in Node's DuckDB, loaded straight into the canonical tables through the same
 * loader as the shipped data (the generated reference CSVs in place of the shipped ones), then its
 * pre-aggregates built as after every load.
 */
export async function loadDataset(dataset: Dataset): Promise<LoadedDataset> {
  const db = await openNodeConnector();
  await loadShippedData(db, {
    ...readShippedData(),
    inspectionsCsv: readFileSync(dataset.inspectionsCsv, 'utf8'),
    recommendationsCsv: readFileSync(dataset.recommendationsCsv, 'utf8'),
    illustrativeStatuses: new Uint8Array(readFileSync(dataset.statusArrow)),
  });
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  await refreshPreaggregates(db);
  const preaggregateMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const preaggregateCpuMs = (cpu.user + cpu.system) / 1000;

  const [counts] = rowsOf<{ updates: number; pairs: number }>(
    await db.query(`SELECT (SELECT count(*) FROM status_updates)::INTEGER AS updates,
      (SELECT count(*) FROM recommendations WHERE for_forces)::INTEGER * (SELECT count(*) FROM forces)::INTEGER AS pairs`),
  );
  const tables = rowsOf<{ table_name: string; rows: number }>(
    await db.query(`SELECT table_name, estimated_size::INTEGER AS rows FROM duckdb_tables()
      WHERE table_name = 'status_runs' OR table_name LIKE 'preagg_%' ORDER BY table_name`),
  );
  return {
    db,
    updates: counts!.updates,
    pairs: counts!.pairs,
    preaggregateMs,
    preaggregateCpuMs,
    derivedRows: Object.fromEntries(tables.map((t) => [t.table_name, t.rows])),
  };
}
