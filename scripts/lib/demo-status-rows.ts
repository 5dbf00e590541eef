import { dayToIso, isoToDay, monthEndsBetween, quarterEndsBetween } from './calendar-days';
import type { CanonicalStatus } from '../../src/lib/data/schema';
import { forceTraits, type ForceTraits } from './pace-factors';
import { isForForces, type ForceRow, type InspectionRow, type RecommendationRow } from './reference-rows';
import { randomFor } from './seeded-random';
import { statusHistory, type PairTimeline } from './status-history';
import { syntheticInspection, syntheticRecommendations } from './synthetic-inspections';

/** One row of the status_updates table, as the data contract names its columns. */
export interface StatusRow {
  readonly force_id: string;
  readonly inspection_id: string;
  readonly rec_no: number;
  readonly status: CanonicalStatus;
  /** ISO date (YYYY-MM-DD). */
  readonly as_of: string;
  readonly evidence: string | null;
  readonly source: 'illustrative';
}

export interface DemoInput {
  readonly forces: readonly ForceRow[];
  readonly inspections: readonly InspectionRow[];
  readonly recommendations: readonly RecommendationRow[];
}

export interface DemoOptions {
  readonly seed: number;
  /** ISO date of the last possible update, fixed so the output never depends on today's date. */
  readonly until: string;
  /** Exact number of rows wanted; undefined gives the natural histories whole. */
  readonly updates?: number | undefined;
}

/** One for-forces recommendation, ready to generate histories for. */
interface PlannedRecommendation {
  readonly inspectionId: string;
  readonly recNo: number;
  readonly timeline: PairTimeline;
}

/** Synthetic inspections in a row yielding nothing means --until leaves them no checkpoints: stop, don't spin. */
const MAX_BARREN_SYNTHETIC_INSPECTIONS = 1000;

function parseRecNo(rec: RecommendationRow): number {
  const recNo = Number(rec.rec_no);
  if (!Number.isInteger(recNo) || recNo < 0 || recNo > 2 ** 31 - 1) {
    throw new Error(`Recommendation ${rec.inspection_id} #${rec.rec_no}: rec_no is not a whole number`);
  }
  return recNo;
}

/**
 * For-forces recommendations in a stable order (inspection publication date, inspection id,
 * rec_no), whatever order the files list them in, so truncation keeps the same pairs every time.
 */
function planRecommendations(
  inspections: readonly InspectionRow[],
  recommendations: readonly RecommendationRow[],
  until: number,
  checkpointsBetween: (after: number, until: number) => number[],
): PlannedRecommendation[] {
  const published = new Map(inspections.map((inspection) => [inspection.inspection_id, inspection.published]));
  const seen = new Set<string>();
  const planned: (PlannedRecommendation & { readonly publishedIso: string })[] = [];
  for (const rec of recommendations) {
    if (!isForForces(rec)) continue;
    const publishedIso = published.get(rec.inspection_id);
    if (publishedIso === undefined) {
      throw new Error(`Recommendation ${rec.inspection_id} #${rec.rec_no}: no inspection "${rec.inspection_id}"`);
    }
    const recNo = parseRecNo(rec);
    const key = `${rec.inspection_id}\u0000${recNo}`;
    if (seen.has(key)) throw new Error(`Recommendation ${rec.inspection_id} #${recNo} is listed twice`);
    seen.add(key);
    const publishedDay = isoToDay(publishedIso);
    planned.push({
      inspectionId: rec.inspection_id,
      recNo,
      publishedIso,
      timeline: {
        published: publishedDay,
        due: rec.due_date.trim() === '' ? null : isoToDay(rec.due_date.trim()),
        checkpoints: checkpointsBetween(publishedDay, until),
      },
    });
  }
  return planned.sort(
    (a, b) =>
      (a.publishedIso < b.publishedIso ? -1 : a.publishedIso > b.publishedIso ? 1 : 0) ||
      (a.inspectionId < b.inspectionId ? -1 : a.inspectionId > b.inspectionId ? 1 : 0) ||
      a.recNo - b.recNo,
  );
}

/** Memoised day → ISO: a few hundred distinct dates serve millions of rows. */
function isoCache(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let iso = cache.get(day);
    if (iso === undefined) {
      iso = dayToIso(day);
      cache.set(day, iso);
    }
    return iso;
  };
}

/**
 * Illustrative status_updates rows, deterministic for the same input and options.
 *
 * Rows come pair by pair (recommendation, then force in force_id order), each pair's history whole
 * and in date order. Natural histories use quarter-end checkpoints. With `updates` below the natural
 * count, output stops after exactly that many rows; above it, synthetic inspections with month-end
 * checkpoints follow until exactly that many rows have been produced.
 */
export function* generateStatusRows(input: DemoInput, options: DemoOptions): Generator<StatusRow> {
  const { seed } = options;
  const until = isoToDay(options.until);
  const limit = options.updates ?? Number.POSITIVE_INFINITY;
  if (!(limit >= 0) || (options.updates !== undefined && !Number.isInteger(options.updates))) {
    throw new Error(`updates must be a whole number of rows, not ${String(options.updates)}`);
  }
  const forceIds = input.forces.map((force) => force.force_id).sort();
  const traits = forceTraits(seed, input.forces, until);
  const toIso = isoCache();
  let emitted = 0;

  /** Every force's history for one recommendation; false once the row limit is reached. */
  function* pairsFor(rec: PlannedRecommendation): Generator<StatusRow, boolean> {
    for (const forceId of forceIds) {
      const random = randomFor(seed, forceId, rec.inspectionId, rec.recNo);
      for (const entry of statusHistory(rec.timeline, traits.get(forceId) as ForceTraits, random)) {
        if (emitted >= limit) return false;
        emitted++;
        yield {
          force_id: forceId,
          inspection_id: rec.inspectionId,
          rec_no: rec.recNo,
          status: entry.status,
          as_of: toIso(entry.asOf),
          evidence: entry.evidence,
          source: 'illustrative',
        };
      }
    }
    return emitted < limit;
  }

  for (const rec of planRecommendations(input.inspections, input.recommendations, until, quarterEndsBetween)) {
    if (!(yield* pairsFor(rec))) return;
  }
  if (options.updates === undefined || emitted >= limit) return;
  if (forceIds.length === 0) throw new Error('No forces to generate synthetic rows for');

  // Benchmark sizes: monthly updates on synthetic inspections add rows quickly without real-looking content.
  let barren = 0;
  for (let index = 1; barren < MAX_BARREN_SYNTHETIC_INSPECTIONS; index++) {
    const inspection = syntheticInspection(index);
    const before = emitted;
    const planned = planRecommendations(
      [inspection],
      syntheticRecommendations(inspection),
      until,
      monthEndsBetween,
    );
    for (const rec of planned) {
      if (!(yield* pairsFor(rec))) return;
    }
    barren = emitted === before ? barren + 1 : 0;
  }
  throw new Error(`No synthetic inspection has any month end on or before ${options.until}: cannot reach ${limit} rows`);
}
