import type { Connector } from '../../db/connector';
import { filterParams, recommendationKey, type Filters } from '../common/filters';
import { forceCompliance, headlineOn, regionStatusMix, type ForceCompliance, type Headline, type RegionStatusShare } from './national.sql';
import { inspectionOptions, type InspectionOption } from '../common/inspection-options.sql';
import { DEFAULT_OVERDUE_SORT, OVERDUE_LIST_LIMIT, overdueList, type OverdueList, type OverdueSort } from './overdue.sql';
import { complianceTrends, type TrendPoint } from './trends.sql';
import { trendMarkers, type TrendMarker } from './trend-markers.sql';
import {
  complianceTrendsFast, forceComplianceFast, headlineFast, regionStatusMixFast,
} from '../preagg/national-fast.sql';
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
const headlineOf = (db: Connector, f: Filters) =>
  usePreaggregates(db, f) && f.statuses.length === 0 ? headlineFast(db, f) : headlineOn(db, f, sourcesFor(db).headlinePairs);
const forceComplianceOf = (db: Connector, f: Filters) =>
  usePreaggregates(db, f) ? forceComplianceFast(db, f) : forceCompliance(db, f, sourcesFor(db).pairs);
const regionStatusMixOf = (db: Connector, f: Filters) =>
  usePreaggregates(db, f) ? regionStatusMixFast(db, f) : regionStatusMix(db, f, sourcesFor(db).pairs);
const complianceTrendsOf = (db: Connector, f: Filters) =>
  usePreaggregates(db, f) ? complianceTrendsFast(db, f) : complianceTrends(db, f, sourcesFor(db).intervals);

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
}

export type NationalPart = Exclude<keyof NationalViewData, 'filters' | 'overdueSort'>;

/**
 * The national view's queries for one set of filters, each with the inputs it reads: the region
 * and the force chosen change only the parts that see them.
 */
export function nationalViewParts(
  db: Connector, filters: Filters, overdueSort: OverdueSort = DEFAULT_OVERDUE_SORT, overdueRows = OVERDUE_LIST_LIMIT,
): ViewParts<Pick<NationalViewData, NationalPart>> {
  const everyForce: Filters = { ...filters, region: null, force: null };
  const oneForce: Filters | null = filters.force ? { ...filters, region: null } : null;
  return {
    inspections: { inputs: '', run: () => inspectionOptions(db) },
    headline: { inputs: inputsOf(filterParams(filters)), run: () => headlineOf(db, filters) },
    forces: { inputs: inputsOf(filterParams(everyForce)), run: () => forceComplianceOf(db, everyForce) },
    regionMix: { inputs: inputsOf(filterParams(everyForce)), run: () => regionStatusMixOf(db, everyForce) },
    forceMix: {
      inputs: oneForce ? inputsOf(filterParams(oneForce)) : 'none',
      run: async () => (oneForce ? regionStatusMixOf(db, oneForce) : []),
    },
    overdue: {
      inputs: inputsOf([...filterParams(filters), overdueSort.key, overdueSort.descending, overdueRows]),
      run: () => overdueList(db, filters, overdueSort, overdueRows, sourcesFor(db).overduePairs),
    },
    trends: { inputs: inputsOf(filterParams(everyForce)), run: () => complianceTrendsOf(db, everyForce) },
    forceTrend: {
      inputs: oneForce ? inputsOf(filterParams(oneForce)) : 'none',
      run: async () => (oneForce ? (await complianceTrendsOf(db, oneForce)).filter((p) => p.region === null) : []),
    },
    markers: {
      inputs: inputsOf([filters.asOf, filters.inspections.join(','), recommendationKey(filters.recommendation)]),
      run: () => trendMarkers(db, filters),
    },
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
  { overdueSort = DEFAULT_OVERDUE_SORT }: { overdueSort?: OverdueSort } = {},
): Promise<NationalViewData> {
  return { filters, overdueSort, ...(await runParts(nationalViewParts(db, filters, overdueSort))) };
}
