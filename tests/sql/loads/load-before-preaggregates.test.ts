import { describe, expect, it } from 'vitest';
import type { Connector, SqlParam } from '../../../src/lib/db/connector';
import { LoadSession, type ReadFiles } from '../../../src/components/data/load/load-session.svelte';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { runParts } from '../../../src/lib/metrics/common/view-parts';
import { nationalViewParts, type NationalPart, type NationalViewData } from '../../../src/lib/metrics/national/national-view';
import { forceViewParts } from '../../../src/lib/metrics/force/force-view';
import { inspectionViewParts } from '../../../src/lib/metrics/inspection/inspection-view';
import { BackgroundBuild } from '../../../src/lib/metrics/preagg/background-build';
import { QueryCoordinator } from '../../../src/lib/query/coordinator';
import { DatasetState } from '../../../src/lib/state/engine/dataset.svelte';
import { databaseFingerprint } from '../support/database-fingerprint';
import { openDemoData } from '../support/demo-data';
import { fixture } from '../support/ingest-helpers';

/**
 * Issue 17, item 3: a load commits its rows and list of loads alone; the views answer at once from
 * the plain SQL, the pre-aggregates are built after it, and the views then switch to the fast
 * queries with the same figures. A build that fails leaves the views on the plain SQL, correct.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';
type NationalRows = Pick<NationalViewData, NationalPart>;

const readHere: ReadFiles = (files) =>
  Promise.all(files.map(async (file) => prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec)));

const derivedTables = (db: Connector) =>
  databaseFingerprint(db, (table) => table.startsWith('preagg_') || table === 'status_runs');

/** The demo data with the long fixture loaded through the Data view's session, as a user would. */
async function demoWithLoad(): Promise<{ db: Connector; derivedBefore: string }> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  const derivedBefore = await derivedTables(db);
  const changed: string[] = [];
  const session = new LoadSession(() => db, async (message) => void changed.push(message), { readFiles: readHere });
  await session.start([new File([fixture('valid/long.csv') as Uint8Array<ArrayBuffer>], 'long.csv')], { kind: 'add' }, null);
  expect(session.failure).toBeNull();
  expect(changed).toEqual([expect.stringMatching(/^Loaded 12 statuses from long\.csv/)]);
  return { db, derivedBefore };
}

/** Records the SQL asked, to tell the plain queries from the pre-aggregated ones. */
function recording(db: Connector): Connector & { asked: string[] } {
  const asked: string[] = [];
  return { ...db, asked, query: (sql: string, params?: readonly SqlParam[]) => (asked.push(sql), db.query(sql, params)) };
}

/** A national view on a coordinator: the rows it was handed, and a promise of its next settle. */
function nationalOn(coordinator: QueryCoordinator) {
  const shown: Partial<NationalRows> = {};
  let settled = () => {};
  let changes: string[] = [];
  const view = coordinator.view((d, s: Filters) => nationalViewParts(d, s), {
    settled: (changed) => {
      changes = Object.keys(changed);
      Object.assign(shown, changed);
      settled();
    },
    failed: (message) => {
      throw new Error(message);
    },
  });
  const nextSettle = () => new Promise<string[]>((resolve) => (settled = () => resolve(changes)));
  return { view, shown, nextSettle };
}

const asOfLatest = async (db: Connector) => defaultFilters((await dataExtent(db)).lastUpdate!);

