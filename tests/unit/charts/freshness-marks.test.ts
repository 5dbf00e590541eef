import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ChartContext, ChartSpec } from '../../../src/lib/charts/shared/chart-spec';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import { forceRankingChart } from '../../../src/lib/charts/national/force-ranking';
import { tileMapChart } from '../../../src/lib/charts/national/tile-map';
import { markStaleForceAxis, markStaleTiles } from '../../../src/lib/charts/shared/freshness-marks';
import { staleHeadline } from '../../../src/lib/charts/shared/freshness-words';
import type { ForceCompliance } from '../../../src/lib/metrics/national/national.sql';
import type { Freshness } from '../../../src/lib/metrics/national/freshness.sql';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const context: ChartContext = { asOf: '2026-09-30', scope: 'All of England and Wales', pendingCountsAsComplete: false, source: 'Test source.' };
const forces: ForceCompliance[] = FORCE_TILES.map((tile, i) => ({
  force_id: tile.force_id, name: `Force ${tile.abbreviation}`, region: 'Wales', in_scope: 10, complete: i % 10, rate: (i % 10) / 10,
  overdue: 1, pending_closure: 0, pending_share: 0, rank: 1, median_rate: 0.5, region_median_rate: 0.5,
}));
// Cheshire last reported in September 2023; every other force in September 2026.
const freshness: Freshness = {
  staleDays: 180,
  staleForces: 1,
  forces: forces.map((f) => f.force_id === 'cheshire'
    ? { force_id: f.force_id, name: f.name, region: f.region, last_update: '2023-09-04', days_since: 1122, open_items: 3, stale: true }
    : { force_id: f.force_id, name: f.name, region: f.region, last_update: '2026-09-30', days_since: 0, open_items: 1, stale: false }),
};
const cheshire = forces.find((f) => f.force_id === 'cheshire')!;
const draw = (spec: ChartSpec) => Plot.plot({ ...spec.plot, color: { ...spec.plot.color, legend: false }, document }) as unknown as Element;

describe('freshness marks', () => {
  it('counts stale forces in words', () => {
    expect(staleHeadline(5, 180)).toBe('5 forces’ data is more than 180 days old');
    expect(staleHeadline(1, 30)).toBe('1 force’s data is more than 30 days old');
    expect(staleHeadline(0, 180)).toBe('No force’s data is more than 180 days old');
  });

  it('marks the stale force’s tile, says why in its label and the notes, and adds last updates to the table', () => {
    const spec = markStaleTiles(tileMapChart(forces, 'compliance', context), freshness);
    expect(spec.tiles.filter((t) => t.stale).map((t) => t.force_id)).toEqual(['cheshire']);
    expect(spec.tiles.find((t) => t.stale)!.label).toContain('old data: last update 4 September 2023, 1,122 days before');
    expect(spec.notes?.at(-1)).toContain('more than 180 days before 30 September 2026');
    expect(spec.table.rows.find((r) => r.name === cheshire.name)).toMatchObject({ last_update: '4 September 2023 (old data)', days_since: 1122 });
    // One dashed outline drawn, on top of the tiles.
    expect(draw(spec).querySelectorAll('g[stroke-dasharray] rect')).toHaveLength(1);
  });

  it('tags the stale force’s name on the ranking and leaves the others', () => {
    const svg = draw(markStaleForceAxis(forceRankingChart(forces, context), freshness));
    const names = [...svg.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    // The ranking's labels carry each force's rank first ("12 Name", or "3= Name" when tied).
    expect(names.filter((n) => n?.endsWith(`${cheshire.name} (old data)`))).toEqual([
      expect.stringMatching(new RegExp(`^\\d+=? ${cheshire.name} \\(old data\\)$`)),
    ]);
    expect(names.filter((n) => n?.endsWith('(old data)'))).toHaveLength(1);
  });
});
