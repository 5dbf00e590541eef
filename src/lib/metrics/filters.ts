import type { SqlParam } from '../db/connector';
import type { PairStatus } from '../data/schema';

/** One recommendation of one inspection. */
export interface RecommendationRef {
  inspectionId: string;
  recNo: number;
}

/** How the tile map colours the forces. No query depends on it: the force rows carry all three. */
export type TileMeasure = 'compliance' | 'overdue' | 'pending';
export const TILE_MEASURES: readonly TileMeasure[] = ['compliance', 'overdue', 'pending'];

/** The columns the overdue list can be ordered by. */
export type OverdueSortKey = 'days_overdue' | 'force' | 'region' | 'inspection' | 'rec_no' | 'due_date' | 'last_update';
export const OVERDUE_SORT_KEYS: readonly OverdueSortKey[] = [
  'days_overdue', 'force', 'region', 'inspection', 'rec_no', 'due_date', 'last_update',
];
export interface OverdueSort {
  key: OverdueSortKey;
  descending: boolean;
}

/**
 * The filter state every metric takes: a plain value (not Svelte state), so metrics run under Node.
 */
export interface Filters {
  /** ISO date D: every figure is "as on D". */
  asOf: string;
  /** Inspection ids to include; empty means all. */
  inspections: readonly string[];
  /** Region name; null means the whole of England and Wales. */
  region: string | null;
  /** Count `pending_closure` as complete ("reported complete") instead of only `complete` ("signed off"). */
  pendingCountsAsComplete: boolean;
  /** Only pairs whose status on D is one of these; empty means every status. */
  statuses: readonly PairStatus[];
  /** The force selected (force_id); null means none. */
  force: string | null;
  /** One recommendation to look at alone; null means every recommendation in the filters. */
  recommendation: RecommendationRef | null;
  /** How the tile map is coloured. */
  measure: TileMeasure;
  /** The order of the overdue list. */
  overdueSort: OverdueSort;
}

/** "firearms-2023:3": how a recommendation is named in SQL parameters and in the URL. */
export function recommendationKey(ref: RecommendationRef | null): string {
  return ref ? `${ref.inspectionId}:${ref.recNo}` : '';
}

/**
 * Binds the filters to `$1..$7`, the order every metric's SQL expects:
 * $1 as-of date, $2 inspection ids (comma-separated, '' = all), $3 region ('' = all),
 * $4 pending closure counts as complete, $5 statuses (comma-separated, '' = all),
 * $6 force id ('' = all), $7 recommendation key ('' = all).
 * The measure and the overdue order are not metric filters and are not bound.
 */
export function filterParams(filters: Filters): SqlParam[] {
  return [
    filters.asOf,
    filters.inspections.join(','),
    filters.region ?? '',
    filters.pendingCountsAsComplete,
    filters.statuses.join(','),
    filters.force ?? '',
    recommendationKey(filters.recommendation),
  ];
}

export const DEFAULT_OVERDUE_SORT: OverdueSort = { key: 'days_overdue', descending: true };

/** The filters a fresh visit starts with: the whole country, every inspection, on `asOf`. */
export function defaultFilters(asOf: string): Filters {
  return {
    asOf,
    inspections: [],
    region: null,
    pendingCountsAsComplete: false,
    statuses: [],
    force: null,
    recommendation: null,
    measure: 'compliance',
    overdueSort: DEFAULT_OVERDUE_SORT,
  };
}
