import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { nodeTableToIpc } from '../../../src/lib/db/node-table-ipc';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { DamagedSave, restoreSavedData, saveLoadedData } from '../../../src/lib/data/ingest/loaded/saved-data-opfs';
import { openDemoData } from '../support/demo-data';
import { databaseFingerprint } from '../support/database-fingerprint';
import { fixture, stage } from '../support/ingest-helpers';
import { installMemoryOpfs } from '../support/memory-opfs';

/**
 * Issue 15: a truncated status file in the browser's storage gave DuckDB's "Table with name
 * ingest_restore does not exist!", and an unreadable list of loads gave no word at all. Now each
 * damaged part is named, and nothing of the save is restored.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';
let saved: Map<string, Blob>;

beforeAll(async () => {
  const root = installMemoryOpfs();
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  await acceptLoad(db, [await stage(db, 'long.csv', fixture('valid/long.csv'))], { kind: 'add' }, LOADED_AT);
  await saveLoadedData(db, undefined, nodeTableToIpc);
  saved = new Map(root.folders.get('oversight')!.files);
}, 120_000);

/** A fresh engine with the demo data, and the save as it was but for `damage`. */
async function withDamagedSave(damage: (files: Map<string, Blob>) => Promise<void>): Promise<Connector> {
  const root = installMemoryOpfs();
  const folder = await root.getDirectoryHandle('oversight', { create: true });
  for (const [name, blob] of saved) folder.files.set(name, blob);
  await damage(folder.files);
  return openDemoData();
}

const cut = async (blob: Blob, keep: number) => new Blob([(await blob.arrayBuffer()).slice(0, Math.floor(blob.size * keep))]);

describe('a damaged save', () => {
  it.each([
    ['a truncated status file', 'status_updates-0.arrows', (b: Blob) => cut(b, 0.5), 'the saved status updates'],
    ['an empty status file', 'status_updates-0.arrows', async () => new Blob([]), 'the saved status updates'],
    ['a status file of other bytes', 'status_updates-0.arrows', async () => new Blob(['not arrow at all']), 'the saved status updates'],
    ['a list of loads that is not JSON', 'loads.json', async () => new Blob(['{"version": 2, "savedAt": "20']), 'the list of files you loaded'],
    ['a list of loads of another shape', 'loads.json', async () => new Blob(['[1, 2, 3]']), 'the list of files you loaded'],
    ['a truncated inspections file', 'user_inspections.arrows', (b: Blob) => cut(b, 0.3), 'your saved inspections'],
  ])('%s is named, and the demo data stays whole', async (_what, name, damage, part) => {
    const db = await withDamagedSave(async (files) => void files.set(name, await damage(files.get(name)!)));
    const before = await databaseFingerprint(db);
    const failure = await restoreSavedData(db).then(() => null, (cause: unknown) => cause);
    expect(failure).toBeInstanceOf(DamagedSave);
    expect((failure as DamagedSave).part).toBe(part);
    expect((failure as DamagedSave).detail).not.toBe('');
    expect(await databaseFingerprint(db)).toBe(before);
  }, 120_000);

  it('a missing status file is named too', async () => {
    const db = await withDamagedSave(async (files) => void files.delete('status_updates-0.arrows'));
    await expect(restoreSavedData(db)).rejects.toMatchObject({ part: 'the saved status updates' });
  }, 120_000);

  it('the save as written restores (the damage above is what fails)', async () => {
    const db = await withDamagedSave(async () => undefined);
    await expect(restoreSavedData(db)).resolves.toEqual(expect.any(String));
    expect((await listLoads(db)).map((entry) => entry.label)).toContain('long.csv');
  }, 120_000);
});
