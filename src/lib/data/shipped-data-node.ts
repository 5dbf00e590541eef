import { readFileSync } from 'node:fs';
import type { ShippedData } from './shipped-data';

/** The shipped files read from `data/` under Node (tests and build scripts). */
export function readShippedData(dataDir = new URL('../../../data/', import.meta.url)): ShippedData {
  const read = (name: string) => readFileSync(new URL(name, dataDir));
  return {
    forcesCsv: read('forces.csv').toString('utf8'),
    inspectionsCsv: read('inspections.csv').toString('utf8'),
    recommendationsCsv: read('recommendations.csv').toString('utf8'),
    pccStatusesCsv: read('status-pcc-responses.csv').toString('utf8'),
    responsesCsv: read('responses.csv').toString('utf8'),
    illustrativeStatuses: new Uint8Array(read('status-illustrative.arrows')),
  };
}
