import type { Connector } from '../../db/connector';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { PLAIN_HISTORY_SEGMENTS } from '../pairs/status-history.sql';
import { PLAIN_INTERVALS } from '../national/trends.sql';
import { pairMeasureCounts } from '../force/force-measures.sql';
import { HISTORY_SEGMENTS_FAST, SEGMENT_INTERVALS } from './history-fast.sql';
import { measureCountsFast } from './national-fast.sql';
import { FAST_PAIRS, FORCE_PAIRS, HEADLINE_PAIRS_FAST, OVERDUE_PAIRS } from './pair-status-fast.sql';
import { headlinePairsOf } from '../national/national.sql';

/** What the views' queries read their rows from: the pre-aggregates, or every update. */
export interface QuerySources {
  /** The national figures' own fast queries (national-fast.sql.ts) may run. */
  national: boolean;
  pairs: PairRows;
  overduePairs: PairRows;
  /** The per-pair headline's `headline_pairs` CTE. */
  headlinePairs: string;
  /** For queries about named forces (joined on, for the skip to work). */
  forcePairs: PairRows;
  intervals: string;
  /** The benchmark's measure_counts CTE for the filters' shape (and the connector's pre-aggregated scope). */
  measureCounts: (filters: Filters) => string;
  /** The status history's segments. */
  historySegments: string;
}

const PLAIN_MEASURE_COUNTS = pairMeasureCounts(PLAIN_PAIRS);

// The benchmark's counts depend on the connector's scope: added by sourcesFor.
const PREAGGREGATED: Omit<QuerySources, 'measureCounts'> = {
  national: true,
  pairs: FAST_PAIRS,
  overduePairs: OVERDUE_PAIRS,
  forcePairs: FORCE_PAIRS,
  headlinePairs: HEADLINE_PAIRS_FAST,
  intervals: SEGMENT_INTERVALS,
  historySegments: HISTORY_SEGMENTS_FAST,
};

const PLAIN: QuerySources = {
  national: false,
  pairs: PLAIN_PAIRS,
  overduePairs: PLAIN_PAIRS,
  forcePairs: PLAIN_PAIRS,
  headlinePairs: headlinePairsOf(PLAIN_PAIRS),
  intervals: PLAIN_INTERVALS,
  measureCounts: () => PLAIN_MEASURE_COUNTS,
  historySegments: PLAIN_HISTORY_SEGMENTS,
};

/**
 * While only the per-force counts are built (COUNT_STAGE of a build): the queries that read
 * nothing else (the national figures, trends, freshness, the benchmark's counts) use them, the
 * per-pair ones the plain SQL.
 */
const countsOnly = (scope: string | undefined): QuerySources => ({
  ...PLAIN,
  national: true,
  intervals: SEGMENT_INTERVALS,
  measureCounts: (filters) => measureCountsFast(filters, scope),
});

/**
 * The plain SQL while a load's pre-aggregates are still being built (the connector says so), the
 * per-force counts once those are, the pre-aggregates otherwise: the same figures every way
 * (tests/sql/metrics/preagg-equivalence.test.ts).
 */
export const sourcesFor = (db: Connector): QuerySources => {
  if (db.preaggregated !== false) return { ...PREAGGREGATED, measureCounts: (filters) => measureCountsFast(filters, db.preaggregatedScope) };
  return db.countsBuilt ? countsOnly(db.preaggregatedScope) : PLAIN;
};
