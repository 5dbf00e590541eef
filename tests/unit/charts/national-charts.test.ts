import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ChartContext, ChartSpec } from '../../../src/lib/charts/shared/chart-spec';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import { tileMapChart } from '../../../src/lib/charts/national/tile-map';
import { forceRankingChart } from '../../../src/lib/charts/national/force-ranking';
import { regionForceRatesChart } from '../../../src/lib/charts/national/region-force-rates';
import { regionStatusMixChart } from '../../../src/lib/charts/national/region-status-mix';
import { complianceTrendChart } from '../../../src/lib/charts/trends/compliance-trend';
import { overdueTrendChart } from '../../../src/lib/charts/trends/overdue-trend';
import { regionTrendsChart } from '../../../src/lib/charts/trends/region-trends';
import { inkOn, NO_DATA_FILL } from '../../../src/lib/charts/shared/palette';
import { pickOf } from '../../../src/lib/charts/shared/pick';
import type { ForceCompliance, RegionStatusShare } from '../../../src/lib/metrics/national/national.sql';
import type { TrendPoint } from '../../../src/lib/metrics/national/trends.sql';
import type { TrendMarker } from '../../../src/lib/metrics/national/trend-markers.sql';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
// Plot paints colour ramps on a canvas, which jsdom lacks: draw without the legend here.
const draw = (spec: ChartSpec) =>
  Plot.plot({ ...spec.plot, color: { ...spec.plot.color, legend: false }, document }) as unknown as Element;

// Made-up figures: force i of the 43 has i of 42 complete; the first has nothing in view.
const forces: ForceCompliance[] = FORCE_TILES.map((tile, i) => ({
  force_id: tile.force_id, name: `Force ${tile.abbreviation}`, region: i < 20 ? 'North West' : 'Wales',
  in_scope: i === 0 ? 0 : 42, complete: i, rate: i === 0 ? null : i / 42, overdue: 42 - i,
  pending_closure: i % 5, pending_share: i === 0 ? null : (i % 5) / 42, rank: 43 - i, median_rate: 0.5, region_median_rate: 0.5,
}));
const mix: RegionStatusShare[] = [
  { region: 'North West', status: 'complete', pairs: 3, share: 0.75 },
  { region: 'North West', status: 'no_update', pairs: 1, share: 0.25 },
  { region: 'Wales', status: 'in_progress', pairs: 4, share: 1 },
];
const trend = (region: string | null, rate: number): TrendPoint[] => ['2024-01-31', '2024-02-29', '2024-03-15'].map((date, i) => ({
  date, region, in_scope: 10, complete: Math.round(rate * 10) + i, rate: (Math.round(rate * 10) + i) / 10, overdue: 5 - i,
}));
const trends = [...trend(null, 0.3), ...trend('North West', 0.4), ...trend('Wales', 0.1)];
const markers: TrendMarker[] = [
  { kind: 'published', date: '2024-01-10', inspection_id: 'I1', title: 'Inspection one', recommendations: 2 },
  { kind: 'deadline', date: '2024-02-01', inspection_id: 'I1', title: 'Inspection one', recommendations: 1 },
];
const plain: ChartContext = { asOf: '2024-03-15', scope: 'All of England and Wales', pendingCountsAsComplete: false, source: 'Test source.' };
const chosen: ChartContext = {
  ...plain,
  highlight: { region: 'Wales', force: { id: FORCE_TILES[30]!.force_id, name: `Force ${FORCE_TILES[30]!.abbreviation}`, region: 'Wales' } },
};

