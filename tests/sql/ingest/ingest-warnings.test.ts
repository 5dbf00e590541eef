import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { registerShippedLoads, listLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, lastUndoable, undoLastChange } from '../../../src/lib/data/ingest/loaded/load-changes';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { describeProblem } from '../../../src/lib/data/ingest/report/problem-messages';
import { excludeWarnedRows } from '../../../src/lib/data/ingest/warnings/exclude-warned-rows';
import { localToday } from '../../../src/lib/data/ingest/warnings/local-today';
import { openDemoData } from '../support/demo-data';
import { fixture, stage } from '../support/ingest-helpers';

/**
 * Oddities a real tracker holds load as warnings, each naming the force, recommendation and
 * value; one click takes those rows out again, and undo puts them back.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';
type Row = { rec_no: number; status: string; as_of: string };
const durham = async (db: Connector): Promise<Row[]> => rowsOf<Row>(await db.query(
  `SELECT rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of FROM status_updates WHERE source = 'oddities.csv' ORDER BY seq`));

async function loadOddities(): Promise<{ db: Connector; messages: [number | null, string][] }> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  const shipped = (await listLoads(db)).map((entry) => entry.load_id);
  const staged = await stage(db, 'oddities.csv', fixture('trackers/durham-firearms-oddities.csv'));
  const messages = (await allProblems(db, staged)).map((p) => [p.row, describeProblem(p).message] as [number | null, string]);
  expect([staged.loadable, staged.rowProblems, staged.warnings]).toEqual([5, 4, 4]);
  await acceptLoad(db, [staged], { kind: 'replace', loadIds: shipped }, LOADED_AT);
  return { db, messages };
}

describe('warnings load, errors stop', { timeout: 120_000 }, () => {
  it('names the force, recommendation and value of each oddity, and loads every row once', async () => {
    const { db, messages } = await loadOddities();
    expect(messages).toEqual([
      [3, 'Durham, firearms-2023 recommendation 2: In progress on 29/02/2024, after it was complete on 31/01/2024. It is loaded: from that date it counts as not complete.'],
      [4, "Durham, firearms-2023 recommendation 3: dated 15/03/2031, after today. It is loaded, but the dashboard's date stays today or the last update not in the future."],
      [5, 'Durham, firearms-2023 recommendation 5: 01/07/2023 is before the report was published (11/07/2023). It is loaded.'],
      [7, 'Durham, firearms-2023 recommendation 6 on 01/11/2023: the same status as row 6. It is loaded once.'],
    ]);
    expect(await durham(db)).toEqual([
      { rec_no: 2, status: 'complete', as_of: '2024-01-31' },
      { rec_no: 2, status: 'in_progress', as_of: '2024-02-29' },
      { rec_no: 3, status: 'complete', as_of: '2031-03-15' },
      { rec_no: 5, status: 'in_progress', as_of: '2023-07-01' },
      { rec_no: 6, status: 'not_started', as_of: '2023-11-01' },
    ]);
    // The update dated 2031 never becomes the default date: the last one not in the future does.
    expect((await dataExtent(db)).lastUpdate).toBe('2024-02-29');
  });

  it('excludes the rows of one warning in one step, and undo puts them back', async () => {
    const { db } = await loadOddities();
    const entry = (await listLoads(db)).find((e) => e.file_name === 'oddities.csv')!;
    expect(await excludeWarnedRows(db, entry, 'date_in_future', 'Exclusion of 1 row dated after today', localToday())).toBe(1);
    expect((await durham(db)).map((r) => r.rec_no)).toEqual([2, 2, 5, 6]);
    expect(await excludeWarnedRows(db, entry, 'history_backwards', 'Exclusion of 1 row: complete, then not', localToday())).toBe(1);
    expect((await durham(db)).map((r) => [r.rec_no, r.status])).toEqual([[2, 'complete'], [5, 'in_progress'], [6, 'not_started']]);
    expect(await lastUndoable(db)).toEqual({ description: 'Exclusion of 1 row: complete, then not' });
    // Undo names what it undid, read with it: the Data view's message comes from here, not from a list that may be a moment behind.
    expect(await undoLastChange(db)).toEqual({ description: 'Exclusion of 1 row: complete, then not' });
    expect(await undoLastChange(db)).toBeNull();
    expect((await durham(db)).map((r) => [r.rec_no, r.status])).toEqual([[2, 'complete'], [2, 'in_progress'], [5, 'in_progress'], [6, 'not_started']]);
    expect(await excludeWarnedRows(db, entry, 'date_before_publication', 'Exclusion of 1 row dated before the report', localToday())).toBe(1);
    expect((await durham(db)).map((r) => r.rec_no)).toEqual([2, 2, 6]);
  });
});
