import type { TrendPoint } from './trends.sql';

/**
 * A trend as on D from a series asked for a later date and the points on D. A point before D is
 * a running sum of the changes up to it, the same whatever later date the series was asked for,
 * so the series can be asked once and cut; D's points (the whole, then each region, as the SQL
 * orders them) end each region's line. The rows and their order are the trend query's for D:
 * the whole (region null) first, then each region, each by date. No point on D means nothing in
 * view is published by D, and the trend has no points at all.
 */
export function trendUpTo(series: readonly TrendPoint[], onD: readonly TrendPoint[], asOf: string): TrendPoint[] {
  const before = new Map<string | null, TrendPoint[]>();
  for (const point of series) {
    if (point.date >= asOf) continue;
    const line = before.get(point.region);
    if (line) line.push(point);
    else before.set(point.region, [point]);
  }
  return onD.flatMap((last) => [...(before.get(last.region) ?? []), last]);
}
