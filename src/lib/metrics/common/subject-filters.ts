import { defaultFilters, type Filters } from './filters';

/**
 * The filters a force benchmark honours: the date, the inspections and the counting rule. Region,
 * status, force and recommendation filters would cut away the comparison itself, so they reset.
 */
export function benchmarkFilters(filters: Filters): Filters {
  return {
    ...defaultFilters(filters.asOf),
    inspections: [...filters.inspections],
    pendingCountsAsComplete: filters.pendingCountsAsComplete,
  };
}

/** The filters an inspection's own view honours: the date and the counting rule (it names its inspection). */
export function inspectionFilters(filters: Filters): Filters {
  return { ...defaultFilters(filters.asOf), pendingCountsAsComplete: filters.pendingCountsAsComplete };
}
