import type { PairStatus } from '../../../src/lib/data/schema';
import { defaultFilters, type Filters, type RecommendationRef } from '../../../src/lib/metrics/common/filters';

const STATUS_SETS: PairStatus[][] = [
  [], ['complete'], ['in_progress', 'no_update'], ['superseded', 'pending_closure'], ['not_applicable', 'not_started'],
];

/**
 * Filter combinations for equivalence tests: every date × inspection set × region, with the force,
 * the recommendation, the counting rule and the status filter varied in turn rather than
 * multiplied out (no two of them cycle together, so they meet in many pairings).
 */
export function filterCombinations(
  dates: string[], inspections: string[][], regions: (string | null)[], forces: (string | null)[],
  recommendations: (RecommendationRef | null)[] = [null],
): Filters[] {
  const out: Filters[] = [];
  let i = 0;
  for (const asOf of dates) {
    for (const insp of inspections) {
      for (const region of regions) {
        i += 1;
        out.push({
          ...defaultFilters(asOf),
          inspections: insp,
          region,
          force: forces[i % forces.length] ?? null,
          recommendation: recommendations[i % recommendations.length] ?? null,
          pendingCountsAsComplete: i % 2 === 0,
          statuses: [...STATUS_SETS[i % STATUS_SETS.length]!],
        });
      }
    }
  }
  return out;
}