describe('a load that does not wait for its pre-aggregates', () => {
  it('commits without them; the views read the plain SQL until they are built, then the fast queries, with the same figures', async () => {
    const { db, derivedBefore } = await demoWithLoad();
    expect(await derivedTables(db)).toBe(derivedBefore); // nothing derived was rebuilt inside the load
    const filters = await asOfLatest(db);
    const stale = await runParts(nationalViewParts(db, filters)); // what the old pre-aggregates would say

    const engine = recording(db);
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(engine, 1, false);
    const national = nationalOn(coordinator);
    await national.view.request(filters);
    expect(engine.asked.length).toBeGreaterThan(0);
    expect(engine.asked.filter((sql) => /preagg_|status_runs/.test(sql))).toEqual([]);
    const plain = structuredClone(national.shown);

    expect(await new BackgroundBuild().run(db)).toBe(true);
    expect(await derivedTables(db)).not.toBe(derivedBefore);
    const built = await runParts(nationalViewParts(db, filters));
    expect(plain).toEqual(built);
    expect(stale).not.toEqual(built); // so the plain SQL was needed: the old tables gave old figures

    engine.asked.length = 0;
    const switched = national.nextSettle();
    coordinator.connect(engine, 1, true);
    expect(await switched).toEqual([]); // the same rows: nothing is drawn again
    expect(engine.asked.some((sql) => sql.includes('preagg_'))).toBe(true);
    expect(national.shown).toEqual(built);

    // The force and inspection views too: plain before, pre-aggregated after, the same rows.
    const plainDb: Connector = { ...db, preaggregated: false };
    const subject = { force: 'kent', compare: 'surrey', peers: ['essex', 'sussex'] };
    expect(await runParts(forceViewParts(plainDb, filters, subject))).toEqual(await runParts(forceViewParts(db, filters, subject)));
    expect(await runParts(inspectionViewParts(plainDb, filters, 'firearms-2023')))
      .toEqual(await runParts(inspectionViewParts(db, filters, 'firearms-2023')));
  }, 300_000);

  it('a background build that fails leaves the views on the plain SQL, with the right figures, and says why in words', async () => {
    const { db } = await demoWithLoad();
    const failing: Connector = {
      ...db,
      query: (sql: string, params?: readonly SqlParam[]) => sql.startsWith('CREATE OR REPLACE TABLE preagg_force_day')
        ? Promise.reject(new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (1.9 GiB/2.0 GiB used)'))
        : db.query(sql, params),
    };
    const dataset = new DatasetState();
    dataset.db = failing;
    await dataset.refresh();
    expect(dataset.preaggregated).toBe(false);
    expect(await dataset.whenBuilt()).toBe(false);
    expect(dataset.preaggregated).toBe(false);
    expect(dataset.buildFailure).toBe('this browser ran out of memory for them');

    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(dataset.db, dataset.version, dataset.preaggregated);
    const national = nationalOn(coordinator);
    const filters = await asOfLatest(db);
    await national.view.request(filters);

    expect(await new BackgroundBuild().run(db)).toBe(true); // built here only to know the right figures
    expect(national.shown).toEqual(await runParts(nationalViewParts(db, filters)));
  }, 300_000);

  it('switches the per-force figures to their counts before the per-pair tables are built: the same figures, every way', async () => {
    const { db } = await demoWithLoad();
    const filters = await asOfLatest(db);
    const plainNational = await runParts(nationalViewParts({ ...db, preaggregated: false }, filters));
    let atPairStates: { countsBuilt: boolean; preaggregated: boolean; national: NationalRows; asked: string[] } | null = null;
    const dataset = new DatasetState();
    const engine: Connector = {
      ...db,
      query: async (sql: string, params?: readonly SqlParam[]) => {
        if (!atPairStates && sql.startsWith('CREATE OR REPLACE TABLE preagg_pair_states')) {
          // The first stage is done and the per-pair tables are still the old data's: what the views read now.
          const seen = recording({ ...db, preaggregated: dataset.preaggregated, countsBuilt: dataset.countsBuilt });
          const national = await runParts(nationalViewParts(seen, filters));
          atPairStates = { countsBuilt: dataset.countsBuilt, preaggregated: dataset.preaggregated, national, asked: seen.asked };
        }
        return db.query(sql, params);
      },
    };
    dataset.db = engine;
    await dataset.refresh();
    expect([dataset.countsBuilt, dataset.preaggregated]).toEqual([false, false]);
    expect(await dataset.whenBuilt()).toBe(true);
    expect([dataset.countsBuilt, dataset.preaggregated]).toEqual([true, true]);

    const between = atPairStates!;
    expect([between.countsBuilt, between.preaggregated]).toEqual([true, false]);
    expect(between.asked.some((sql) => sql.includes('preagg_force_month'))).toBe(true);
    expect(between.asked.filter((sql) => /preagg_(pair|overdue|force)_states|preagg_force_history/.test(sql))).toEqual([]);
    expect(between.national).toEqual(plainNational);
    expect(await runParts(nationalViewParts(db, filters))).toEqual(plainNational);

    // The force and inspection views over the counts and the plain per-pair SQL: the same rows too.
    const countsDb: Connector = { ...db, preaggregated: false, countsBuilt: true };
    const subject = { force: 'kent', compare: 'surrey', peers: ['essex', 'sussex'] };
    expect(await runParts(forceViewParts(countsDb, filters, subject))).toEqual(await runParts(forceViewParts(db, filters, subject)));
    expect(await runParts(inspectionViewParts(countsDb, filters, 'firearms-2023')))
      .toEqual(await runParts(inspectionViewParts(db, filters, 'firearms-2023')));
  }, 300_000);

  it('a newer change cancels the unfinished build: only the last version is said to be built', async () => {
    const { db } = await demoWithLoad();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const slow: Connector = {
      ...db,
      query: async (sql: string, params?: readonly SqlParam[]) => {
        if (first && sql.startsWith('CREATE OR REPLACE TABLE status_runs')) {
          first = false;
          await held;
        }
        return db.query(sql, params);
      },
    };
    const dataset = new DatasetState();
    dataset.db = slow;
    await dataset.refresh();
    const older = dataset.whenBuilt();
    await dataset.refresh();
    release();
    expect(await older).toBe(false);
    expect(await dataset.whenBuilt()).toBe(true);
    expect(dataset.preaggregated).toBe(true);
    expect(dataset.version).toBe(2);
  }, 300_000);

  it('builds monthly counts for the inspections the user\'s statuses cover, which the views open on: the same figures', async () => {
    const { db } = await demoWithLoad();
    const dataset = new DatasetState();
    dataset.db = db;
    await dataset.refresh();
    expect(await dataset.whenBuilt()).toBe(true);
    const covered = dataset.scope!.inspections;
    expect(covered.length).toBeGreaterThan(0);
    expect(dataset.preaggregatedScope).toBe(covered.join(','));
    const kept = await db.query(`SELECT DISTINCT scope FROM preagg_force_month ORDER BY scope`);
    expect(kept.toArray().map((row) => String(row.scope))).toEqual(['', 'built']);

    const opening = { ...(await asOfLatest(db)), inspections: covered };
    // Through the coordinator, as the page asks: it hands the views' queries the scope.
    const engine = recording({ ...db, preaggregatedScope: dataset.preaggregatedScope });
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(engine, dataset.version, true);
    const national = nationalOn(coordinator);
    await national.view.request(opening);
    expect(engine.asked.some((sql) => sql.includes('FROM preagg_force_month'))).toBe(true);
    expect(national.shown).toEqual(await runParts(nationalViewParts({ ...db, preaggregated: false }, opening)));
  }, 300_000);
});
