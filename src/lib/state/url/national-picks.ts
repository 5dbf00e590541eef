import type { Filters, RecommendationRef } from '../../metrics/common/filters';
import type { NationalSelection } from './national-selection';

/** A change to the shared filters and to the national view's selection, made as one history entry. */
export interface ViewChange {
  filters?: Partial<Filters>;
  selection?: Partial<NationalSelection>;
}

/**
 * Choosing a force selects it, or clears it when it was already selected. A force outside the region
 * chosen clears the region, so the figures never narrow to nothing.
 */
export function pickForce(forceId: string, forceRegion: string | undefined, filters: Filters, selection: NationalSelection): ViewChange {
  if (selection.force === forceId) return { selection: { force: null } };
  const leavesRegion = filters.region !== null && forceRegion !== undefined && forceRegion !== filters.region;
  return { selection: { force: forceId }, ...(leavesRegion ? { filters: { region: null } } : {}) };
}

/** Choosing a region filters by it, or clears it when it was already chosen; a selected force outside it is let go. */
export function pickRegion(region: string, selectedForceRegion: string | undefined, filters: Filters): ViewChange {
  if (filters.region === region) return { filters: { region: null } };
  const dropsForce = selectedForceRegion !== undefined && selectedForceRegion !== region;
  return { filters: { region }, ...(dropsForce ? { selection: { force: null } } : {}) };
}

/** Choosing a recommendation looks at it alone, or goes back to all when it was already chosen. */
export function pickRecommendation(ref: RecommendationRef, selection: NationalSelection): ViewChange {
  const same = selection.recommendation?.inspectionId === ref.inspectionId && selection.recommendation.recNo === ref.recNo;
  return { selection: { recommendation: same ? null : ref } };
}
