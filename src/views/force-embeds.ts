import type { Connector } from '../lib/db/connector';
import type { Filters } from '../lib/metrics/common/filters';
import type { ChartSpec } from '../lib/charts/shared/chart-spec';
import { forceChartsForSearch, inspectionChartsForSearch } from './force-charts';

type ChartsForSearch = typeof forceChartsForSearch;

// An embedded chart's address is the view's own address plus `embed=<id>`, so the force, peers,
// report and order are read from it, exactly as the view reads them.
function pick(charts: ChartsForSearch, id: string) {
  return async (db: Connector, filters: Filters, source: string): Promise<ChartSpec> => {
    const spec = (await charts(db, filters, source, location.search)).find((chart) => chart.id === id);
    if (!spec) throw new Error(`The chart “${id}” has nothing to show for this address.`);
    return spec;
  };
}

/** The force and inspection views' charts, for the embed route. */
export const FORCE_AND_INSPECTION_EMBEDS = {
  'force-strip': pick(forceChartsForSearch, 'force-strip'),
  'force-history': pick(forceChartsForSearch, 'force-history'),
  'force-history-compare': pick(forceChartsForSearch, 'force-history-compare'),
  'status-matrix': pick(inspectionChartsForSearch, 'status-matrix'),
  'completion-curves': pick(inspectionChartsForSearch, 'completion-curves'),
  'on-time-rate': pick(inspectionChartsForSearch, 'on-time-rate'),
};
