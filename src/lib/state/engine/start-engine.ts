import type { Connector } from '../../db/connector';

/**
 * Starts DuckDB-wasm, loads the shipped data and builds the pre-aggregates. The engine and the
 * data loader are imported lazily, so the first view's code does not wait for them to download.
 */
export async function startEngineWithShippedData(onEngineReady: () => void): Promise<Connector> {
  const [{ openBrowserConnector }, { fetchShippedData }, { loadShippedData }, { refreshPreaggregates }] = await Promise.all([
    import('../../db/browser-connector'),
    import('../../data/shipped-data-browser'),
    import('../../data/shipped-data'),
    import('../../metrics/preagg/refresh-preaggregates'),
  ]);
  const [connector, shipped] = await Promise.all([
    openBrowserConnector().then((c) => (onEngineReady(), c)),
    fetchShippedData(),
  ]);
  await loadShippedData(connector, shipped);
  await refreshPreaggregates(connector);
  return connector;
}
