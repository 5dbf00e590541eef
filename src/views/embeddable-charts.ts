import type { Connector } from '../lib/db/connector';
import type { Filters } from '../lib/metrics/filters';
import type { ChartSpec } from '../lib/charts/chart-spec';
import { chartContext } from '../lib/charts/chart-context';
import { loadNationalView } from '../lib/metrics/national-view';
import { forceRankingChart } from '../lib/charts/force-ranking';
import { regionForceRatesChart } from '../lib/charts/region-force-rates';
import { regionStatusMixChart } from '../lib/charts/region-status-mix';
import { FORCE_AND_INSPECTION_EMBEDS } from './force-embeds';

type ChartLoader = (db: Connector, filters: Filters, source: string) => Promise<ChartSpec>;

/**
 * The charts the embed route can show alone, by the id their frame carries. Each runs the same
 * metrics as its view, so an embedded chart and the dashboard always agree.
 */
export const EMBEDDABLE_CHARTS: Record<string, ChartLoader> = {
  'force-ranking': async (db, filters, source) =>
    forceRankingChart((await loadNationalView(db, filters)).forces, chartContext(filters, source)),
  'region-force-rates': async (db, filters, source) =>
    regionForceRatesChart((await loadNationalView(db, filters)).forces, chartContext(filters, source)),
  'region-status-mix': async (db, filters, source) =>
    regionStatusMixChart((await loadNationalView(db, filters)).regionMix, chartContext(filters, source)),
  ...FORCE_AND_INSPECTION_EMBEDS,
};
