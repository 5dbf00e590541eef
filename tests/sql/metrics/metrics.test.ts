import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { forceCompliance, headline, regionStatusMix } from '../../../src/lib/metrics/national/national.sql';
import { completionSummary } from '../../../src/lib/metrics/national/completion.sql';
import { openFixture } from '../support/fixture';

let db: Connector;
beforeAll(async () => {
  db = await openFixture();
});
afterAll(() => undefined);

const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });

describe('headline on 2024-03-31 (I2 not yet published)', () => {
  // Pairs: I1 R1 and R2 × 3 forces = 6. c/R1 superseded → 5 in scope.
  // Complete: a/R1 (on its deadline day) and a/R2 → 2. Rate 2 ÷ 5.
  // Overdue: b/R2 and c/R2 (immediate, due 2024-01-10, no complete update); b/R1 is due today, not overdue.
  it('counts scope, completion and overdue items by the definitions', async () => {
    expect(await headline(db, on('2024-03-31'))).toEqual({
      recommendations: 2, inScope: 5, complete: 2, complianceRate: 0.4,
      medianForceRate: 0, // forces: a 1, b 0, c 0
      overdue: 2, forcesWithOverdue: 2,
    });
  });

  it('makes b/R1 overdue the day after its deadline', async () => {
    expect((await headline(db, on('2024-04-01'))).overdue).toBe(3);
  });
});

describe('headline on 2024-06-30', () => {
  // I2 adds R1 for 3 forces (due 2024-12-31, not overdue). a: 2 complete + 1 pending of 3.
  // b: R1 complete (same-date tie → complete), R2 in progress (same-date tie → in_progress) of 3.
  // c: R1 superseded, R2 and I2/R1 no update → 0 of 2. In scope 8; complete 3.
  it('uses the later-loaded update when two share a date', async () => {
    const h = await headline(db, on('2024-06-30'));
    expect(h).toMatchObject({ inScope: 8, complete: 3, complianceRate: 3 / 8, overdue: 2 });
    expect(h.medianForceRate).toBeCloseTo(1 / 3, 10); // a 2/3, b 1/3, c 0
  });

  it('counts pending closure as complete only when asked', async () => {
    const h = await headline(db, on('2024-06-30', { pendingCountsAsComplete: true }));
    expect(h).toMatchObject({ inScope: 8, complete: 4, complianceRate: 0.5 });
  });

  // South is force c alone: R1 superseded, R2 overdue, I2/R1 not yet due; 3 recommendations tracked.
  it('filters by region', async () => {
    expect(await headline(db, on('2024-06-30', { region: 'South' }))).toMatchObject({
      recommendations: 3, inScope: 2, complete: 0, overdue: 1, forcesWithOverdue: 1,
    });
  });

  it('filters by inspection', async () => {
    expect(await headline(db, on('2024-06-30', { inspections: ['I2'] }))).toMatchObject({
      recommendations: 1, inScope: 3, complete: 0, overdue: 0,
    });
  });
});

describe('before anything is published', () => {
  it('has nothing in scope and no rate', async () => {
    expect(await headline(db, on('2023-12-31'))).toEqual({
      recommendations: 0, inScope: 0, complete: 0, complianceRate: null,
      medianForceRate: null, overdue: 0, forcesWithOverdue: 0,
    });
  });
});

describe('force compliance', () => {
  it('ranks forces by rate with ties sharing a rank, and repeats the median', async () => {
    const rows = await forceCompliance(db, on('2024-03-31'));
    expect(rows.map((r) => [r.force_id, r.in_scope, r.complete, r.rate, r.overdue, r.rank])).toEqual([
      ['a', 2, 2, 1, 0, 1],
      ['b', 2, 0, 0, 1, 2],
      ['c', 1, 0, 0, 1, 2],
    ]);
    expect(rows.every((r) => r.median_rate === 0)).toBe(true);
    // North: a 1 and b 0 → 0.5; South: c alone → 0.
    expect(rows.map((r) => r.region_median_rate)).toEqual([0.5, 0.5, 0]);
  });
});

describe('region status mix', () => {
  it('shares every pair of a region, superseded and no update included', async () => {
    const rows = await regionStatusMix(db, on('2024-03-31'));
    expect(rows).toEqual([
      { region: 'North', status: 'complete', pairs: 2, share: 0.5 },
      { region: 'North', status: 'no_update', pairs: 2, share: 0.5 },
      { region: 'South', status: 'no_update', pairs: 1, share: 0.5 },
      { region: 'South', status: 'superseded', pairs: 1, share: 0.5 },
    ]);
  });
});

describe('on time and time to complete', () => {
  // Complete on 2024-06-30: a/I1/R1 (81 days, on its deadline day → on time),
  // a/I1/R2 (0 days, immediate effect, on time), b/I1/R1 (96 days, 15 days late).
  // b/I1/R2 had a complete update but its status on D is in_progress, so it does not count.
  it('counts the deadline day as on time', async () => {
    expect(await completionSummary(db, on('2024-06-30'))).toEqual({
      completed: 3, onTime: 2, medianDaysToComplete: 81,
    });
  });
});
