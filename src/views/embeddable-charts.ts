import type { Connector } from '../lib/db/connector';
import type { Filters } from '../lib/metrics/common/filters';
import type { ChartContext, ChartSpec } from '../lib/charts/shared/chart-spec';
import { comparisonContext } from '../lib/charts/shared/chart-context';
import { loadNationalView, type NationalViewData } from '../lib/metrics/national/national-view';
import { selectionFromSearch, type NationalSelection } from '../lib/state/url/national-selection';
import { forceRankingChart } from '../lib/charts/national/force-ranking';
import { regionForceRatesChart } from '../lib/charts/national/region-force-rates';
import { regionStatusMixChart } from '../lib/charts/national/region-status-mix';
import { tileMapChart } from '../lib/charts/national/tile-map';
import { regionTrendsChart } from '../lib/charts/trends/region-trends';
import { complianceTrendChart } from '../lib/charts/trends/compliance-trend';
import { overdueTrendChart } from '../lib/charts/trends/overdue-trend';
import { FORCE_AND_INSPECTION_EMBEDS } from './force-embeds';
import { CHANGES_EMBEDS } from './changes-embeds';
import { forceFreshness } from '../lib/metrics/national/freshness.sql';
import { markStaleForceAxis, markStaleTiles } from '../lib/charts/shared/freshness-marks';
import { staleDaysFromSearch } from '../lib/state/url/stale-param';

/** Each force's freshness as the national view asks for it (every force, every status), for its marks. */
const nationalFreshness = (db: Connector, filters: Filters) =>
  forceFreshness(db, { ...filters, region: null, force: null, statuses: [], recommendation: selectionFromSearch(location.search).recommendation }, staleDaysFromSearch(location.search));

type ChartLoader = (db: Connector, filters: Filters, source: string) => Promise<ChartSpec>;

/**
 * The national view as the embedded page's address has it: its filters and its selection (the
 * force, the recommendation, the tile map's measure), so an embedded chart is the dashboard's own.
 */
async function national(db: Connector, filters: Filters, source: string): Promise<{
  data: NationalViewData; context: ChartContext; selection: NationalSelection;
}> {
  const selection = selectionFromSearch(location.search);
  const data = await loadNationalView(db, { ...filters, force: selection.force, recommendation: selection.recommendation });
  const force = data.forces.find((f) => f.force_id === selection.force);
  const titles = new Map(data.inspections.map((i) => [i.inspection_id, i.title]));
  const context = comparisonContext(data.filters, source, force ? { id: force.force_id, name: force.name, region: force.region } : null, titles);
  return { data, context, selection };
}

/**
 * The charts the embed route can show alone, by the id their frame carries. Each runs the same
 * metrics as its view, so an embedded chart and the dashboard always agree.
 */
export const EMBEDDABLE_CHARTS: Record<string, ChartLoader> = {
  'force-ranking': async (db, filters, source) => {
    const [{ data, context }, freshness] = await Promise.all([national(db, filters, source), nationalFreshness(db, filters)]);
    return markStaleForceAxis(forceRankingChart(data.forces, context), freshness);
  },
  'force-tile-map': async (db, filters, source) => {
    const [{ data, context, selection }, freshness] = await Promise.all([national(db, filters, source), nationalFreshness(db, filters)]);
    return markStaleTiles(tileMapChart(data.forces, selection.measure, context), freshness);
  },
  'region-force-rates': async (db, filters, source) => {
    const { data, context } = await national(db, filters, source);
    return regionForceRatesChart(data.forces, context);
  },
  'region-status-mix': async (db, filters, source) => {
    const { data, context } = await national(db, filters, source);
    return regionStatusMixChart(data.regionMix, context, data.forceMix);
  },
  'region-trends': async (db, filters, source) => {
    const { data, context } = await national(db, filters, source);
    return regionTrendsChart(data.trends, data.forceTrend, context);
  },
  'compliance-trend': async (db, filters, source) => {
    const { data, context } = await national(db, filters, source);
    return complianceTrendChart(data.trends, data.forceTrend, data.markers, context);
  },
  'overdue-trend': async (db, filters, source) => {
    const { data, context } = await national(db, filters, source);
    return overdueTrendChart(data.trends, data.forceTrend, data.markers, context);
  },
  ...FORCE_AND_INSPECTION_EMBEDS,
  ...CHANGES_EMBEDS,
};
