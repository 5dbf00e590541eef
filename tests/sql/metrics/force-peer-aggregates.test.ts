import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { peerAggregates, type GroupAggregate } from '../../../src/lib/metrics/force/peer-aggregates.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
});

const figure = (rows: GroupAggregate[], group: string, measure: string) => {
  const row = rows.find((r) => r.group === group && r.measure === measure);
  return row && { label: row.label, forces: row.forces, numerator: row.numerator, denominator: row.denominator, pooled: row.pooled, median: row.median };
};

describe('pooled and median figures beside force b on 2024-06-30', () => {
  // Force values (see force-benchmark.test.ts): compliance a 3/3, b 1/3, c 1/3, d 1/3, e 1/2.
  it('pools counts and takes the median of force rates, for peers, region and nation', async () => {
    const rows = await peerAggregates(db, on(D), { force: 'b', compare: null, peers: ['a', 'c', 'e'] });
    // Peers a, c, e: pooled (3 + 1 + 1) ÷ (3 + 3 + 2) = 5/8; median of 1, 1/3, 1/2 = 1/2.
    expect(figure(rows, 'peers', 'compliance')).toEqual({ label: '', forces: 3, numerator: 5, denominator: 8, pooled: 0.625, median: 0.5 });
    // North (a, b, c): pooled 5/9; median of 1, 1/3, 1/3 = 1/3.
    expect(figure(rows, 'region', 'compliance')).toMatchObject({ label: 'North', forces: 3, numerator: 5, denominator: 9, pooled: 5 / 9, median: 1 / 3 });
    // England and Wales: pooled 7/14 = 0.5; median of 1, 1/3, 1/3, 1/3, 1/2 = 1/3.
    expect(figure(rows, 'nation', 'compliance')).toMatchObject({ forces: 5, numerator: 7, denominator: 14, pooled: 0.5, median: 1 / 3 });
    // The force alone: pooled and median are its own rate.
    expect(figure(rows, 'force', 'compliance')).toMatchObject({ label: 'Force B', pooled: 1 / 3, median: 1 / 3 });
  });

  // On time nationally: on time 2 + 1 + 0 + 0 + 1 = 4 of deadline-passed 2 + 2 + 2 + 2 + 1 = 9;
  // median of 1, 1/2, 0, 0, 1 = 1/2. Overdue: 0 + 1 + 1 + 1 + 0 = 3 of 14; median of 0, ⅓, ⅓, ⅓, 0 = ⅓.
  it('pools the on-time and overdue measures over their own denominators', async () => {
    const rows = await peerAggregates(db, on(D), { force: 'b', compare: null, peers: [] });
    expect(figure(rows, 'nation', 'on_time')).toMatchObject({ numerator: 4, denominator: 9, pooled: 4 / 9, median: 0.5 });
    expect(figure(rows, 'nation', 'overdue')).toMatchObject({ numerator: 3, denominator: 14, pooled: 3 / 14, median: 1 / 3 });
    expect(rows.some((r) => r.group === 'peers')).toBe(false); // an empty peer group has no figures
  });

  // Comparing b (North) with d (South) adds d and South (d 1/3, e 1/2: pooled 2/5, median 5/12).
  it('adds the compared force and its region when it differs', async () => {
    const rows = await peerAggregates(db, on(D), { force: 'b', compare: 'd', peers: [] });
    expect([...new Set(rows.map((r) => r.group))]).toEqual(['force', 'compare', 'region', 'compare_region', 'nation']);
    const south = figure(rows, 'compare_region', 'compliance');
    expect(south).toMatchObject({ label: 'South', pooled: 2 / 5 });
    expect(south?.median).toBeCloseTo(5 / 12, 12); // (1/3 + 1/2) ÷ 2
    const sameRegion = await peerAggregates(db, on(D), { force: 'b', compare: 'a', peers: [] });
    expect(sameRegion.some((r) => r.group === 'compare_region')).toBe(false);
  });
});
