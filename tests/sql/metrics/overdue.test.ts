import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { overdueList, type OverdueSortKey } from '../../../src/lib/metrics/national/overdue.sql';
import { openFixture } from '../support/fixture';

let db: Connector;
beforeAll(async () => {
  db = await openFixture();
  // b/I1/R2 also reported in progress on 1 March, with evidence: older than its last update (1 May),
  // which carries none. Its status on every date from May is unchanged (in progress).
  await db.query(`INSERT INTO status_updates VALUES
    (10, 'b', 'I1', 2, 'in_progress', DATE '2024-03-01', 'Plan agreed <b>by the board</b>', 'PCC response')`);
}, 120_000);

const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });

describe('overdue list', () => {
  // On 30 Jun: b/I1/R2 (in progress) and c/I1/R2 (no update), both due 10 Jan → 172 days overdue.
  // b/I1/R1 and the rest are complete, superseded or not yet due.
  it('lists each overdue pair with its deadline, days overdue, last update and latest evidence', async () => {
    expect(await overdueList(db, on('2024-06-30'))).toEqual({
      total: 2,
      items: [
        {
          force_id: 'b', force: 'Force B', region: 'North', inspection_id: 'I1', inspection: 'Inspection one',
          rec_no: 2, status: 'in_progress', days_overdue: 172, due_date: '2024-01-10', last_update: '2024-05-01',
          evidence: 'Plan agreed <b>by the board</b>', source: 'PCC response',
        },
        {
          force_id: 'c', force: 'Force C', region: 'South', inspection_id: 'I1', inspection: 'Inspection one',
          rec_no: 2, status: 'no_update', days_overdue: 172, due_date: '2024-01-10', last_update: null,
          evidence: null, source: null,
        },
      ],
    });
  });

  // 1 Apr: R1 (due 31 Mar) joins for b (no update before 15 Apr), 1 day overdue.
  it('counts days overdue from the deadline to D', async () => {
    const list = await overdueList(db, on('2024-04-01'));
    expect(list.items.map((i) => [i.force_id, i.rec_no, i.days_overdue])).toEqual([
      ['b', 2, 82], ['c', 2, 82], ['b', 1, 1],
    ]);
  });

  it('sorts by any column, both ways, with the same tie-breaks', async () => {
    const order = async (key: OverdueSortKey, descending: boolean) =>
      (await overdueList(db, on('2024-04-01'), { key, descending })).items.map((i) => `${i.force_id}${i.rec_no}`);
    expect(await order('days_overdue', false)).toEqual(['b1', 'b2', 'c2']);
    expect(await order('force', false)).toEqual(['b2', 'b1', 'c2']);
    expect(await order('force', true)).toEqual(['c2', 'b2', 'b1']);
    expect(await order('region', false)).toEqual(['b2', 'b1', 'c2']);
    expect(await order('rec_no', false)).toEqual(['b1', 'b2', 'c2']);
    expect(await order('due_date', true)).toEqual(['b1', 'b2', 'c2']);
    // Last update: b/R2 1 Mar; b/R1 and c/R2 none yet on 1 Apr, so last either way, then most overdue first.
    expect(await order('last_update', true)).toEqual(['b2', 'c2', 'b1']);
    expect(await order('last_update', false)).toEqual(['b2', 'c2', 'b1']);
  });

  it('follows every filter and stops at the limit, still counting the whole', async () => {
    expect((await overdueList(db, on('2024-06-30', { region: 'South' }))).items.map((i) => i.force_id)).toEqual(['c']);
    expect((await overdueList(db, on('2024-06-30', { force: 'b' }))).items.map((i) => i.force_id)).toEqual(['b']);
    expect((await overdueList(db, on('2024-06-30', { statuses: ['no_update'] }))).items.map((i) => i.force_id)).toEqual(['c']);
    expect((await overdueList(db, on('2024-06-30', { recommendation: { inspectionId: 'I1', recNo: 1 } }))).total).toBe(0);
    expect((await overdueList(db, on('2024-06-30', { inspections: ['I2'] }))).total).toBe(0);
    const first = await overdueList(db, on('2024-04-01'), { key: 'days_overdue', descending: true }, 1);
    expect([first.total, first.items.length]).toEqual([3, 1]);
  });
});
