import type { Connector } from '../lib/db/connector';
import type { Filters } from '../lib/metrics/common/filters';
import type { ChartContext, ChartSpec } from '../lib/charts/shared/chart-spec';
import { chartContext } from '../lib/charts/shared/chart-context';
import { dataExtent } from '../lib/metrics/common/data-extent.sql';
import { loadChangesView, type ChangesViewData } from '../lib/metrics/changes/changes-view';
import { forceRateChangesChart } from '../lib/charts/changes/force-rate-changes';
import { regionOverdueChangesChart } from '../lib/charts/changes/region-overdue-changes';
import { markStaleForceAxis } from '../lib/charts/shared/freshness-marks';
import { changePeriodFromSearch } from '../lib/state/url/changes-params';
import { staleDaysFromSearch } from '../lib/state/url/stale-param';

/** The Changes view as the embedded page's address has it: the same dates, filters and threshold. */
async function changes(db: Connector, filters: Filters, source: string): Promise<{ data: ChangesViewData; context: ChartContext }> {
  const latest = (await dataExtent(db)).lastUpdate ?? filters.asOf;
  const period = changePeriodFromSearch(location.search, latest);
  const data = await loadChangesView(db, filters, period, staleDaysFromSearch(location.search));
  return { data, context: chartContext({ ...filters, asOf: period.to }, source) };
}

/** The Changes view's charts, for the embed route. */
export const CHANGES_EMBEDS = {
  'force-rate-changes': async (db: Connector, filters: Filters, source: string): Promise<ChartSpec> => {
    const { data, context } = await changes(db, filters, source);
    return markStaleForceAxis(forceRateChangesChart(data.forces, data.period, context), data.freshness);
  },
  'region-overdue-changes': async (db: Connector, filters: Filters, source: string): Promise<ChartSpec> => {
    const { data, context } = await changes(db, filters, source);
    return regionOverdueChangesChart(data.areas, data.period, context);
  },
};
