import type { Connector } from '../../src/lib/db/connector';
import type { PairStatus } from '../../src/lib/data/schema';
import { defaultFilters, type Filters, type RecommendationRef } from '../../src/lib/metrics/common/filters';
import { forceViewParts } from '../../src/lib/metrics/force/force-view';
import { inspectionViewParts } from '../../src/lib/metrics/inspection/inspection-view';
import { nationalViewParts } from '../../src/lib/metrics/national/national-view';
import { rowsOf } from '../../src/lib/metrics/common/rows';
import type { ViewPart } from '../../src/lib/metrics/common/view-parts';

/** One kind of user interaction: the queries it runs on its i-th repetition, by part name. */
export interface Interaction {
  view: 'national' | 'force' | 'inspection';
  name: string;
  parts(i: number): Record<string, ViewPart<unknown>>;
  /**
   * The parts of the state a change starts from, whose answers the page holds before it: asked
   * first, untimed, so what the change asks again of them comes from the cache, as in the page.
   */
  before?(): Record<string, ViewPart<unknown>>;
}

/** The values the interactions cycle through, read from the data so every size has its own. */
interface Choices {
  lastUpdate: string;
  regions: string[];
  forces: string[];
  inspections: string[];
  recommendations: RecommendationRef[];
}

async function readChoices(db: Connector): Promise<Choices> {
  const [row] = rowsOf<{ last_update: string }>(await db.query('SELECT max(as_of) AS last_update FROM status_updates'));
  const strings = async (sql: string) => rowsOf<{ v: string }>(await db.query(sql)).map((r) => r.v);
  return {
    lastUpdate: row!.last_update,
    regions: await strings('SELECT DISTINCT region AS v FROM forces ORDER BY v'),
    forces: await strings('SELECT force_id AS v FROM forces ORDER BY v'),
    inspections: await strings(`SELECT DISTINCT inspection_id AS v FROM recommendations WHERE for_forces ORDER BY v`),
    recommendations: rowsOf<{ inspection_id: string; rec_no: number }>(
      await db.query('SELECT inspection_id, rec_no FROM recommendations WHERE for_forces ORDER BY inspection_id, rec_no'),
    ).map((r) => ({ inspectionId: r.inspection_id, recNo: r.rec_no })),
  };
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
/** Spread over the whole list, so repetitions do not all land on neighbours. */
const spread = <T>(list: readonly T[], i: number): T => list[(i * 7919) % list.length]!;

/** D minus 17·(i+1) days: a different as-of date each time, back over about three years. */
function earlier(iso: string, i: number): string {
  const day = new Date(`${iso}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 17 * ((i % 64) + 1));
  return day.toISOString().slice(0, 10);
}

const STATUS_SETS: PairStatus[][] = [
  ['in_progress'], ['complete'], ['no_update', 'not_started'], ['pending_closure', 'complete'], ['superseded', 'not_applicable'],
];

/** The national view's parts (its freshness marks among them). */
const nationalParts = (db: Connector, filters: Filters): Record<string, ViewPart<unknown>> => nationalViewParts(db, filters);

/** The national view's parts whose inputs change from `from` to `to`: what the query coordinator re-runs. */
function nationalChange(db: Connector, from: Filters, to: Filters): Record<string, ViewPart<unknown>> {
  const before = nationalParts(db, from);
  return Object.fromEntries(Object.entries(nationalParts(db, to)).filter(([name, part]) => before[name]!.inputs !== part.inputs));
}

/** A change of the national view from `base` to `to(i)`, its answers for `base` held first. */
const nationalInteraction = (db: Connector, base: Filters, name: string, to: (i: number) => Filters): Interaction =>
  ({ view: 'national', name, parts: (i) => nationalChange(db, base, to(i)), before: () => nationalParts(db, base) });

export async function interactionsOf(db: Connector): Promise<Interaction[]> {
  const c = await readChoices(db);
  const base = defaultFilters(c.lastUpdate);
  const subject = (force: string) => ({ force, compare: null, peers: [pick(c.forces, force.length), pick(c.forces, force.length + 5)] });
  return [
    nationalInteraction(db, base, 'as-of change', (i) => ({ ...base, asOf: earlier(c.lastUpdate, i) })),
    nationalInteraction(db, base, 'region change', (i) => ({ ...base, region: pick(c.regions, i) })),
    nationalInteraction(db, base, 'force selection', (i) => ({ ...base, force: pick(c.forces, i) })),
    nationalInteraction(db, base, 'recommendation selection', (i) => ({ ...base, recommendation: spread(c.recommendations, i) })),
    nationalInteraction(db, base, 'status filter', (i) => ({ ...base, statuses: pick(STATUS_SETS, i) })),
    { view: 'force', name: 'force change', parts: (i) => forceViewParts(db, base, subject(pick(c.forces, i))) },
    { view: 'force', name: 'as-of change', parts: (i) => forceViewParts(db, { ...base, asOf: earlier(c.lastUpdate, i) }, subject('cheshire')) },
    { view: 'inspection', name: 'inspection change', parts: (i) => inspectionViewParts(db, base, spread(c.inspections, i)) },
    {
      view: 'inspection', name: 'as-of change',
      parts: (i) => inspectionViewParts(db, { ...base, asOf: earlier(c.lastUpdate, i) }, 'firearms-2023'),
    },
  ];
}
