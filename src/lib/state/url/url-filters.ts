import type { PairStatus } from '../../data/schema';
import { CANONICAL_STATUSES, NO_UPDATE } from '../../data/schema';
import { defaultFilters, type Filters } from '../../metrics/common/filters';
import { isCalendarDate } from './calendar-date';

/** What the URL may hold; anything absent takes its default. */
export interface FilterDefaults {
  asOf: string;
  /** The inspections the user's own statuses cover, in id order; empty (every inspection) with the demo data. */
  inspections: readonly string[];
}

/** `insp=all`: every inspection, chosen, when the default is the user's own. */
export const ALL_INSPECTIONS = 'all';

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
    inspections: inspectionsFrom(params.get('insp'), defaults),
    region: params.get('region') || null,
    pendingCountsAsComplete: params.get('pending') === '1',
    statuses: list(params.get('status')).filter((s): s is PairStatus => PAIR_STATUSES.includes(s)),
  };
}

/** No `insp` takes the default; `insp=all` is every inspection; otherwise the ids listed. */
function inspectionsFrom(value: string | null, defaults: FilterDefaults): string[] {
  if (value === ALL_INSPECTIONS) return [];
  return value ? list(value) : [...defaults.inspections];
}

export const sameInspections = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id) => b.includes(id));

/** The `insp` value for a choice, or null when it is the default (the URL then follows the data). */
function inspectionsParam(chosen: readonly string[], defaults: FilterDefaults): string | null {
  if (sameInspections(chosen, defaults.inspections)) return null;
  return chosen.length === 0 ? ALL_INSPECTIONS : chosen.join(',');
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
  const insp = inspectionsParam(filters.inspections, defaults);
  if (insp) params.set('insp', insp);
  if (filters.region) params.set('region', filters.region);
  if (filters.pendingCountsAsComplete) params.set('pending', '1');
  if (filters.statuses.length > 0) params.set('status', filters.statuses.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}
