import type { PairStatus } from '../../data/schema';
import { CANONICAL_STATUSES, NO_UPDATE } from '../../data/schema';
import { defaultFilters, type Filters } from '../../metrics/common/filters';
import { isCalendarDate } from './calendar-date';

/** What the URL may hold; anything absent takes its default. */
export interface FilterDefaults {
  asOf: string;
}

/** The query parameters of the filters every view shares; other parameters are left alone. */
export const FILTER_KEYS = ['asof', 'insp', 'region', 'pending', 'status'] as const;

const PAIR_STATUSES: readonly string[] = [...CANONICAL_STATUSES, NO_UPDATE];

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

/**
 * Reads filters from a query string; unknown or malformed values fall back to the defaults.
 * A view's own selection (a force, a recommendation) is not a shared filter: it stays null here.
 */
export function filtersFromSearch(search: string, defaults: FilterDefaults): Filters {
  const params = new URLSearchParams(search);
  const asOf = params.get('asof');
  return {
    ...defaultFilters(defaults.asOf),
    asOf: asOf && isCalendarDate(asOf) ? asOf : defaults.asOf,
    inspections: list(params.get('insp')),
    region: params.get('region') || null,
    pendingCountsAsComplete: params.get('pending') === '1',
    statuses: list(params.get('status')).filter((s): s is PairStatus => PAIR_STATUSES.includes(s)),
  };
}

/** The address's as-of date when it is not a calendar day (it is ignored): to say so, not to fail. */
export function unreadableAsOf(search: string): string | null {
  const asOf = new URLSearchParams(search).get('asof');
  return asOf && !isCalendarDate(asOf) ? asOf : null;
}

/** Writes only what differs from the defaults, so a shared link stays short and readable. */
export function searchFromFilters(filters: Filters, defaults: FilterDefaults, base = ''): string {
  const params = new URLSearchParams(base);
  for (const key of FILTER_KEYS) params.delete(key);
  if (filters.asOf !== defaults.asOf) params.set('asof', filters.asOf);
  if (filters.inspections.length > 0) params.set('insp', filters.inspections.join(','));
  if (filters.region) params.set('region', filters.region);
  if (filters.pendingCountsAsComplete) params.set('pending', '1');
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}
