import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, discardStaged, undoLastChange } from '../../../src/lib/data/ingest/loaded/load-changes';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { describeProblem } from '../../../src/lib/data/ingest/report/problem-messages';
import { excludeWarnedRows } from '../../../src/lib/data/ingest/warnings/exclude-warned-rows';
import { localToday } from '../../../src/lib/data/ingest/warnings/local-today';
import { openDemoData } from '../support/demo-data';
import { fixture, stage, text } from '../support/ingest-helpers';

/**
 * A history that goes backwards across files: next quarter's tracker says "in progress" for a
 * recommendation the data already loaded said was complete. It loads, with a warning naming the
 * file's row, the force, the recommendation, both values and the earlier update's date and source.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';

async function withQ3Loaded(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  const q3 = await stage(db, 'northumbria-firearms-q3.csv', fixture('trackers/northumbria-firearms-q3.csv'));
  expect((await allProblems(db, q3)).map((p) => p.kind)).toEqual([]);
  await acceptLoad(db, [q3], { kind: 'add' }, LOADED_AT);
  return db;
}

const warningsOf = async (db: Connector, name: string, bytes: Uint8Array) => {
  const staged = await stage(db, name, bytes);
  const problems = (await allProblems(db, staged)).map((p) => [p.row, p.column, p.kind, describeProblem(p).message]);
  return { staged, problems };
};

describe('a history that goes backwards against the data already loaded', { timeout: 120_000 }, () => {
  it('warns on the first update that reopens a pair the loaded data had complete, and loads it', async () => {
    const db = await withQ3Loaded();
    const { staged, problems } = await warningsOf(db, 'northumbria-firearms-q4.csv', fixture('trackers/northumbria-firearms-q4.csv'));
    expect(problems).toEqual([[2, 'Status', 'history_backwards_loaded',
      'Northumbria, How effective police forces are in the deployment of firearms recommendation 2: In progress on 31/12/2024, after northumbria-firearms-q3.csv, already loaded, said complete on 30/09/2024. It is loaded: from that date it counts as not complete.']]);
    expect([staged.loadable, staged.warnings]).toEqual([4, 1]);

    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    const entry = (await listLoads(db)).find((e) => e.file_name === 'northumbria-firearms-q4.csv')!;
    const latest = async () => rowsOf<{ rec_no: number; status: string }>(await db.query(
      `SELECT rec_no, arg_max(status, seq) AS status FROM status_updates
       WHERE force_id = 'northumbria' AND inspection_id = 'firearms-2023' AND source LIKE 'northumbria-%' GROUP BY rec_no ORDER BY rec_no`));
    expect(await latest()).toEqual([
      { rec_no: 2, status: 'in_progress' }, { rec_no: 3, status: 'complete' }, { rec_no: 5, status: 'complete' }, { rec_no: 6, status: 'not_started' }]);

    // Exclude takes that one row out (the earlier file's complete stands again); undo puts it back.
    expect(await excludeWarnedRows(db, entry, 'history_backwards_loaded', 'Exclusion of 1 row', localToday())).toBe(1);
    expect((await latest())[0]).toEqual({ rec_no: 2, status: 'complete' });
    await undoLastChange(db);
    expect((await latest())[0]).toEqual({ rec_no: 2, status: 'in_progress' });
  });

  it('leaves a file that repeats the complete itself to the check within the file, and warns only once per reopening', async () => {
    const db = await withQ3Loaded();
    const title = 'How effective police forces are in the deployment of firearms';
    const cumulative = text([
      'Force,Inspection,Rec,Status,Last updated',
      `Northumbria Police,${title},Rec. 2,Complete,30/09/2024`,
      `Northumbria Police,${title},Rec. 2,In progress,31/12/2024`,
      `Northumbria Police,${title},Rec. 3,In progress,31/10/2024`,
      `Northumbria Police,${title},Rec. 3,In progress,30/11/2024`,
    ].join('\r\n'));
    const { staged, problems } = await warningsOf(db, 'cumulative.csv', cumulative);
    expect(problems.map((p) => [p[0], p[2]])).toEqual([[3, 'history_backwards'], [4, 'history_backwards_loaded']]);
    await discardStaged(db, [staged]);
  });

  it('never takes the shipped statuses (here the illustrative ones) for the earlier word, nor an update dated after the new one', async () => {
    const db = await withQ3Loaded();
    const [shown] = rowsOf<{ force: string; rec_no: number; as_of: string }>(await db.query(
      `SELECT f.name AS force, u.rec_no, strftime(u.as_of + 1, '%d/%m/%Y') AS as_of
       FROM status_updates u JOIN forces f USING (force_id)
       WHERE u.source = 'illustrative' AND u.status = 'complete' AND u.inspection_id = 'firearms-2023' ORDER BY u.seq LIMIT 1`));
    expect(shown).toBeDefined();
    const { staged, problems } = await warningsOf(db, 'later.csv', text([
      'Force,Inspection,Rec,Status,Date',
      `${shown!.force},firearms-2023,${shown!.rec_no},In progress,${shown!.as_of}`,
      // Before the loaded complete of 30/09/2024: not backwards.
      'Northumbria,firearms-2023,2,In progress,01/09/2024',
    ].join('\r\n')));
    expect(problems).toEqual([]);
    await discardStaged(db, [staged]);
  });
});