describe('the tile map', () => {
  it('has one tile per force, in its place, with its value printed and spoken', () => {
    const spec = tileMapChart(forces, 'compliance', plain);
    expect(spec.tiles).toHaveLength(43);
    const kent = spec.tiles.find((t) => t.force_id === 'kent')!;
    const i = FORCE_TILES.findIndex((t) => t.force_id === 'kent');
    expect([kent.col, kent.row, kent.abbreviation]).toEqual([FORCE_TILES[i]!.col, FORCE_TILES[i]!.row, 'KNT']);
    expect(kent.valueText).toBe(`${Math.round((i / 42) * 100)}%`);
    expect(kent.label).toBe(`KNT ${kent.valueText}: Force KNT, Wales, compliance rate`);
  });

  it('colours higher values darker, keeps text readable on every tile, and greys a force with nothing in view', () => {
    const spec = tileMapChart(forces, 'overdue', plain);
    const lum = (fill: string) => fill.match(/\d+/g)!.map(Number).reduce((a, b) => a + b, 0);
    const [most, fewest] = [spec.tiles[1]!, spec.tiles[42]!]; // 41 overdue and 0 overdue
    expect(lum(most.fill)).toBeLessThan(lum(fewest.fill));
    for (const tile of spec.tiles) expect(tile.ink).toBe(inkOn(tile.fill));
    expect(spec.tiles[0]).toMatchObject({ value: null, valueText: '–', fill: NO_DATA_FILL });
    expect(spec.tiles[0]!.label).toContain('not available');
  });

  it('marks the selected force and the highlighted region, and says so in the subtitle', () => {
    const spec = tileMapChart(forces, 'pending', chosen);
    expect(spec.tiles.filter((t) => t.selected).map((t) => t.force_id)).toEqual([FORCE_TILES[30]!.force_id]);
    expect(spec.tiles.filter((t) => t.inRegion)).toHaveLength(23);
    expect(spec.subtitle).toContain('Wales highlighted · Force');
    expect(spec.title).toBe('Share pending closure by force');
  });
});

describe('every national chart', () => {
  const specs = (context: ChartContext): ChartSpec[] => [
    tileMapChart(forces, 'compliance', context),
    forceRankingChart(forces, context),
    regionForceRatesChart(forces, context),
    regionStatusMixChart(mix, context, [{ region: 'Wales', status: 'complete', pairs: 2, share: 1 }]),
    complianceTrendChart(trends, trend(null, 0.6), markers, context),
    overdueTrendChart(trends, trend(null, 0.6), markers, context),
    regionTrendsChart(trends, trend(null, 0.6), context),
  ];

  it('draws with Plot, with a title, an as-of subtitle, a source and a table', () => {
    for (const context of [plain, chosen]) {
      for (const spec of specs(context)) {
        const svg = draw(spec);
        expect(svg.outerHTML.length, spec.id).toBeGreaterThan(500);
        expect(spec.subtitle, spec.id).toContain('As on 15 March 2024');
        expect(spec.source).toBe('Test source.');
        expect(spec.table.rows.length, spec.id).toBeGreaterThan(0);
        // Dates in a table are written day first, as everywhere on screen, never as ISO.
        for (const row of spec.table.rows) {
          for (const value of Object.values(row)) expect(String(value), spec.id).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        }
      }
    }
  });

  it('tags what a click picks: forces on the ranking, regions on the status mix and the small multiples', () => {
    const picks = (spec: ChartSpec) =>
      [...draw(spec).querySelectorAll('[data-pick]')].map((el) => pickOf(el));
    expect(picks(forceRankingChart(forces, plain))).toHaveLength(42);
    expect(picks(forceRankingChart(forces, plain))).toContainEqual({ force: 'kent' });
    expect(picks(regionStatusMixChart(mix, plain))).toContainEqual({ region: 'Wales' });
    expect(picks(regionTrendsChart(trends, [], plain))).toEqual([{ region: 'North West' }, { region: 'Wales' }]);
    // The selected force's own bar picks the force (clicking it again clears the selection).
    expect(picks(regionStatusMixChart(mix, chosen, [{ region: 'Wales', status: 'complete', pairs: 2, share: 1 }])))
      .toContainEqual({ force: FORCE_TILES[30]!.force_id });
  });

  it('draws England and Wales, then the highlighted region and the selected force, over time', () => {
    const spec = complianceTrendChart(trends, trend(null, 0.6), markers, chosen);
    expect([...new Set(spec.table.rows.map((r) => r.series))]).toEqual(['England and Wales', 'Wales', chosen.highlight!.force!.name]);
    expect([...new Set(complianceTrendChart(trends, [], markers, plain).table.rows.map((r) => r.series))]).toEqual(['England and Wales']);
  });
});
