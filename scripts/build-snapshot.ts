/**
 * Records the national view's queries on the shipped data, so the built app draws its first view
 * before DuckDB-wasm has started (issue 4). Run before `vite build` and `vite`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openNodeConnector } from '../src/lib/db/node-connector';
import { nodeTableToIpc } from '../src/lib/db/node-table-ipc';
import { loadShippedData } from '../src/lib/data/shipped-data';
import { readShippedData } from '../src/lib/data/shipped-data-node';
import { refreshPreaggregates } from '../src/lib/metrics/preagg/refresh-preaggregates';
import { recordFirstView } from '../src/lib/state/engine/first-view-snapshot';

const started = performance.now();
const shipped = readShippedData();
const engine = await openNodeConnector();
await loadShippedData(engine, shipped);
await refreshPreaggregates(engine);

const hash = createHash('sha256');
for (const part of Object.values(shipped)) hash.update(part);
const { snapshot: result, lastUpdate } = await recordFirstView(engine, nodeTableToIpc, hash.digest('hex').slice(0, 16));
if (!lastUpdate) throw new Error('the shipped data has no status updates');

const out = new URL('../data/snapshot/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('national.json', out), JSON.stringify(result));
console.log(`snapshot: ${result.entries.length} queries in ${Math.round(performance.now() - started)} ms`);
