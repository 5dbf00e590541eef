import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { LoadSession, type ReadFiles } from '../../../src/components/data/load/load-session.svelte';
import { loadShippedData } from '../../../src/lib/data/shipped-data';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { databaseFingerprint } from '../support/database-fingerprint';
import { openDemoData, readShippedData } from '../support/demo-data';
import { fixture, stage } from '../support/ingest-helpers';

/**
 * Issue 15: at 5M rows DuckDB ran out of memory building the pre-aggregates after the rows were
 * in; the page said "your data is as it was" beside DuckDB's raw text while the new rows were
 * listed and the national figures were the old ones. Now the load and its pre-aggregates commit
 * together or not at all, and the page says what happened in words.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';

describe('a load that fails after its rows are in', () => {
  it('rolls back the rows, the list of loads and every derived table together', async () => {
    const db = await openDemoData();
    await registerShippedLoads(db, LOADED_AT);
    const staged = await stage(db, 'long.csv', fixture('valid/long.csv'));
    const before = await loadedData(db);
    const failingDerived = async () => {
      await refreshPreaggregates(db); // the derived tables are rebuilt with the new rows…
      throw new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (1.9 GiB/2.0 GiB used)'); // …then the engine gives up
    };
    await expect(acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT, failingDerived)).rejects.toThrow('Out of Memory');
    expect(await loadedData(db)).toBe(before);
  }, 120_000);

  it('the Data view says so in words, the engine text only as detail, and the page shows what is loaded', async () => {
    const db = await openDemoData();
    await registerShippedLoads(db, LOADED_AT);
    const before = await loadedData(db);
    // The rows' own insert runs out: the pre-aggregates are built after the load, not in it (issue 17).
    const failing = { ...db, query: (sql: string, params?: readonly (string | number | boolean | null)[]) =>
      sql.trimStart().startsWith('INSERT INTO status_updates')
        ? Promise.reject(new Error('Out of Memory Error: failed to allocate data of size 64.0 MiB'))
        : db.query(sql, params) };
    const changes: string[] = [];
    const load = new LoadSession(() => failing, async (message) => void changes.push(message), { readFiles: readHere });
    await load.start([new File([fixture('valid/long.csv') as Uint8Array<ArrayBuffer>], 'long.csv')], { kind: 'add' }, null);
    expect(load.failure?.message).toMatch(/^This browser ran out of memory while loading the checked rows, so nothing was loaded and your data is as it was\./);
    expect(load.failure?.detail).toMatch(/^Out of Memory Error: /);
    expect(changes).toEqual([]);
    expect(await loadedData(db)).toBe(before);
    const staging = await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'ingest_stage_%' OR table_name LIKE 'ingest_raw_%'`);
    expect(staging.getChildAt(0)?.get(0)).toBe(0); // the checked file's working tables are gone
  }, 120_000);

  it('under a lowered memory limit, a file too big for it is refused before it is read, with the sizes', async () => {
    const db = await lowMemoryDemo();
    const before = await loadedData(db);
    const tablesBefore = await db.query('SELECT count(*)::INTEGER AS n FROM duckdb_tables()');
    const load = new LoadSession(() => db, async () => undefined, { readFiles: () => Promise.reject(new Error('read although refused')) });
    await load.start([new File([BIG_CSV as Uint8Array<ArrayBuffer>], 'big.csv')], { kind: 'add' }, null);
    expect(load.failure).toEqual({
      message: expect.stringMatching(/^big\.csv \(\d+ MB\) needs about \d+ MB of memory to load; this browser can hold about \d+ MB more\. Nothing was read and your data is as it was\./),
      detail: null,
    });
    expect(await loadedData(db)).toBe(before);
    expect((await db.query('SELECT count(*)::INTEGER AS n FROM duckdb_tables()')).getChildAt(0)?.get(0)).toBe(tablesBefore.getChildAt(0)?.get(0));
  }, 300_000);

  it('when the estimate lets a file through and the engine still runs out, the load fails whole with a plain message', async () => {
    const db = await lowMemoryDemo();
    const before = await loadedData(db);
    const load = new LoadSession(() => db, async () => undefined, { readFiles: readHere, estimateMemory: false });
    await load.start([new File([BIG_CSV as Uint8Array<ArrayBuffer>], 'big.csv')], { kind: 'add' }, null);
    expect(load.failure?.message).toMatch(/ran out of memory while (checking the file|loading the checked rows), so nothing was loaded and your data is as it was\./);
    expect(await loadedData(db)).toBe(before);
  }, 300_000);
});

/** The demo data in an engine held to 72 MB, which a 400,000-row CSV (about 34 MB) does not fit. */
async function lowMemoryDemo(): Promise<Connector> {
  const db = await openNodeConnector({ memoryLimit: '72MB' });
  await loadShippedData(db, readShippedData());
  await refreshPreaggregates(db);
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

const readHere: ReadFiles = (files) =>
  Promise.all(files.map(async (file) => prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec)));

/**
 * What the page shows: the tables, the list of loads, the user's own rows and everything derived.
 * The Data view's working tables (staging, mappings, the empty undo tables) are left out.
 */
const shown = (table: string) => !table.startsWith('ingest_') || table === 'ingest_loads';
const loadedData = (db: Connector) => databaseFingerprint(db, shown);

const BIG_CSV = bigStatusCsv(400_000);

/** Valid rows for real forces and recommendations, each on its own day: nothing to review. */
function bigStatusCsv(rows: number): Uint8Array {
  const forces = ['Kent', 'Cheshire', 'Essex', 'Surrey', 'Dorset', 'Gwent', 'Durham', 'Cleveland'];
  const lines = ['Force,Inspection,Rec,Status,Date,Evidence'];
  const start = Date.UTC(2023, 9, 1);
  for (let k = 0; k < rows; k += 1) {
    const day = new Date(start + (k % 700) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${forces[k % forces.length]},firearms-2023,R${1 + (k % 3)},${k % 2 ? 'In progress' : 'Complete'},${day},Evidence note ${k} for the record`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
