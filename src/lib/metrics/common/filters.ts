import type { SqlParam } from '../../db/connector';
import type { PairStatus } from '../../data/schema';

/** One recommendation of one inspection. */
export interface RecommendationRef {
  inspectionId: string;
  recNo: number;
}

/**
 * The filter state every metric takes: a plain value (not Svelte state), so metrics run under Node.
 * The URL's shared filters (every view) fill the first five; a view narrows to one force or one
 * recommendation from its own selection, so a selection never leaks into another view's figures.
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
  /** One force (force_id) to narrow to; null means every force. */
  force: string | null;
  /** One recommendation to narrow to; null means every recommendation in the filters. */
  recommendation: RecommendationRef | null;
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
  };
}
