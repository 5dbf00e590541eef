import { JSDOM } from 'jsdom';
import { beforeAll, describe, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { ChartContext, ChartSpec } from '../../../src/lib/charts/shared/chart-spec';
import { frameSvg, serialiseSvg } from '../../../src/lib/charts/export/frame-svg';
import { sourceLine } from '../../../src/lib/charts/shared/source-line';
import { tileMapChart } from '../../../src/lib/charts/national/tile-map';
import { FORCE_TILES } from '../../../src/lib/charts/national/force-tile-layout';
import type { ForceCompliance } from '../../../src/lib/metrics/national/national.sql';
import { forceRankingChart } from '../../../src/lib/charts/national/force-ranking';
import { regionForceRatesChart } from '../../../src/lib/charts/national/region-force-rates';
import { regionStatusMixChart } from '../../../src/lib/charts/national/region-status-mix';
import { regionTrendsChart } from '../../../src/lib/charts/trends/region-trends';
import { complianceTrendChart } from '../../../src/lib/charts/trends/compliance-trend';
import { overdueTrendChart } from '../../../src/lib/charts/trends/overdue-trend';
import { forceStripChart } from '../../../src/lib/charts/force/force-strip';
import { forceHistoryChart } from '../../../src/lib/charts/force/force-history';
import { statusMatrixChart } from '../../../src/lib/charts/inspection/status-matrix';
import { completionCurvesChart } from '../../../src/lib/charts/trends/completion-curves';
import { onTimeRateChart } from '../../../src/lib/charts/trends/on-time-rate';
import { loadNationalView, type NationalViewData } from '../../../src/lib/metrics/national/national-view';
import { loadForceView, type ForceViewData } from '../../../src/lib/metrics/force/force-view';
import { loadInspectionView, type InspectionViewData } from '../../../src/lib/metrics/inspection/inspection-view';
import { matchSvgSnapshot, normaliseSvg } from '../../svg-snapshot';
import { D, on, openForceFixture } from '../support/force-fixture';

/**
 * Every chart module drawn whole (title, subtitle, legend, chart, source) from the force fixture's
 * figures through the same SQL the views run, and compared with its snapshot in tests/snapshots.
 * jsdom has no canvas, so the tile map's colour ramp is left out of its drawing here.
 */
const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const context: ChartContext = { asOf: D, scope: 'All of England and Wales', pendingCountsAsComplete: false, source: sourceLine(['illustrative']) };
const highlighted: ChartContext = { ...context, highlight: { region: 'North East', force: { id: 'b', name: 'Force B', region: 'North East' } } };

const REAL_REGION: Record<string, string> = { North: 'North East', South: 'South West' };
const svgOf = (spec: ChartSpec) => normaliseSvg(serialiseSvg(frameSvg(spec, 640, document)));

let db: Connector;
let national: NationalViewData;
let force: ForceViewData;
let inspection: InspectionViewData;
beforeAll(async () => {
  db = await openForceFixture();
  // The fixture's regions (North, South) are not among the ten, which the national charts lay out: name them as two real ones.
  const loaded = await loadNationalView(db, on(D));
  const real = <T extends { region: string | null }>(row: T): T => ({ ...row, region: row.region === null ? null : REAL_REGION[row.region] ?? row.region });
  national = {
    ...loaded,
    forces: loaded.forces.map(real),
    regionMix: loaded.regionMix.map(real),
    trends: loaded.trends.map(real),
  };
  force = await loadForceView(db, on(D), { force: 'b', compare: null, peers: ['a', 'c', 'e'] });
  inspection = await loadInspectionView(db, on(D), 'I1');
}, 120_000);

const CHARTS: readonly [string, () => ChartSpec][] = [
  ['tile-map', () => {
    // The fixture's forces are not the 43 on the map: made-up figures give every tile a shade.
    const forces: ForceCompliance[] = FORCE_TILES.map((tile, i) => ({
      force_id: tile.force_id, name: tile.abbreviation, region: i < 20 ? 'North West' : 'Wales', in_scope: i === 0 ? 0 : 42,
      complete: i, rate: i === 0 ? null : i / 42, overdue: 42 - i, pending_closure: i % 7,
      pending_share: i === 0 ? null : (i % 7) / 42, rank: 43 - i, median_rate: 0.5, region_median_rate: 0.5,
    }));
    const spec = tileMapChart(forces, 'compliance', { ...context, highlight: { region: 'Wales', force: null } });
    return { ...spec, plot: { ...spec.plot, color: { ...spec.plot.color, legend: false } } };
  }],
  ['force-ranking-fixture', () => forceRankingChart(national.forces, highlighted)],
  ['region-force-rates', () => regionForceRatesChart(national.forces, highlighted)],
  ['region-status-mix-fixture', () => regionStatusMixChart(national.regionMix, context)],
  ['region-trends', () => regionTrendsChart(national.trends, national.forceTrend, context)],
  ['compliance-trend', () => complianceTrendChart(national.trends, national.forceTrend, national.markers, context)],
  ['overdue-trend', () => overdueTrendChart(national.trends, national.forceTrend, national.markers, context)],
  ['force-strip', () => forceStripChart(force.benchmark, force.groups, 'compliance', { force: 'Force B', compare: null, peers: 'Mine (3 forces)' }, context)],
  ['force-history', () => forceHistoryChart(force.history, 'Force B', context)],
  ['status-matrix', () => statusMatrixChart(inspection.matrix, 'name', 'Inspection one', context)],
  ['completion-curves', () => completionCurvesChart(inspection.curves, 'Inspection one', context)],
  ['on-time-rate', () => onTimeRateChart(inspection.onTime, 'Inspection one', context)],
];

describe('chart snapshots (normalised SVG)', () => {
  it.each(CHARTS)('%s matches its snapshot', (name, build) => {
    matchSvgSnapshot(`${name}.svg`, svgOf(build()));
  });
});
