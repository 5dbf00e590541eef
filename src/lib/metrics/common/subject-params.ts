import { defaultFilters, filterParams, type Filters } from './filters';
import type { SqlParam } from '../../db/connector';

// Counted, not hard-coded: a filter added to `filterParams` shifts these slots instead of colliding.
const FILTER_SLOTS = filterParams(defaultFilters('2000-01-01')).length;

/**
 * The placeholder of the n-th subject parameter (1-based): the values a view adds after the shared
 * filters, such as the force or the inspection it is about.
 */
export function subjectSlot(n: number): string {
  return `$${FILTER_SLOTS + n}`;
}

/** The filters' parameters followed by the subject's, in slot order. */
export function withSubject(filters: Filters, ...subject: SqlParam[]): SqlParam[] {
  return [...filterParams(filters), ...subject];
}

/** A comma-separated list, as the SQL reads it with `string_split`. */
export function idList(ids: readonly string[]): string {
  return ids.join(',');
}
