import { describe, expect, it } from 'vitest';
import { trendUpTo } from '../../../src/lib/metrics/national/trend-up-to';
import type { TrendPoint } from '../../../src/lib/metrics/national/trends.sql';

const point = (date: string, region: string | null, in_scope: number): TrendPoint => ({
  date, region, in_scope, complete: 0, rate: in_scope ? 0 : null, overdue: 0,
});

// The series as the trend query orders it for a later date: the whole first, then each region.
const series = [
  point('2024-01-31', null, 3), point('2024-02-29', null, 4), point('2024-03-31', null, 5), point('2024-04-30', null, 6),
  point('2024-01-31', 'North', 1), point('2024-02-29', 'North', 2), point('2024-03-31', 'North', 2), point('2024-04-30', 'North', 3),
  point('2024-02-29', 'South', 2), point('2024-03-31', 'South', 3), point('2024-04-30', 'South', 3),
];

describe('a trend as on D from a later series and the points on D', () => {
  it('keeps the month ends before D and ends each line on its point on D, the whole first', () => {
    const onD = [point('2024-03-15', null, 5), point('2024-03-15', 'North', 2), point('2024-03-15', 'South', 3)];
    expect(trendUpTo(series, onD, '2024-03-15').map((p) => `${p.region ?? 'all'} ${p.date} ${p.in_scope}`)).toEqual([
      'all 2024-01-31 3', 'all 2024-02-29 4', 'all 2024-03-15 5',
      'North 2024-01-31 1', 'North 2024-02-29 2', 'North 2024-03-15 2',
      'South 2024-02-29 2', 'South 2024-03-15 3',
    ]);
  });

  it('drops the month end that is D itself: D is its own point', () => {
    const onD = [point('2024-02-29', null, 4), point('2024-02-29', 'North', 2), point('2024-02-29', 'South', 2)];
    const trend = trendUpTo(series, onD, '2024-02-29');
    expect(trend.filter((p) => p.date === '2024-02-29')).toEqual(onD);
    expect(trend).toHaveLength(5);
  });

  it('gives a region with no month end before D its point on D alone', () => {
    const onD = [point('2024-02-10', null, 3), point('2024-02-10', 'North', 1), point('2024-02-10', 'South', 2)];
    expect(trendUpTo(series, onD, '2024-02-10').filter((p) => p.region === 'South')).toEqual([onD[2]]);
  });

  it('has no points when nothing is published by D', () => {
    expect(trendUpTo(series, [], '2023-12-01')).toEqual([]);
  });
});
