import { describe, expect, it } from 'vitest';
import type { Connector, SqlParam } from '../../../src/lib/db/connector';
import { nodeTableToIpc } from '../../../src/lib/db/node-table-ipc';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { restoreSavedData, saveLoadedData } from '../../../src/lib/data/ingest/loaded/saved-data-opfs';
import { openDemoData } from '../support/demo-data';
import { fixture, stage, statusFingerprint } from '../support/ingest-helpers';
import { installMemoryOpfs } from '../support/memory-opfs';

/**
 * Issue 17: the save reads the statuses a slice at a time (the views' queries go between two), and
 * a newer change stops an unfinished save before it writes, leaving the last save whole.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';

/** Counts the slices of status_updates asked for, whichever way they are read. */
function slicing(db: Connector): Connector & { slices: number } {
  const isSlice = (sql: string) => sql.startsWith('SELECT * FROM status_updates WHERE seq >=');
  const counted = {
    ...db,
    slices: 0,
    query: (sql: string, params?: readonly SqlParam[]) => {
      if (isSlice(sql)) counted.slices += 1;
      return db.query(sql, params);
    },
    queryArrowStream: (sql: string) => {
      if (isSlice(sql)) counted.slices += 1;
      return db.queryArrowStream!(sql);
    },
  };
  return counted;
}

async function demoWithLoad(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  await acceptLoad(db, [await stage(db, 'long.csv', fixture('valid/long.csv'))], { kind: 'add' }, LOADED_AT);
  return db;
}

describe('saving in slices', () => {
  it('reads the statuses in slices and restores every one of them', async () => {
    installMemoryOpfs();
    const db = slicing(await demoWithLoad());
    const rows = (await saveLoadedData(db, undefined, nodeTableToIpc, () => false, 500))!;
    expect(rows).toBeGreaterThan(1_000);
    expect(db.slices).toBe(Math.ceil(rows / 500));
    const fresh = await openDemoData();
    await restoreSavedData(fresh);
    expect(await statusFingerprint(fresh)).toEqual(await statusFingerprint(db));
    expect((await statusFingerprint(fresh)).rows).toBe(rows);
  }, 300_000);

  it('gives way to a newer change before it writes anything: the last save stays whole', async () => {
    installMemoryOpfs();
    const db = slicing(await demoWithLoad());
    await saveLoadedData(db, undefined, nodeTableToIpc);
    const first = await statusFingerprint(db);
    await acceptLoad(db, [await stage(db, 'wide.csv', fixture('valid/wide.csv'))], { kind: 'add' }, LOADED_AT);
    expect(await statusFingerprint(db)).not.toEqual(first);
    db.slices = 0;
    // A newer change arrives once the first slice is read.
    expect(await saveLoadedData(db, undefined, nodeTableToIpc, () => db.slices >= 1, 500)).toBeNull();
    expect(db.slices).toBe(1);
    const fresh = await openDemoData();
    await restoreSavedData(fresh);
    expect(await statusFingerprint(fresh)).toEqual(first);
  }, 300_000);

  it('reads the slices as the engine encodes them, one file each, and a smaller save leaves no stale file', async () => {
    const root = installMemoryOpfs();
    const db = await demoWithLoad();
    // Nothing read into a table here: the save asks the engine for its IPC streams.
    const noTables = { ...db, query: (sql: string, params?: readonly SqlParam[]) => {
      if (sql.startsWith('SELECT * FROM')) throw new Error(`read into a table: ${sql}`);
      return db.query(sql, params);
    } };
    const rows = (await saveLoadedData(noTables, undefined, nodeTableToIpc, () => false, 500))!;
    const files = () => [...root.folders.get('oversight')!.files.keys()].filter((name) => name.startsWith('status_updates')).sort();
    expect(files()).toHaveLength(Math.ceil(rows / 500));
    await saveLoadedData(db, undefined, nodeTableToIpc, () => false, 100_000);
    expect(files()).toEqual(['status_updates-0.arrows']);
    const fresh = await openDemoData();
    await restoreSavedData(fresh);
    expect(await statusFingerprint(fresh)).toEqual(await statusFingerprint(db));
  }, 300_000);

  it('still restores a version 2 save, the statuses in one file', async () => {
    const root = installMemoryOpfs();
    const db = await demoWithLoad();
    await saveLoadedData(db, undefined, nodeTableToIpc);
    const folder = root.folders.get('oversight')!;
    const { rowFiles: _files, ...manifest } = JSON.parse(await folder.files.get('loads.json')!.text());
    folder.files.set('loads.json', new Blob([JSON.stringify({ ...manifest, version: 2 })]));
    folder.files.set('status_updates.arrows', folder.files.get('status_updates-0.arrows')!);
    folder.files.delete('status_updates-0.arrows');
    const fresh = await openDemoData();
    await restoreSavedData(fresh);
    expect(await statusFingerprint(fresh)).toEqual(await statusFingerprint(db));
  }, 300_000);
});
