/**
 * Records the national view's queries on the shipped data, so the built app draws its first view
 * before DuckDB-wasm has started (issue 4). Run before `vite build` and `vite`.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openNodeConnector } from '../src/lib/db/node-connector';
import { recordingConnector } from '../src/lib/db/recording-connector';
import { loadShippedData } from '../src/lib/data/shipped-data';
import { readShippedData } from '../src/lib/data/shipped-data-node';
import { dataExtent } from '../src/lib/metrics/data-extent.sql';
import { defaultFilters } from '../src/lib/metrics/filters';
import { loadNationalView } from '../src/lib/metrics/national-view';
import { refreshPreaggregates } from '../src/lib/metrics/preagg/refresh-preaggregates';

const started = performance.now();
const shipped = readShippedData();
const engine = await openNodeConnector();
await loadShippedData(engine, shipped);
await refreshPreaggregates(engine);

const { connector, snapshot } = recordingConnector(engine);
const extent = await dataExtent(connector);
if (!extent.lastUpdate) throw new Error('the shipped data has no status updates');
await loadNationalView(connector, defaultFilters(extent.lastUpdate));

const hash = createHash('sha256');
for (const part of Object.values(shipped)) hash.update(part);
const out = new URL('../data/snapshot/', import.meta.url);
mkdirSync(out, { recursive: true });
const result = snapshot(hash.digest('hex').slice(0, 16));
writeFileSync(new URL('national.json', out), JSON.stringify(result));
console.log(`snapshot: ${result.entries.length} queries in ${Math.round(performance.now() - started)} ms`);
