import { readFileSync } from 'node:fs';
import { openNodeConnector } from '../../src/lib/db/node-connector';
import type { Connector } from '../../src/lib/db/connector';
import { loadShippedData, type ShippedData } from '../../src/lib/data/shipped-data';

const read = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url));

/** The shipped demo data exactly as the browser loads it. */
export function readShippedData(): ShippedData {
  return {
    forcesCsv: read('forces.csv').toString('utf8'),
    inspectionsCsv: read('inspections.csv').toString('utf8'),
    recommendationsCsv: read('recommendations.csv').toString('utf8'),
    pccStatusesCsv: read('status-pcc-responses.csv').toString('utf8'),
    responsesCsv: read('responses.csv').toString('utf8'),
    illustrativeStatuses: new Uint8Array(read('status-illustrative.arrows')),
  };
}

export async function openDemoData(): Promise<Connector> {
  const db = await openNodeConnector();
  await loadShippedData(db, readShippedData());
  return db;
}
