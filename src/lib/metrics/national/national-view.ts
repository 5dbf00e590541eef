import type { Connector } from '../../db/connector';
import { filterParams, recommendationKey, type Filters } from '../common/filters';
import { forceCompliance, headlineOn, regionStatusMix, type ForceCompliance, type Headline, type RegionStatusShare } from './national.sql';
import { inspectionOptions, type InspectionOption } from '../common/inspection-options.sql';
import { DEFAULT_OVERDUE_SORT, OVERDUE_LIST_LIMIT, overdueList, type OverdueList, type OverdueSort } from './overdue.sql';
import { complianceTrends, type TrendPoint } from './trends.sql';
import { trendMarkers, type TrendMarker } from './trend-markers.sql';
import {
  complianceTrendsFast, forceComplianceFast, headlineFast, nationalFiguresFast, regionStatusMixFast,
} from '../preagg/national-fast.sql';
import { DEFAULT_STALE_DAYS, freshnessPart, type Freshness } from './freshness.sql';
import { sourcesFor } from '../preagg/query-sources';
import { inputsOf, runParts, type ViewParts } from '../common/view-parts';

/**
 * The national figures come from the daily counts per force (same rows, far fewer read: see
 * tests/sql/metrics/preagg-equivalence.test.ts) unless one recommendation is chosen, which they do not
 * keep apart; the headline's count of recommendations also needs the pairs under a status filter.
 * Those, and the overdue list, read each pair's state on D instead (preagg-pair-states.test.ts).
 * Until a load's pre-aggregates are built, every figure comes from the plain SQL (query-sources.ts).
 */
const usePreaggregates = (db: Connector, filters: Filters) => sourcesFor(db).national && filters.recommendation === null;
// `stale`: the freshness threshold the national figures statement is asked with (every part the same).
const headlineOf = (db: Connector, f: Filters, stale: number) =>
  usePreaggregates(db, f) && f.statuses.length === 0 ? headlineFast(db, f, stale) : headlineOn(db, f, sourcesFor(db).headlinePairs);
const forceComplianceOf = (db: Connector, f: Filters, stale: number) =>
  usePreaggregates(db, f) ? forceComplianceFast(db, f, stale) : forceCompliance(db, f, sourcesFor(db).pairs);
const regionStatusMixOf = (db: Connector, f: Filters, stale: number) =>
  usePreaggregates(db, f) ? regionStatusMixFast(db, f, stale) : regionStatusMix(db, f, sourcesFor(db).pairs);
const complianceTrendsOf = (db: Connector, f: Filters, stale: number) =>
  usePreaggregates(db, f) ? complianceTrendsFast(db, f, stale) : complianceTrends(db, f, sourcesFor(db).intervals);

/**
 * Everything the national view shows for one set of filters. Charts that compare forces or regions
 * see every force and region (the region and the force chosen are highlighted, not filtered out);
 * the headline and the overdue list see every filter.
 */
export interface NationalViewData {
  filters: Filters;
  overdueSort: OverdueSort;
  /** The inspections the filter bar offers. */
  inspections: InspectionOption[];
  headline: Headline;
  /** All 43 forces. */
  forces: ForceCompliance[];
  /** Every region's status mix. */
  regionMix: RegionStatusShare[];
  /** The selected force's status mix; empty when no force is selected. */
  forceMix: RegionStatusShare[];
  overdue: OverdueList;
  /** England and Wales (region null) and each region, over time. */
  trends: TrendPoint[];
  /** The selected force over time (region null); empty when no force is selected. */
  forceTrend: TrendPoint[];
  markers: TrendMarker[];
  /** How fresh each force's data is: every force, whatever the region, force and status filters. */
  freshness: Freshness;
}

export type NationalPart = Exclude<keyof NationalViewData, 'filters' | 'overdueSort'>;

/**
 * The national view's queries for one set of filters, each with the inputs it reads: the region
 * and the force chosen change only the parts that see them.
 */
export function nationalViewParts(
  db: Connector, filters: Filters, overdueSort: OverdueSort = DEFAULT_OVERDUE_SORT, overdueRows = OVERDUE_LIST_LIMIT,
  staleDays = DEFAULT_STALE_DAYS,
): ViewParts<Pick<NationalViewData, NationalPart>> {
  const everyForce: Filters = { ...filters, region: null, force: null };
  const oneForce: Filters | null = filters.force ? { ...filters, region: null } : null;
  const figuresInputs = (f: Filters) => inputsOf([...filterParams(f), staleDays]);
  return {
    inspections: { inputs: '', run: () => inspectionOptions(db) },
    headline: { inputs: figuresInputs(filters), run: () => headlineOf(db, filters, staleDays) },
    forces: { inputs: figuresInputs(everyForce), run: () => forceComplianceOf(db, everyForce, staleDays) },
    regionMix: { inputs: figuresInputs(everyForce), run: () => regionStatusMixOf(db, everyForce, staleDays) },
    forceMix: {
      inputs: oneForce ? figuresInputs(oneForce) : 'none',
      run: async () => (oneForce ? regionStatusMixOf(db, oneForce, staleDays) : []),
    },
    overdue: {
      inputs: inputsOf([...filterParams(filters), overdueSort.key, overdueSort.descending, overdueRows]),
      run: () => overdueList(db, filters, overdueSort, overdueRows, sourcesFor(db).overduePairs),
    },
    trends: { inputs: figuresInputs(everyForce), run: () => complianceTrendsOf(db, everyForce, staleDays) },
    forceTrend: {
      inputs: oneForce ? figuresInputs(oneForce) : 'none',
      run: async () => (oneForce ? (await complianceTrendsOf(db, oneForce, staleDays)).filter((p) => p.region === null) : []),
    },
    markers: {
      inputs: inputsOf([filters.asOf, filters.inspections.join(','), recommendationKey(filters.recommendation)]),
      run: () => trendMarkers(db, filters),
    },
    // Every force, as the forces' chart: from the national figures statement they already ask
    // (it counts every status whatever the filter), else a statement of its own.
    freshness: usePreaggregates(db, everyForce)
      ? { inputs: figuresInputs(everyForce), run: async () => (await nationalFiguresFast(db, everyForce, staleDays)).freshness! }
      : freshnessPart(db, filters, staleDays),
  };
}

/**
 * The national view's queries for one set of filters, run together (the view itself asks them
 * through the query coordinator, which re-runs only the parts whose inputs changed). The
 * build-time snapshot records exactly these queries for the default filters, so the first view
 * draws before the engine starts.
 */
export async function loadNationalView(
  db: Connector,
  filters: Filters,
  { overdueSort = DEFAULT_OVERDUE_SORT, staleDays = DEFAULT_STALE_DAYS }: { overdueSort?: OverdueSort; staleDays?: number } = {},
): Promise<NationalViewData> {
  return { filters, overdueSort, ...(await runParts(nationalViewParts(db, filters, overdueSort, OVERDUE_LIST_LIMIT, staleDays))) };
}
