import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { forceFreshness } from '../../../src/lib/metrics/national/freshness.sql';
import { openFixture } from '../support/fixture';
import { PLAIN_PAIRS } from '../../../src/lib/metrics/pairs/pair-timing.sql';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';

/**
 * The fixture of fixture.ts plus c/I1/R1 in progress on 20 May. Last updates by 30 Jun: a on 30 Jun
 * (a/I2/R1), b on 1 May, c on 20 May.
 */
let db: Connector;
beforeAll(async () => {
  db = await openFixture();
  await db.query(`INSERT INTO status_updates VALUES (21, 'c', 'I1', 1, 'in_progress', DATE '2024-05-20', NULL, 'test')`);
  // As after every change: the figures read the pre-aggregates where they hold them.
  await refreshPreaggregates(db);
}, 120_000);

const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });
const summary = (f: Awaited<ReturnType<typeof forceFreshness>>) =>
  f.forces.map((r) => [r.force_id, r.last_update, r.days_since, r.open_items, r.stale]);

describe('freshness', () => {
  it('gives each force its last update and the days since, stalest first', async () => {
    const fresh = await forceFreshness(db, on('2024-06-30'), 40);
    expect(summary(fresh)).toEqual([
      // Open on 30 Jun: a/I2/R1 (pending closure); b/I1/R2 and b/I2/R1; c's three.
      ['b', '2024-05-01', 60, 2, true],
      ['c', '2024-05-20', 41, 3, true],
      ['a', '2024-06-30', 0, 1, false],
    ]);
    expect([fresh.staleDays, fresh.staleForces]).toEqual([40, 2]);
  });

  it('calls stale only what is more than the threshold old', async () => {
    // c is exactly 41 days old: not more than 41.
    expect((await forceFreshness(db, on('2024-06-30'), 41)).staleForces).toBe(1);
    expect((await forceFreshness(db, on('2024-06-30'), 60)).staleForces).toBe(0);
    expect((await forceFreshness(db, on('2024-06-30'))).staleDays).toBe(180);
  });

  it('ignores updates after D, and orders ties by name with no-update forces first', async () => {
    // 1 Mar: a's last update 1 Feb (29 days), c's 1 Feb (its superseded update), b none yet.
    expect(summary(await forceFreshness(db, on('2024-03-01'), 28))).toEqual([
      ['b', null, null, 2, true],
      ['a', '2024-02-01', 29, 1, true],
      ['c', '2024-02-01', 29, 1, true],
    ]);
  });

  it('looks only at the recommendations in the filters, and the forces of the region', async () => {
    // I2 alone: only a has an update (30 Jun); b and c have none, so they are stale.
    expect(summary(await forceFreshness(db, on('2024-06-30', { inspections: ['I2'] }), 180))).toEqual([
      ['b', null, null, 1, true],
      ['c', null, null, 1, true],
      ['a', '2024-06-30', 0, 1, false],
    ]);
    const north = await forceFreshness(db, on('2024-06-30', { region: 'North' }), 40);
    expect([north.forces.map((f) => f.force_id), north.staleForces]).toEqual([['b', 'a'], 1]);
  });

  it('calls no force stale that has nothing open, however old its last update', async () => {
    // I1 on 31 Dec: a completed both its recommendations by 31 Mar (275 days before); b and c have
    // some in progress.
    expect(summary(await forceFreshness(db, on('2024-12-31', { inspections: ['I1'] }), 30))).toEqual([
      ['b', '2024-05-01', 244, 1, true],
      ['c', '2024-05-20', 225, 2, true],
      ['a', '2024-03-31', 275, 0, false],
    ]);
  });

  it('does not narrow by status: freshness is about reporting', async () => {
    const all = await forceFreshness(db, on('2024-06-30'), 40);
    expect(await forceFreshness(db, on('2024-06-30', { statuses: ['complete'] }), 40)).toEqual(all);
  });

  it('counts an update dated before its report came out only from the report on, whichever way it is read', async () => {
    // b updates I2/R1 on 20 May; I2 is published on 1 Jun. b's updates of I1 end on 1 May.
    const early = await openFixture();
    await early.query(`INSERT INTO status_updates VALUES (22, 'b', 'I2', 1, 'in_progress', DATE '2024-05-20', NULL, 'test')`);
    const scope = ['I1', 'I2'];
    await refreshPreaggregates(early, scope);
    const scoped: Connector = { ...early, preaggregatedScope: scope.join(',') };
    const lastUpdateOfB = async (conn: Connector, filters: Filters, plain: boolean) =>
      (await forceFreshness(conn, filters, 180, plain ? PLAIN_PAIRS : null)).forces.find((f) => f.force_id === 'b')?.last_update;
    for (const [asOf, expected] of [['2024-05-25', '2024-05-01'], ['2024-06-10', '2024-05-20']] as const) {
      for (const inspections of [[], scope, ['I2']]) {
        const filters = on(asOf, { inspections });
        const want = inspections.length === 1 && asOf === '2024-05-25' ? null : expected;
        const label = `${asOf} ${inspections.join(',')}`;
        expect(await lastUpdateOfB(early, filters, true), label).toBe(want);
        expect(await lastUpdateOfB(early, filters, false), label).toBe(want);
        expect(await lastUpdateOfB(scoped, filters, false), label).toBe(want);
      }
    }
  });
});
