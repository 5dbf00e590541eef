import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { areaChanges, changedPairs, forceChanges } from '../../../src/lib/metrics/changes/changes.sql';
import { openFixture } from '../support/fixture';

/**
 * The fixture of fixture.ts, plus two later updates:
 * - a/I1/R2, complete since 10 Jan, reopened (in progress) on 10 May: it went backwards, and its
 *   deadline (10 Jan) has passed, so it slipped into overdue;
 * - c/I1/R1, superseded since 1 Feb, in progress on 20 May: back in scope, and overdue (due 31 Mar).
 */
let db: Connector;
beforeAll(async () => {
  db = await openFixture();
  await db.query(`INSERT INTO status_updates VALUES
    (20, 'a', 'I1', 2, 'in_progress', DATE '2024-05-10', 'Reopened after audit', 'PCC response'),
    (21, 'c', 'I1', 1, 'in_progress', DATE '2024-05-20', NULL, 'PCC response')`);
}, 120_000);

const filters = (more: Partial<Filters> = {}): Filters => ({ ...defaultFilters('2024-06-30'), ...more });
const spring = { from: '2024-03-15', to: '2024-06-30' };

describe('changes between two dates, by area', () => {
  // 15 Mar → 30 Jun. Became complete: a/I1/R1, b/I1/R1. Slipped into overdue: a/I1/R2 (reopened),
  // c/I1/R1 (no longer superseded). Went backwards: a/I1/R2. Came into scope: c/I1/R1 and the three
  // I2/R1 pairs (I2 published 1 Jun). Status changed: a/I1/R1, a/I1/R2, a/I2/R1, b/I1/R1, b/I1/R2
  // (no update → in progress), c/I1/R1. Overdue on 15 Mar: b/I1/R2, c/I1/R2; on 30 Jun those and
  // a/I1/R2, c/I1/R1.
  it('counts each kind of change nationally and by region', async () => {
    expect(await areaChanges(db, filters(), spring)).toEqual([
      { region: null, became_complete: 2, became_overdue: 2, went_backwards: 1, came_into_scope: 4, status_changed: 6, overdue_from: 2, overdue_to: 4, overdue_change: 2 },
      { region: 'North', became_complete: 2, became_overdue: 1, went_backwards: 1, came_into_scope: 2, status_changed: 5, overdue_from: 1, overdue_to: 2, overdue_change: 1 },
      { region: 'South', became_complete: 0, became_overdue: 1, went_backwards: 0, came_into_scope: 2, status_changed: 1, overdue_from: 1, overdue_to: 2, overdue_change: 1 },
    ]);
  });

  // 15 Mar → 1 Apr: b/I1/R1 has no update at either end, yet its deadline (31 Mar) passed in between.
  it('counts a pair with no update at either end that slipped into overdue', async () => {
    const [national] = await areaChanges(db, filters(), { from: '2024-03-15', to: '2024-04-01' });
    expect(national).toMatchObject({ became_complete: 1, became_overdue: 1, went_backwards: 0, came_into_scope: 0, status_changed: 1 });
    const pairs = await changedPairs(db, filters(), { from: '2024-03-15', to: '2024-04-01' });
    expect(pairs.items.map((p) => [p.force_id, p.rec_no, p.status_from, p.status_to, p.became_complete, p.became_overdue])).toEqual([
      ['a', 1, 'in_progress', 'complete', true, false],
      ['b', 1, 'no_update', 'no_update', false, true],
    ]);
  });

  it('finds nothing between a date and itself', async () => {
    expect((await changedPairs(db, filters(), { from: '2024-06-30', to: '2024-06-30' })).total).toBe(0);
  });
});

