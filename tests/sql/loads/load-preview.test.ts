import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { listLoads, registerShippedLoads, type LoadEntry } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, discardStaged } from '../../../src/lib/data/ingest/loaded/load-changes';
import { loadedVersionsOf, versionName } from '../../../src/lib/data/ingest/loaded/new-version-of';
import { previewGroups, previewPairs, type PreviewLoad } from '../../../src/lib/metrics/changes/load-preview.sql';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { openDemoData } from '../support/demo-data';
import { fixture, stage, statusFingerprint, text } from '../support/ingest-helpers';

/**
 * A North East regional tracker, loaded for the first quarter of 2024, then its export a quarter
 * later under the same name. From Q1 (as at 31 March) to Q2 (as at 30 June):
 * - become complete: Cleveland firearms 2 (in progress), Durham firearms 2 (in progress),
 *   Cleveland firearms 5 (pending closure);
 * - goes backwards: Durham firearms 3, complete in February, reopened in June (in progress);
 * - moves on: Durham disproportionality 1, not started → in progress;
 * - new: Durham firearms 7, with no update before;
 * - dropped: Northumbria is not in Q2, so its firearms 2 and 5 have no status once Q1 is replaced;
 * - stay as they are: Cleveland firearms 3 and disproportionality 1 (the same rows), and
 *   Cleveland firearms 6, whose two same-day rows in each file end on "in progress" (the later
 *   row of a date stands: the "Complete" row of 30 June is the earlier one).
 */
const Q1 = 'North East recommendations tracker.csv';
let db: Connector;
let q1: LoadEntry;

/** Everything the loaded data is: the statuses, the list of loaded files, every table's name. */
async function loadedState(): Promise<unknown> {
  const tables = rowsOf<{ name: string }>(await db.query(
    `SELECT table_name AS name FROM duckdb_tables() WHERE NOT starts_with(table_name, 'ingest_') OR table_name IN ('ingest_loads', 'ingest_undo') ORDER BY 1`));
  const loads = await listLoads(db);
  return { statuses: await statusFingerprint(db), loads, tables: tables.map((t) => t.name) };
}

beforeAll(async () => {
  db = await openDemoData();
  await registerShippedLoads(db, '2024-04-02T09:00:00.000Z');
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  await acceptLoad(db, [await stage(db, Q1, fixture('trackers/north-east-tracker-2024-q1.csv'))],
    { kind: 'replace', loadIds: [illustrative.load_id] }, '2024-04-02T09:00:00.000Z');
  q1 = (await listLoads(db)).find((entry) => entry.file_name === Q1)!;
}, 120_000);

describe('what a quarter-later tracker changes, replacing the first', () => {
  let load: PreviewLoad;
  beforeAll(async () => {
    const staged = await stage(db, Q1, fixture('trackers/north-east-tracker-2024-q2.csv'));
    load = { staged: [staged], replaced: [q1] };
  }, 120_000);

  it('groups the pairs by what happens to them, from what to what', async () => {
    const groups = await previewGroups(db, load);
    expect(groups.map((g) => [g.change, g.status_before, g.status_after, g.backwards, g.pairs])).toEqual([
      ['changed', 'in_progress', 'complete', false, 2],
      ['changed', 'not_started', 'in_progress', false, 1],
      ['changed', 'pending_closure', 'complete', false, 1],
      ['changed', 'complete', 'in_progress', true, 1],
      ['new', 'no_update', 'not_started', false, 1],
      ['removed', 'complete', 'no_update', false, 1],
      ['removed', 'in_progress', 'no_update', false, 1],
      ['unchanged', 'in_progress', 'in_progress', false, 2],
      ['unchanged', 'complete', 'complete', false, 1],
    ]);
  });

  it('lists each pair in words, with the date of its latest update', async () => {
    const rows = await previewPairs(db, load, null);
    expect(rows.map((r) => [r.change, r.force, r.inspection, r.rec_no, r.status_before, r.status_after, r.as_of])).toEqual([
      ['changed', 'Cleveland', 'How effective police forces are in the deployment of…', 2, 'in_progress', 'complete', '2024-05-31'],
      ['changed', 'Cleveland', 'How effective police forces are in the deployment of…', 5, 'pending_closure', 'complete', '2024-06-28'],
      ['changed', 'Durham', 'Disproportionate use of police powers', 1, 'not_started', 'in_progress', '2024-05-01'],
      ['changed', 'Durham', 'How effective police forces are in the deployment of…', 2, 'in_progress', 'complete', '2024-06-20'],
      ['changed', 'Durham', 'How effective police forces are in the deployment of…', 3, 'complete', 'in_progress', '2024-06-12'],
      ['new', 'Durham', 'How effective police forces are in the deployment of…', 7, 'no_update', 'not_started', '2024-06-30'],
      // A pair that loses its status is dated by the update that goes.
      ['removed', 'Northumbria', 'How effective police forces are in the deployment of…', 2, 'in_progress', 'no_update', '2024-03-20'],
      ['removed', 'Northumbria', 'How effective police forces are in the deployment of…', 5, 'complete', 'no_update', '2024-03-20'],
      ['unchanged', 'Cleveland', 'Disproportionate use of police powers', 1, 'in_progress', 'in_progress', '2024-03-31'],
      ['unchanged', 'Cleveland', 'How effective police forces are in the deployment of…', 3, 'complete', 'complete', '2023-09-30'],
      ['unchanged', 'Cleveland', 'How effective police forces are in the deployment of…', 6, 'in_progress', 'in_progress', '2024-06-30'],
    ]);
  });

  it('pages one kind of change', async () => {
    const changed = await previewPairs(db, load, 'changed', 2, 2);
    expect(changed.map((r) => [r.force, r.rec_no])).toEqual([['Durham', 1], ['Durham', 2]]);
  });

  it('changes nothing in the loaded data: statuses, loaded files and tables are as they were', async () => {
    const before = await loadedState();
    await previewGroups(db, load);
    await previewPairs(db, load, null);
    expect(await loadedState()).toEqual(before);
  });
});

