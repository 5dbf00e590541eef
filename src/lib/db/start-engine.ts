import type { Connector } from './connector';

/**
 * Starts DuckDB-wasm and loads the shipped data. The engine and the data loader are imported
 * lazily, so the first view's code does not wait for them to download.
 */
export async function startEngineWithShippedData(onEngineReady: () => void): Promise<Connector> {
  const [{ openBrowserConnector }, { fetchShippedData }, { loadShippedData }] = await Promise.all([
    import('./browser-connector'),
    import('../data/shipped-data-browser'),
    import('../data/shipped-data'),
  ]);
  const [connector, shipped] = await Promise.all([
    openBrowserConnector().then((c) => (onEngineReady(), c)),
    fetchShippedData(),
  ]);
  await loadShippedData(connector, shipped);
  return connector;
}
