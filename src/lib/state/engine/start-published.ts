import type { Connector } from '../../db/connector';
import type { Snapshot } from '../../db/snapshot';
import type { PublishedDataset } from '../../data/published-dataset';

const PUBLISHED_NAME = 'published.duckdb';

/**
 * Starts DuckDB-wasm on a dataset published beside the app: the database file is attached
 * read-only and read by HTTP range requests, block by block as queries need them, so a viewer
 * downloads only what the figures touch. Its tables and pre-aggregates were built by
 * `oversight build-site`, so nothing is rebuilt here.
 */
export async function startEngineWithPublishedData(dataset: PublishedDataset, onEngineReady: () => void): Promise<Connector> {
  const { openBrowserConnector } = await import('../../db/browser-connector');
  let connector: Connector;
  try {
    connector = await openBrowserConnector([{ name: PUBLISHED_NAME, url: dataset.database, attachAs: 'published' }]);
  } catch (cause) {
    throw new Error(`The published dataset could not be opened (${cause instanceof Error ? cause.message : String(cause)}).`);
  }
  onEngineReady();
  return readOnlyInWords(connector);
}

/** DuckDB's refusal to write, said in words a viewer can act on (the Data view shows it). */
function readOnlyInWords(connector: Connector): Connector {
  return {
    ...connector,
    async query(sql, params) {
      try {
        return await connector.query(sql, params);
      } catch (cause) {
        if (cause instanceof Error && /read-only mode/i.test(cause.message)) {
          throw new Error('This is a published dataset, which cannot be changed here. To add files, open Oversight without a published dataset, or publish a new one with oversight build-site.');
        }
        throw cause;
      }
    },
  };
}

/** The first view recorded beside the dataset, or null (the view then waits for the engine). */
export async function fetchPublishedSnapshot(dataset: PublishedDataset): Promise<Snapshot | null> {
  try {
    const response = await fetch(dataset.snapshot);
    return response.ok ? ((await response.json()) as Snapshot) : null;
  } catch {
    return null;
  }
}
