import type { Filters } from '../metrics/filters';

/** What the URL may hold; anything absent takes its default. */
export interface FilterDefaults {
  asOf: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads filters from a query string; unknown or malformed values fall back to the defaults. */
export function filtersFromSearch(search: string, defaults: FilterDefaults): Filters {
  const params = new URLSearchParams(search);
  const asOf = params.get('asof');
  const inspections = params.get('insp');
  return {
    asOf: asOf && ISO_DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)) ? asOf : defaults.asOf,
    inspections: inspections ? inspections.split(',').filter(Boolean) : [],
    region: params.get('region') || null,
    pendingCountsAsComplete: params.get('pending') === '1',
  };
}

/** Writes only what differs from the defaults, so a shared link stays short and readable. */
export function searchFromFilters(filters: Filters, defaults: FilterDefaults, base = ''): string {
  const params = new URLSearchParams(base);
  for (const key of ['asof', 'insp', 'region', 'pending']) params.delete(key);
  if (filters.asOf !== defaults.asOf) params.set('asof', filters.asOf);
  if (filters.inspections.length > 0) params.set('insp', filters.inspections.join(','));
  if (filters.region) params.set('region', filters.region);
  if (filters.pendingCountsAsComplete) params.set('pending', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}
