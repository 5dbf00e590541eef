import type { Filters } from '../../metrics/common/filters';
import { defaultFilters } from '../../metrics/common/filters';
import { formatDate } from '../../charts/shared/format';
import { STATUS_LABELS } from '../../charts/shared/palette';
import { sameInspections, type FilterDefaults } from './url-filters';
import type { NationalSelection } from './national-selection';
import type { ViewChange } from './national-picks';

/** One active filter or selection, in words, and the change that removes it. */
export interface FilterChip {
  key: string;
  label: string;
  clear: ViewChange;
}

export interface ChipNames {
  inspection: (id: string) => string;
  force: (id: string) => string;
}

/** Every filter and selection that differs from a fresh visit, as removable chips. */
export function filterChips(filters: Filters, selection: NationalSelection, defaults: FilterDefaults, names: ChipNames): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filters.asOf !== defaults.asOf) {
    chips.push({ key: 'asof', label: `As on ${formatDate(filters.asOf)}`, clear: { filters: { asOf: defaults.asOf } } });
  }
  // The default scope (the inspections the user's statuses cover) is said by the scope note, not as chips.
  const ownInspections = sameInspections(filters.inspections, defaults.inspections) ? [] : filters.inspections;
  for (const id of ownInspections) {
    chips.push({
      key: `insp:${id}`,
      label: `Inspection: ${names.inspection(id)}`,
      clear: { filters: { inspections: filters.inspections.filter((other) => other !== id) } },
    });
  }
  if (filters.region) chips.push({ key: 'region', label: `Region: ${filters.region}`, clear: { filters: { region: null } } });
  for (const status of filters.statuses) {
    chips.push({
      key: `status:${status}`,
      label: `Status: ${STATUS_LABELS[status]}`,
      clear: { filters: { statuses: filters.statuses.filter((other) => other !== status) } },
    });
  }
  if (filters.pendingCountsAsComplete) {
    chips.push({ key: 'pending', label: 'Pending closure counted as complete', clear: { filters: { pendingCountsAsComplete: false } } });
  }
  if (selection.force) chips.push({ key: 'force', label: `Force: ${names.force(selection.force)}`, clear: { selection: { force: null } } });
  if (selection.recommendation) {
    const { inspectionId, recNo } = selection.recommendation;
    chips.push({
      key: 'rec',
      label: `Recommendation ${recNo} of ${names.inspection(inspectionId)}`,
      clear: { selection: { recommendation: null } },
    });
  }
  return chips;
}

/** Back to a fresh visit's filters and no selection; the tile map's measure and the list's order stay. */
export function clearAll(defaults: FilterDefaults): ViewChange {
  const fresh = defaultFilters(defaults.asOf);
  return {
    filters: {
      asOf: fresh.asOf, inspections: [...defaults.inspections], region: fresh.region,
      pendingCountsAsComplete: fresh.pendingCountsAsComplete, statuses: fresh.statuses,
    },
    selection: { force: null, recommendation: null },
  };
}
