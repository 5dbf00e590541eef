import type { SqlParam } from '../db/connector';

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
}

/**
 * Binds the filters to `$1..$4`, the order every metric's SQL expects:
 * $1 as-of date, $2 inspection ids (comma-separated, '' = all), $3 region ('' = all),
 * $4 pending closure counts as complete.
 */
export function filterParams(filters: Filters): SqlParam[] {
  return [
    filters.asOf,
    filters.inspections.join(','),
    filters.region ?? '',
    filters.pendingCountsAsComplete,
  ];
}

/** The filters a fresh visit starts with: the whole country, every inspection, on `asOf`. */
export function defaultFilters(asOf: string): Filters {
  return { asOf, inspections: [], region: null, pendingCountsAsComplete: false };
}
