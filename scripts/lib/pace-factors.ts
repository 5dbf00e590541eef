import { logNormalFactor, randomFor, uniform } from './seeded-random';

/**
 * How quickly each force works through recommendations, as a multiplier on the time it takes
 * (1 = to the deadline's scale, above 1 = slower), and how often it re-reports an unchanged status.
 * Forces and regions differ so that rankings and regional comparisons have something to show.
 */
export interface ForceTraits {
  /** Multiplier on time to complete: the force's own pace times its region's. */
  readonly pace: number;
  /** Chance that a quarterly checkpoint with no change still gets a row (repeated statuses, as in real registers). */
  readonly repeatRate: number;
}

export interface ForceForPace {
  readonly force_id: string;
  readonly region: string;
}

/** How many regions are made markedly slower than the rest. */
const SLOW_REGION_COUNT = 2;
const SLOW_REGION_PACE = 1.4;

/**
 * Region pace: a couple of regions (chosen by the seed, not by any real evidence) markedly slower,
 * the others close to 1.
 */
export function regionPaces(seed: number, regions: readonly string[]): Map<string, number> {
  const distinct = [...new Set(regions)].sort();
  // Rank regions by a seeded draw so which ones are slow depends only on the seed and the names.
  const ranked = distinct
    .map((region) => ({ region, draw: randomFor(seed, 'region-pace', region)() }))
    .sort((a, b) => b.draw - a.draw || (a.region < b.region ? -1 : 1));
  const paces = new Map<string, number>();
  ranked.forEach(({ region, draw }, rank) => {
    paces.set(region, rank < SLOW_REGION_COUNT ? SLOW_REGION_PACE : 0.9 + 0.15 * draw);
  });
  return paces;
}

/** Traits for every force, keyed by force_id. */
export function forceTraits(seed: number, forces: readonly ForceForPace[]): Map<string, ForceTraits> {
  const byRegion = regionPaces(seed, forces.map((force) => force.region));
  const traits = new Map<string, ForceTraits>();
  for (const force of forces) {
    const random = randomFor(seed, 'force-pace', force.force_id);
    const regionPace = byRegion.get(force.region) ?? 1;
    traits.set(force.force_id, {
      // A spread of 0.3 gives a few forces roughly twice as fast or slow as the typical one.
      pace: regionPace * logNormalFactor(random, 0.3),
      repeatRate: uniform(random, 0.2, 0.7),
    });
  }
  return traits;
}
