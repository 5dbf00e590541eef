import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { frameSvg, serialiseSvg, wrapText } from '../../../src/lib/charts/export/frame-svg';
import { forceRankingChart } from '../../../src/lib/charts/national/force-ranking';
import { regionStatusMixChart } from '../../../src/lib/charts/national/region-status-mix';
import type { ChartContext } from '../../../src/lib/charts/shared/chart-spec';
import type { ForceCompliance, RegionStatusShare } from '../../../src/lib/metrics/national/national.sql';
import { matchSvgSnapshot as matchSnapshot, normaliseSvg as normalise } from '../../svg-snapshot';

/** Exported SVGs against snapshot files (tests/svg-snapshot.ts). */

const context: ChartContext = {
  asOf: '2025-06-30',
  scope: 'All of England and Wales',
  pendingCountsAsComplete: false,
  source: 'HMICFRS inspection reports and recommendations. Statuses: Illustrative statuses (generated for demonstration, not real).',
};

const forces: ForceCompliance[] = [
  { force_id: 'a', name: 'Force A', region: 'North East', in_scope: 4, complete: 3, rate: 0.75, overdue: 1, pending_closure: 0, pending_share: 0, rank: 1, median_rate: 0.5, region_median_rate: 0.75 },
  { force_id: 'b', name: 'Force B', region: 'Wales', in_scope: 4, complete: 1, rate: 0.25, overdue: 2, pending_closure: 1, pending_share: 0.25, rank: 2, median_rate: 0.5, region_median_rate: 0.25 },
];
const mix: RegionStatusShare[] = [
  { region: 'North East', status: 'complete', pairs: 3, share: 0.75 },
  { region: 'North East', status: 'in_progress', pairs: 1, share: 0.25 },
  { region: 'Wales', status: 'complete', pairs: 1, share: 0.25 },
  { region: 'Wales', status: 'no_update', pairs: 3, share: 0.75 },
];

describe('exported chart SVG', () => {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;

  it('holds the title, subtitle, legend, chart and source in one file', () => {
    const svg = serialiseSvg(frameSvg(forceRankingChart(forces, context), 640, document));
    expect(svg).toContain('Forces ranked by compliance rate');
    expect(svg).toContain('As on 30 June 2025');
    expect(svg).toContain('Illustrative statuses');
    expect(svg).toContain('North East'); // legend swatch
    matchSnapshot('force-ranking.svg', normalise(svg));
  });

  it('matches the status-mix snapshot', () => {
    const svg = serialiseSvg(frameSvg(regionStatusMixChart(mix, context), 640, document));
    matchSnapshot('region-status-mix.svg', normalise(svg));
  });

  it('wraps long lines to the width', () => {
    expect(wrapText('one two three four five six', 60, 10)).toEqual(['one two', 'three four', 'five six']);
  });
});