describe('the same tracker added beside the first', () => {
  it('changes the same pairs, drops none, and lets the later-loaded row of a shared date stand', async () => {
    // Durham firearms 3 dated 28 Feb in both files, complete then "in progress": added, the new file's row is the later-loaded.
    const staged = await stage(db, 'durham-correction.csv', text('Force,Inspection,Rec,Status,Date\r\nDurham,firearms-2023,R3,In progress,28/02/2024\r\n'));
    try {
      const groups = await previewGroups(db, { staged: [staged], replaced: [] });
      expect(groups.map((g) => [g.change, g.status_before, g.status_after, g.backwards, g.pairs])).toEqual([
        ['changed', 'complete', 'in_progress', true, 1],
      ]);
    } finally {
      await discardStaged(db, [staged]);
    }
  });
});

describe('which loaded file a new one is a version of', () => {
  it('matches a name the way a browser saves a repeated download', () => {
    expect(versionName('North East recommendations tracker (2).CSV')).toBe(versionName(Q1));
    expect(versionName('tracker-q2.csv')).not.toBe(versionName('tracker-q1.csv'));
  });

  it('offers the loaded file of the same name, or of the same forces and inspections, and no other', async () => {
    const named = await stage(db, 'North East recommendations tracker (1).csv', fixture('trackers/north-east-tracker-2024-q2.csv'));
    const sameCover = await stage(db, 'ne-q2-reexport.csv', fixture('trackers/north-east-tracker-2024-q1.csv'));
    const other = await stage(db, 'cleveland-firearms-q2.csv', fixture('trackers/cleveland-firearms-q2.csv'));
    try {
      const loads = await listLoads(db);
      const found = async (file: typeof named) => (await loadedVersionsOf(db, [file], loads)).map((v) => [v.entry.file_name, v.reason]);
      expect(await found(named)).toEqual([[Q1, 'same name']]);
      expect(await found(sameCover)).toEqual([[Q1, 'same forces and inspections']]);
      expect(await found(other)).toEqual([]);
    } finally {
      await discardStaged(db, [named, sameCover, other]);
    }
  });
});

describe('accepting it', () => {
  it('gives the loaded data the statuses the preview said', async () => {
    const staged = await stage(db, Q1, fixture('trackers/north-east-tracker-2024-q2.csv'));
    const said = await previewPairs(db, { staged: [staged], replaced: [q1] }, null);
    await acceptLoad(db, [staged], { kind: 'replace', loadIds: [q1.load_id] }, '2024-07-02T09:00:00.000Z');
    const now = rowsOf<{ key: string; status: string }>(await db.query(
      `SELECT concat_ws('/', force_id, inspection_id, rec_no) AS key, arg_max(status, (as_of, seq)) AS status
       FROM status_updates GROUP BY ALL`));
    const statusOf = (key: string) => now.find((r) => r.key === key)?.status ?? 'no_update';
    expect(said).toHaveLength(11);
    for (const pair of said) {
      const key = `${pair.force_id}/${pair.inspection_id}/${pair.rec_no}`;
      expect([key, statusOf(key)]).toEqual([key, pair.status_after]);
    }
  });
});
