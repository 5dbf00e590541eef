import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../../src/lib/charts/shared/chart-spec';
import { forceRankingChart } from '../../../src/lib/charts/national/force-ranking';
import { regionForceRatesChart } from '../../../src/lib/charts/national/region-force-rates';
import type { ForceCompliance } from '../../../src/lib/metrics/national/national.sql';

/** Forces with equal rates, as the SQL ranks them (rank() shares a rank among ties). */
const force = (force_id: string, name: string, region: string, rate: number, rank: number): ForceCompliance => ({
  force_id, name, region, in_scope: 4, complete: rate * 4, rate, overdue: 0, pending_closure: 0, pending_share: 0, rank,
  median_rate: 0.5, region_median_rate: 0.5,
});
const rows = [
  force('c', 'Cheshire', 'North West', 1, 1),
  force('a', 'Avon and Somerset', 'South West', 1, 1),
  force('d', 'Dorset', 'South West', 0.75, 3),
  force('b', 'Bedfordshire', 'East of England', 0.5, 4),
];
const context: ChartContext = { asOf: '2025-06-30', scope: 'All of England and Wales', pendingCountsAsComplete: false, source: 'Test.' };

describe('ties', () => {
  it('ranks ties as ties, sorted by rate then name', () => {
    const spec = forceRankingChart(rows, context);
    expect(spec.plot.y?.domain).toEqual(['1= Avon and Somerset', '1= Cheshire', '3 Dorset', '4 Bedfordshire']);
  });

  it('counts forces sharing a dot within a region', () => {
    const tied = [...rows, force('e', 'Devon and Cornwall', 'South West', 0.75, 3)];
    const spec = regionForceRatesChart(tied, context);
    const texts = (spec.plot.marks ?? []).filter((mark) => (mark as { ariaLabel?: string }).ariaLabel === 'text');
    const counted = texts.flatMap((mark) => (mark as unknown as { data: { name: string; count: number }[] }).data);
    expect(counted.map((d) => [d.name, d.count])).toEqual([['Devon and Cornwall', 2]]);
  });
});
