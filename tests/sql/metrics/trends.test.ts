import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { complianceTrends, type TrendPoint } from '../../../src/lib/metrics/national/trends.sql';
import { openFixture } from '../support/fixture';

let db: Connector;
beforeAll(async () => {
  db = await openFixture();
}, 120_000);

const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });
/** [date, in scope, complete, overdue] for one series (region null = every pair in the filters). */
const series = (points: TrendPoint[], region: string | null) =>
  points.filter((p) => p.region === region).map((p) => [p.date, p.in_scope, p.complete, p.overdue]);

// The fixture (tests/sql/support/fixture.ts), as on each month end:
// 31 Jan: I1's six pairs in scope; complete a/R2 (10 Jan); overdue b/R2 and c/R2 (R2 was due 10 Jan).
// 29 Feb: c/R1 superseded (1 Feb) leaves scope → 5. a/R1 in progress (1 Feb).
// 31 Mar: a/R1 complete on its deadline day → 2 complete; R1 is due that day, so not yet overdue.
// 30 Apr: b/R1 complete (15 Apr; the later-loaded of two same-date updates) → 3.
// 31 May: b/R2 in progress (1 May; the later-loaded beats an earlier-loaded complete) → still overdue.
// 30 Jun (D): I2 published 1 Jun adds three pairs (due 31 Dec) → 8 in scope; a/I2 pending, not complete.
describe('compliance and overdue over time', () => {
  it('counts each month end by the definitions, nationally and per region', async () => {
    const points = await complianceTrends(db, on('2024-06-30'));
    expect(series(points, null)).toEqual([
      ['2024-01-31', 6, 1, 2],
      ['2024-02-29', 5, 1, 2],
      ['2024-03-31', 5, 2, 2],
      ['2024-04-30', 5, 3, 2],
      ['2024-05-31', 5, 3, 2],
      ['2024-06-30', 8, 3, 2],
    ]);
    // North is a and b: b/R2 is its one overdue item throughout.
    expect(series(points, 'North')).toEqual([
      ['2024-01-31', 4, 1, 1],
      ['2024-02-29', 4, 1, 1],
      ['2024-03-31', 4, 2, 1],
      ['2024-04-30', 4, 3, 1],
      ['2024-05-31', 4, 3, 1],
      ['2024-06-30', 6, 3, 1],
    ]);
    // South is c: R1 superseded from February; R2 never updated, overdue throughout.
    expect(series(points, 'South')).toEqual([
      ['2024-01-31', 2, 0, 1],
      ['2024-02-29', 1, 0, 1],
      ['2024-03-31', 1, 0, 1],
      ['2024-04-30', 1, 0, 1],
      ['2024-05-31', 1, 0, 1],
      ['2024-06-30', 2, 0, 1],
    ]);
    expect(points.find((p) => p.region === null && p.date === '2024-03-31')?.rate).toBe(0.4);
  });

  it('ends on D itself, which need not be a month end, and starts and stops overdue items on the day', async () => {
    // 10 Apr: R1 (due 31 Mar) is overdue for b, which has had no update yet (it completes on 15 Apr).
    const points = await complianceTrends(db, on('2024-04-10'));
    expect(series(points, null).map(([date]) => date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-10']);
    expect(series(points, null).at(-1)).toEqual(['2024-04-10', 5, 2, 3]);
  });

  it('ends on the same figures as the headline for the same filters', async () => {
    for (const filters of [
      on('2024-06-30'),
      on('2024-06-30', { pendingCountsAsComplete: true }),
      on('2024-04-01'),
      on('2024-06-30', { statuses: ['no_update', 'in_progress'] }),
      on('2024-06-30', { force: 'b' }),
      on('2024-06-30', { inspections: ['I1'] }),
    ]) {
      const last = (await complianceTrends(db, filters)).filter((p) => p.region === null).at(-1)!;
      const figures = await headline(db, filters);
      expect([last.in_scope, last.complete, last.overdue]).toEqual([figures.inScope, figures.complete, figures.overdue]);
    }
  });

  // Pending closure counted: a/I2/R1 (pending from 30 Jun) joins the complete on D only.
  it('counts pending closure as complete only when asked', async () => {
    const points = await complianceTrends(db, on('2024-06-30', { pendingCountsAsComplete: true }));
    expect(series(points, null).at(-1)).toEqual(['2024-06-30', 8, 4, 2]);
    expect(points.find((p) => p.region === null && p.date === '2024-06-30')?.rate).toBe(0.5);
  });

  // Only pairs with no update yet: 31 Jan all but a/R2 (5; overdue b/R2, c/R2).
  // 29 Feb: a/R1 in progress and c/R1 superseded leave → b/R1, b/R2, c/R2 (overdue b/R2, c/R2).
  // 30 Apr: b/R1 complete leaves → b/R2, c/R2. 31 May: b/R2 in progress leaves → c/R2.
  // 30 Jun: c/R2 plus b/I2/R1 and c/I2/R1 (a/I2/R1 is pending) → 3, overdue 1.
  it('follows the status filter on each date', async () => {
    const points = await complianceTrends(db, on('2024-06-30', { statuses: ['no_update'] }));
    expect(series(points, null)).toEqual([
      ['2024-01-31', 5, 0, 2],
      ['2024-02-29', 3, 0, 2],
      ['2024-03-31', 3, 0, 2],
      ['2024-04-30', 2, 0, 2],
      ['2024-05-31', 1, 0, 1],
      ['2024-06-30', 3, 0, 1],
    ]);
  });

  it('narrows to one force or one recommendation', async () => {
    // Force b: R1 (complete 15 Apr), R2 (overdue throughout), then I2/R1 from June.
    expect(series(await complianceTrends(db, on('2024-06-30', { force: 'b' })), null)).toEqual([
      ['2024-01-31', 2, 0, 1],
      ['2024-02-29', 2, 0, 1],
      ['2024-03-31', 2, 0, 1],
      ['2024-04-30', 2, 1, 1],
      ['2024-05-31', 2, 1, 1],
      ['2024-06-30', 3, 1, 1],
    ]);
    // I1 R2 for the three forces: a complete on publication day; b and c overdue from 11 Jan.
    const r2 = await complianceTrends(db, on('2024-02-15', { recommendation: { inspectionId: 'I1', recNo: 2 } }));
    expect(series(r2, null)).toEqual([
      ['2024-01-31', 3, 1, 2],
      ['2024-02-15', 3, 1, 2],
    ]);
  });

  it('starts at the first publication in the filters and is empty before it', async () => {
    expect(series(await complianceTrends(db, on('2024-07-15', { inspections: ['I2'] })), null)).toEqual([
      ['2024-06-30', 3, 0, 0],
      ['2024-07-15', 3, 0, 0],
    ]);
    expect(await complianceTrends(db, on('2023-12-31'))).toEqual([]);
  });
});
