import type { Connector } from '../db/connector';
import type { Filters } from './filters';
import { forceBenchmark, type BenchmarkSubject, type ForceMeasure } from './force-benchmark.sql';
import { forceRecommendations, type ForceRecommendation } from './force-recommendations.sql';
import { peerAggregates, type GroupAggregate } from './peer-aggregates.sql';
import { responses, type ResponseRow } from './responses.sql';
import { statusHistory, type StatusSegment } from './status-history.sql';
import { benchmarkFilters } from './subject-filters';

/** Everything the force view shows for one force (and perhaps a second) on one set of filters. */
export interface ForceViewData {
  filters: Filters;
  benchmark: ForceMeasure[];
  groups: GroupAggregate[];
  recommendations: ForceRecommendation[];
  history: StatusSegment[];
  /** The compared force's history; null when no force is compared. */
  compareHistory: StatusSegment[] | null;
  responses: ResponseRow[];
}

/** The force view's queries for one interaction, run together. */
export async function loadForceView(db: Connector, filters: Filters, subject: BenchmarkSubject): Promise<ForceViewData> {
  const scoped = benchmarkFilters(filters);
  const forces = subject.compare ? [subject.force, subject.compare] : [subject.force];
  const [benchmark, groups, recommendations, history, compareHistory, responseRows] = await Promise.all([
    forceBenchmark(db, scoped, subject),
    peerAggregates(db, scoped, subject),
    forceRecommendations(db, scoped, forces),
    statusHistory(db, scoped, subject.force),
    subject.compare ? statusHistory(db, scoped, subject.compare) : Promise.resolve(null),
    responses(db, scoped, { forces, inspection: null, recordedOnly: false }),
  ]);
  return { filters: scoped, benchmark, groups, recommendations, history, compareHistory, responses: responseRows };
}
