import type { PairStatus } from '../data/schema';
import { CANONICAL_STATUSES, NO_UPDATE } from '../data/schema';
import {
  DEFAULT_OVERDUE_SORT, OVERDUE_SORT_KEYS, TILE_MEASURES, defaultFilters, recommendationKey,
  type Filters, type OverdueSort, type OverdueSortKey, type RecommendationRef, type TileMeasure,
} from '../metrics/filters';

/** What the URL may hold; anything absent takes its default. */
export interface FilterDefaults {
  asOf: string;
}

/** The query parameters the filters own; every other parameter (the view, an embed) is left alone. */
export const FILTER_KEYS = ['asof', 'insp', 'region', 'pending', 'status', 'force', 'rec', 'measure', 'sort'] as const;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PAIR_STATUSES: readonly string[] = [...CANONICAL_STATUSES, NO_UPDATE];

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

function recommendationFrom(value: string | null): RecommendationRef | null {
  const match = value?.match(/^(.+):(\d+)$/);
  return match ? { inspectionId: match[1]!, recNo: Number(match[2]) } : null;
}

/** "force-asc", "days_overdue" (descending is each column's first click, so the default). */
function sortFrom(value: string | null): OverdueSort {
  const match = value?.match(/^([a-z_]+?)(?:-(asc|desc))?$/);
  const key = match?.[1] as OverdueSortKey | undefined;
  if (!key || !OVERDUE_SORT_KEYS.includes(key)) return DEFAULT_OVERDUE_SORT;
  return { key, descending: match?.[2] !== 'asc' };
}

function sortText(sort: OverdueSort): string {
  return `${sort.key}-${sort.descending ? 'desc' : 'asc'}`;
}

/** Reads filters from a query string; unknown or malformed values fall back to the defaults. */
export function filtersFromSearch(search: string, defaults: FilterDefaults): Filters {
  const params = new URLSearchParams(search);
  const asOf = params.get('asof');
  const measure = params.get('measure') as TileMeasure | null;
  const force = params.get('force');
  return {
    ...defaultFilters(defaults.asOf),
    asOf: asOf && ISO_DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)) ? asOf : defaults.asOf,
    inspections: list(params.get('insp')),
    region: params.get('region') || null,
    pendingCountsAsComplete: params.get('pending') === '1',
    statuses: list(params.get('status')).filter((s): s is PairStatus => PAIR_STATUSES.includes(s)),
    force: force && /^[a-z0-9-]+$/.test(force) ? force : null,
    recommendation: recommendationFrom(params.get('rec')),
    measure: measure && TILE_MEASURES.includes(measure) ? measure : 'compliance',
    overdueSort: sortFrom(params.get('sort')),
  };
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
  if (filters.force) params.set('force', filters.force);
  if (filters.recommendation) params.set('rec', recommendationKey(filters.recommendation));
  if (filters.measure !== 'compliance') params.set('measure', filters.measure);
  if (sortText(filters.overdueSort) !== sortText(DEFAULT_OVERDUE_SORT)) params.set('sort', sortText(filters.overdueSort));
  const text = params.toString();
  return text ? `?${text}` : '';
}
