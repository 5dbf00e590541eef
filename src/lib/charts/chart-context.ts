import type { Filters } from '../metrics/filters';
import type { ChartContext } from './chart-spec';

/** The words every chart's subtitle and source take from the filters and the loaded data. */
export function chartContext(filters: Filters, source: string): ChartContext {
  const scope = [filters.region ?? 'All of England and Wales'];
  if (filters.inspections.length > 0) scope.push(`inspections: ${filters.inspections.join(', ')}`);
  return {
    asOf: filters.asOf,
    scope: scope.join(' · '),
    pendingCountsAsComplete: filters.pendingCountsAsComplete,
    source,
  };
}
