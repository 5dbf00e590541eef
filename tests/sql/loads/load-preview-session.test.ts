import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { LoadSession, type ReadFiles } from '../../../src/components/data/load/load-session.svelte';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { openDemoData } from '../support/demo-data';
import { fixture, statusFingerprint } from '../support/ingest-helpers';

/**
 * The Data view's load, under Node: a first tracker loads in one step (there is nothing of the
 * user's to compare it with); next quarter's export, saved under the same name, waits with its
 * preview; "Load nothing" leaves everything as it was; accepting replaces the first file.
 */
const readHere: ReadFiles = (files) =>
  Promise.all(files.map(async (file) => prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec)));
const NAME = 'North East recommendations tracker.csv';
const asFile = (path: string, name: string) => new File([fixture(path) as Uint8Array<ArrayBuffer>], name, { lastModified: 1_700_000_000_000 });

let db: Connector;
let said: string[];
let session: LoadSession;
beforeAll(async () => {
  db = await openDemoData();
  await registerShippedLoads(db, '2024-04-02T09:00:00.000Z');
  said = [];
  session = new LoadSession(() => db, async (message) => void said.push(message), { readFiles: readHere });
}, 120_000);

describe('a new version of a tracker, loaded through the session', () => {
  it('loads the first tracker in one step, with no preview', async () => {
    const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
    await session.start([asFile('trackers/north-east-tracker-2024-q1.csv', NAME)], { kind: 'replace', loadIds: [illustrative.load_id] }, null);
    expect(session.failure).toBeNull();
    expect(said.at(-1)).toMatch(/^Loaded 11 statuses from North East recommendations tracker\.csv/);
    expect(session.preview).toBeNull();
  });

  it('holds the next quarter for review with what it changes; loading nothing leaves the data as it was', async () => {
    const before = await statusFingerprint(db);
    const loads = await listLoads(db);
    await session.start([asFile('trackers/north-east-tracker-2024-q2.csv', NAME)], { kind: 'add' }, null);
    expect(session.phase).toBe('review');
    expect(session.problemCount).toBe(0);
    const preview = session.preview!;
    expect(preview.offered.map((v) => [v.entry.file_name, v.reason])).toEqual([[NAME, 'same name']]);
    expect(preview.mode).toEqual({ kind: 'replace', loadIds: [loads.find((e) => e.file_name === NAME)!.load_id] });
    expect(['changed', 'new', 'removed', 'unchanged'].map((c) => preview.count(c as 'changed'))).toEqual([5, 1, 2, 3]);

    // Added beside the first file, Northumbria keeps its statuses.
    await preview.choose(false);
    expect(preview.mode).toEqual({ kind: 'add' });
    expect(['changed', 'new', 'removed', 'unchanged'].map((c) => preview.count(c as 'changed'))).toEqual([5, 1, 0, 3]);

    await session.discard();
    expect(session.preview).toBeNull();
    expect(await statusFingerprint(db)).toEqual(before);
    expect(await listLoads(db)).toEqual(loads);
  });

  it('replaces the first file when accepted as offered', async () => {
    await session.start([asFile('trackers/north-east-tracker-2024-q2.csv', NAME)], { kind: 'add' }, null);
    expect(session.preview?.replacing).toBe(true);
    await session.accept();
    expect(session.failure).toBeNull();
    expect(said.at(-1)).toMatch(/^Loaded 10 statuses from North East recommendations tracker\.csv\.$/);
    const users = (await listLoads(db)).filter((entry) => entry.origin === 'user');
    expect(users.map((entry) => [entry.file_name, entry.rows])).toEqual([[NAME, 10]]);
  });

  it('previews a replace the user chose with "Replace", offering nothing more', async () => {
    const q2 = (await listLoads(db)).find((entry) => entry.file_name === NAME)!;
    await session.start([asFile('trackers/north-east-tracker-2024-q1.csv', 'older export.csv')], { kind: 'replace', loadIds: [q2.load_id] }, null);
    const preview = session.preview!;
    expect(session.phase).toBe('review');
    expect(preview.offered).toEqual([]);
    expect(preview.replaced.map((entry) => entry.file_name)).toEqual([NAME]);
    // Back to the first quarter: the reverse of the quarter's changes (Durham 7 goes; Northumbria's two come back).
    expect(['changed', 'new', 'removed', 'unchanged'].map((c) => preview.count(c as 'changed'))).toEqual([5, 2, 1, 3]);
    await session.discard();
  });
});
