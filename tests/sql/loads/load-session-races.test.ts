import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { LoadSession, type ReadFiles } from '../../../src/components/data/load/load-session.svelte';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { openDemoData } from '../support/demo-data';
import { fixture, statusFingerprint } from '../support/ingest-helpers';

/**
 * Issue 15: two drops in the same tick while a validation report was open failed with DuckDB's
 * "Current transaction is aborted"; the same file twice in one selection loaded twice, silently.
 */
const readHere: ReadFiles = (files) =>
  Promise.all(files.map(async (file) => prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec)));

const asFile = (path: string, name = path.split('/').at(-1)!) => new File([fixture(path) as Uint8Array<ArrayBuffer>], name, { lastModified: 1_700_000_000_000 });

let db: Connector;
/** How many of the engine's tables have a name LIKE `pattern`. */
const tablesLike = async (pattern: string) =>
  (await db.query('SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE $1', [pattern])).getChild('n')!.get(0) as number;

beforeAll(async () => {
  db = await openDemoData();
  await registerShippedLoads(db, '2025-01-01T09:00:00.000Z');
}, 120_000);

describe('drops that race', () => {
  it('a second drop in the same tick, while a report is open, is told to wait; nothing fails', async () => {
    const load = new LoadSession(() => db, async () => undefined, { readFiles: readHere });
    await load.start([asFile('malformed/unknown-force.csv')], { kind: 'add' }, null);
    expect(load.phase).toBe('review');
    const before = await statusFingerprint(db);

    const first = load.start([asFile('malformed/unknown-status.csv')], { kind: 'add' }, null);
    const second = load.start([asFile('malformed/unknown-inspection.csv')], { kind: 'add' }, null);
    expect(load.message).toMatch(/^Still working on unknown-status\.csv: drop unknown-inspection\.csv again when it is done\.$/);
    await Promise.all([first, second]);

    expect(load.failure).toBeNull();
    expect(load.phase).toBe('review');
    expect(load.fileNames).toEqual(['unknown-status.csv']);
    expect(await statusFingerprint(db)).toEqual(before);
    await load.discard();
  });

  it('makes the engine ready for staging while the files are read', async () => {
    // A reader that finishes only once the mapping tables are there: it waits forever if the
    // engine's side of staging begins after the files are read.
    await db.query('DROP TABLE IF EXISTS ingest_force_names');
    const readAfterTheEngine: ReadFiles = async (files, signal) => {
      for (let tries = 0; (await tablesLike('ingest_force_names')) === 0; tries += 1) {
        if (tries > 2_000) throw new Error('the mapping tables were not made while the files were read');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return readHere(files, signal);
    };
    const load = new LoadSession(() => db, async () => undefined, { readFiles: readAfterTheEngine });
    await load.start([asFile('malformed/unknown-force.csv')], { kind: 'add' }, null);
    expect(load.failure).toBeNull();
    expect(load.phase).toBe('review');
    await load.discard();
  });

  it('tells the page the rows are in before it drops the load\'s staging tables, and drops them', async () => {
    const staging = () => tablesLike('ingest_stage_%');
    const seen: number[] = [];
    const load = new LoadSession(() => db, async () => void seen.push(await staging()), { readFiles: readHere });
    await load.start([asFile('valid/wide.csv')], { kind: 'add' }, null);
    expect(load.failure).toBeNull();
    // Told while they were there; gone once the load is done.
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
    expect(await staging()).toBe(0);
  });

  it('the same file twice in one selection is read once, and the page says so', async () => {
    const changes: string[] = [];
    const load = new LoadSession(() => db, async (message) => void changes.push(message), { readFiles: readHere });
    const loadsBefore = (await listLoads(db)).length;
    await load.start([asFile('valid/long.csv'), asFile('valid/long.csv')], { kind: 'add' }, null);
    expect(load.failure).toBeNull();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^Loaded [\d,]+ status(es)? from long\.csv in [\d.]+ s\. long\.csv was chosen more than once and is read once\.$/);
    expect((await listLoads(db)).length).toBe(loadsBefore + 1);
  });
});
