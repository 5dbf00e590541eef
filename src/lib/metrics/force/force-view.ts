import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { forceBenchmark, type BenchmarkSubject, type ForceMeasure } from './force-benchmark.sql';
import { forceRecommendations, type ForceReport } from './force-recommendations.sql';
import { peerAggregates, type GroupAggregate } from './peer-aggregates.sql';
import { responses, type ResponseRow } from './responses.sql';
import { statusHistory, type StatusSegment } from '../pairs/status-history.sql';
import { sourcesFor } from '../preagg/query-sources';
import { benchmarkFilters } from '../common/subject-filters';
import { inputsOf, runParts, type ViewParts } from '../common/view-parts';

/** Everything the force view shows for one force (and perhaps a second) on one set of filters. */
export interface ForceViewData {
  filters: Filters;
  benchmark: ForceMeasure[];
  groups: GroupAggregate[];
  /** The force's reports, newest first, with the rows of the newest and of those opened. */
  recommendations: ForceReport[];
  history: StatusSegment[];
  /** The compared force's history; null when no force is compared. */
  compareHistory: StatusSegment[] | null;
  responses: ResponseRow[];
}

type ForcePart = Exclude<keyof ForceViewData, 'filters'>;

/**
 * The force view's queries for one force (and perhaps a second) on one set of filters; `opened`:
 * the older reports whose rows the user opened (the newest reports' rows always come).
 */
export function forceViewParts(
  db: Connector, filters: Filters, subject: BenchmarkSubject, opened: readonly string[] = [],
): ViewParts<Pick<ForceViewData, ForcePart>> {
  const scoped = benchmarkFilters(filters);
  const forces = subject.compare ? [subject.force, subject.compare] : [subject.force];
  const shared = inputsOf(filterParams(scoped));
  const bySubject = inputsOf([shared, subject.force, subject.compare, subject.peers]);
  const { measureCounts, forcePairs, historySegments } = sourcesFor(db);
  return {
    benchmark: { inputs: bySubject, run: () => forceBenchmark(db, scoped, subject, measureCounts(scoped)) },
    groups: { inputs: bySubject, run: () => peerAggregates(db, scoped, subject, measureCounts(scoped)) },
    recommendations: {
      inputs: inputsOf([shared, forces, opened]),
      run: () => forceRecommendations(db, scoped, forces, forcePairs, { opened }),
    },
    history: { inputs: inputsOf([shared, subject.force]), run: () => statusHistory(db, scoped, subject.force, historySegments) },
    compareHistory: {
      inputs: inputsOf([shared, subject.compare]),
      run: async () => (subject.compare ? statusHistory(db, scoped, subject.compare, historySegments) : null),
    },
    responses: {
      inputs: inputsOf([shared, forces]),
      run: () => responses(db, scoped, { forces, inspection: null, recordedOnly: false }),
    },
  };
}

/** The force view's queries for one interaction, run together. */
export async function loadForceView(db: Connector, filters: Filters, subject: BenchmarkSubject): Promise<ForceViewData> {
  const data = await runParts(forceViewParts(db, filters, subject));
  return { filters: benchmarkFilters(filters), ...data };
}
