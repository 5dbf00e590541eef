import { logNormalFactor, randomFor, uniform } from './seeded-random';

/**
 * How quickly each force works through recommendations, as a multiplier on the time it takes
 * (1 = to the deadline's scale, above 1 = slower), how often it re-reports an unchanged status,
 * how many of its items stall, and whether its tracker stopped being updated. Forces and regions
 * differ as real trackers do, so rankings and regional comparisons have something to show.
 */
export interface ForceTraits {
  /** Multiplier on time to complete: the force's own pace times its region's. */
  readonly pace: number;
  /** Chance that a quarterly checkpoint with no change still gets a row (repeated statuses, as in real registers). */
  readonly repeatRate: number;
  /** Share of its items that stall for years (awaiting a national product, funding, a new system). */
  readonly stallRate: number;
  /** Epoch day of the force's last report when its tracker stopped being updated; null while it still reports. */
  readonly lastReport: number | null;
}

export interface ForceForPace {
  readonly force_id: string;
  readonly region: string;
}

/** Region paces run from brisk to slow, spread evenly by a seeded ranking. */
const FASTEST_REGION_PACE = 0.75;
const SLOWEST_REGION_PACE = 1.6;
/** A spread of 0.45 gives a few forces roughly twice as fast or slow as the typical one. */
const FORCE_PACE_SPREAD = 0.45;
const STALL_RATE_RANGE = [0.1, 0.4] as const;
/** About one force in seven has a tracker that stopped being updated 9 to 24 months before the end. */
const STOPPED_TRACKER_SHARE = 0.15;
const STOPPED_DAYS_BEFORE_END = [270, 730] as const;

/**
 * Region pace: regions ranked by a seeded draw (not by any real evidence) and spread evenly from
 * the fastest to the slowest pace, so the regional comparison shows a clear gradient.
 */
export function regionPaces(seed: number, regions: readonly string[]): Map<string, number> {
  const distinct = [...new Set(regions)].sort();
  const ranked = distinct
    .map((region) => ({ region, draw: randomFor(seed, 'region-pace', region)() }))
    .sort((a, b) => b.draw - a.draw || (a.region < b.region ? -1 : 1));
  const paces = new Map<string, number>();
  const steps = Math.max(ranked.length - 1, 1);
  ranked.forEach(({ region }, rank) => {
    paces.set(region, FASTEST_REGION_PACE + ((SLOWEST_REGION_PACE - FASTEST_REGION_PACE) * rank) / steps);
  });
  return paces;
}

/** Traits for every force, keyed by force_id; `until` is the epoch day of the last possible update. */
export function forceTraits(seed: number, forces: readonly ForceForPace[], until: number): Map<string, ForceTraits> {
  const byRegion = regionPaces(seed, forces.map((force) => force.region));
  const traits = new Map<string, ForceTraits>();
  for (const force of forces) {
    const random = randomFor(seed, 'force-pace', force.force_id);
    const regionPace = byRegion.get(force.region) ?? 1;
    const pace = regionPace * logNormalFactor(random, FORCE_PACE_SPREAD);
    const repeatRate = uniform(random, 0.2, 0.7);
    const stallRate = uniform(random, ...STALL_RATE_RANGE);
    const stopped = random() < STOPPED_TRACKER_SHARE;
    const lastReport = stopped ? until - Math.round(uniform(random, ...STOPPED_DAYS_BEFORE_END)) : null;
    traits.set(force.force_id, { pace, repeatRate, stallRate, lastReport });
  }
  return traits;
}
