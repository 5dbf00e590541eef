import forcesCsv from '../../../data/forces.csv?raw';
import inspectionsCsv from '../../../data/inspections.csv?raw';
import recommendationsCsv from '../../../data/recommendations.csv?raw';
import pccStatusesCsv from '../../../data/status-pcc-responses.csv?raw';
import responsesCsv from '../../../data/responses.csv?raw';
import illustrativeUrl from '../../../data/status-illustrative.arrows?url';
import type { ShippedData } from './shipped-data';

/** The shipped files in the browser: small CSVs are bundled, the status history is fetched. */
export async function fetchShippedData(): Promise<ShippedData> {
  const response = await fetch(illustrativeUrl);
  if (!response.ok) throw new Error(`Could not load the demo statuses (${response.status} ${response.statusText})`);
  return {
    forcesCsv,
    inspectionsCsv,
    recommendationsCsv,
    pccStatusesCsv,
    responsesCsv,
    illustrativeStatuses: new Uint8Array(await response.arrayBuffer()),
  };
}