describe('forces whose rate and rank moved', () => {
  // 15 Mar: a 1 of 2 (0.5), b 0 of 2, c 0 of 1 (c/I1/R1 superseded): ranks 1, 2, 2 (a tie).
  // 30 Jun: a 1 of 3 (a/I2/R1 pending closure does not count), b 1 of 3, c 0 of 3: ranks 1, 1, 3.
  it('gives each force its rate and rank at both ends, with ties sharing a rank, the biggest move first', async () => {
    const rows = await forceChanges(db, filters(), spring);
    expect(rows.map((r) => [r.force_id, r.rate_from, r.rate_to, r.rank_from, r.rank_to, r.rank_change])).toEqual([
      ['b', 0, 1 / 3, 2, 1, 1],
      ['a', 0.5, 1 / 3, 1, 1, 0],
      ['c', 0, 0, 2, 3, -1],
    ]);
    expect(rows[1]!.rate_change).toBeCloseTo(-1 / 6, 12);
    expect(rows.map((r) => [r.force_id, r.became_complete, r.became_overdue, r.went_backwards, r.came_into_scope])).toEqual([
      ['b', 1, 0, 0, 1], ['a', 1, 1, 1, 1], ['c', 0, 1, 0, 2],
    ]);
  });

  it('counts pending closure as complete at both ends when the toggle is on', async () => {
    const rows = await forceChanges(db, filters({ pendingCountsAsComplete: true }), spring);
    // a on 30 Jun: a/I1/R1 complete and a/I2/R1 pending closure → 2 of 3.
    expect(rows.find((r) => r.force_id === 'a')!.rate_to).toBeCloseTo(2 / 3, 12);
  });

  it('has a row for every force of the region, even with nothing in view', async () => {
    const rows = await forceChanges(db, filters({ region: 'North' }), { from: '2023-01-01', to: '2023-06-30' });
    expect(rows.map((r) => [r.force_id, r.rate_from, r.rate_to, r.rank_from, r.status_changed])).toEqual([
      ['a', null, null, 1, 0], ['b', null, null, 1, 0],
    ]);
  });
});

describe('the list of changed pairs', () => {
  it('lists each changed pair with its status at both ends, its last update and evidence', async () => {
    const list = await changedPairs(db, filters(), spring);
    expect(list.total).toBe(8);
    expect(list.items.map((p) => [p.force_id, p.inspection_id, p.rec_no, p.status_from, p.status_to, p.last_update])).toEqual([
      ['a', 'I1', 1, 'in_progress', 'complete', '2024-03-31'],
      ['a', 'I1', 2, 'complete', 'in_progress', '2024-05-10'],
      ['a', 'I2', 1, 'no_update', 'pending_closure', '2024-06-30'],
      ['b', 'I1', 1, 'no_update', 'complete', '2024-04-15'],
      ['b', 'I1', 2, 'no_update', 'in_progress', '2024-05-01'],
      ['b', 'I2', 1, 'no_update', 'no_update', null],
      ['c', 'I1', 1, 'superseded', 'in_progress', '2024-05-20'],
      ['c', 'I2', 1, 'no_update', 'no_update', null],
    ]);
    expect(list.items[1]).toMatchObject({
      force: 'Force A', region: 'North', inspection: 'Inspection one', evidence: 'Reopened after audit',
      became_complete: false, became_overdue: true, went_backwards: true, came_into_scope: false,
    });
  });

  it('applies the filters, and the status filter to the status on the later date', async () => {
    const complete = await changedPairs(db, filters({ statuses: ['complete'] }), spring);
    expect(complete.items.map((p) => `${p.force_id}/${p.inspection_id}/${p.rec_no}`)).toEqual(['a/I1/1', 'b/I1/1']);
    const south = await changedPairs(db, filters({ region: 'South', inspections: ['I1'] }), spring);
    expect(south.items.map((p) => `${p.force_id}/${p.inspection_id}/${p.rec_no}`)).toEqual(['c/I1/1']);
  });

  it('keeps the first of a long list and says how many there are', async () => {
    const list = await changedPairs(db, filters(), spring, 3);
    expect([list.total, list.items.length]).toEqual([8, 3]);
  });
});
