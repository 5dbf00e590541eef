import type { Connector } from '../../db/connector';
import type { BenchmarkMeasure } from './benchmark-measures';
import type { Filters } from '../common/filters';
import { forceMeasuresCte, pairMeasureCounts } from './force-measures.sql';
import { PLAIN_PAIRS } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { idList, subjectSlot, withSubject } from '../common/subject-params';

/** Who a benchmark is about: the force, an optional second force, and its peer group's members. */
export interface BenchmarkSubject {
  force: string;
  compare: string | null;
  /** Force ids of the peer group (the force itself counts only if listed). */
  peers: readonly string[];
}

export type BenchmarkRole = 'force' | 'compare' | 'peer' | 'other';

export interface ForceMeasure {
  force_id: string;
  name: string;
  region: string;
  measure: BenchmarkMeasure;
  role: BenchmarkRole;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when the denominator is 0. */
  value: number | null;
  /** 1 = best; ties share a rank; null without a value. */
  rank: number | null;
  /** Forces with a value on this measure (the "of N" of the rank). */
  ranked: number;
  /** Other forces with a value: the base of the percentile. */
  others: number | null;
  /** Other forces with exactly the same value (a "joint" rank). */
  tied: number | null;
  /** Share of the other ranked forces with a worse value, ties counted half; null without one. */
  percentile: number | null;
}

const [FORCE, COMPARE, PEERS] = [subjectSlot(1), subjectSlot(2), subjectSlot(3)];

/**
 * Rank and percentile by counting, so the SQL reads like the definition:
 * rank = 1 + forces with a better score; percentile = (worse + ½ tied) ÷ other forces.
 */
const forceBenchmarkSql = (counts: string) => `WITH ${forceMeasuresCte(counts)},
ranked AS (
  SELECT a.force_id, a.measure,
         1 + count(*) FILTER (b.score > a.score) AS rank,
         count(*) FILTER (b.score < a.score) AS worse,
         count(*) FILTER (b.score = a.score AND b.force_id <> a.force_id) AS tied,
         count(*) FILTER (b.force_id <> a.force_id) AS others
  FROM force_measures a
  JOIN force_measures b ON b.measure = a.measure AND b.score IS NOT NULL
  WHERE a.score IS NOT NULL
  GROUP BY a.force_id, a.measure
)
SELECT m.force_id, m.name, m.region, m.measure,
       CASE WHEN m.force_id = ${FORCE} THEN 'force'
            WHEN m.force_id = ${COMPARE} THEN 'compare'
            WHEN list_contains(string_split(${PEERS}, ','), m.force_id) THEN 'peer'
            ELSE 'other' END AS role,
       m.numerator, m.denominator, m.value,
       r.rank::INTEGER AS rank,
       (count(m.score) OVER (PARTITION BY m.measure))::INTEGER AS ranked,
       r.others::INTEGER AS others,
       r.tied::INTEGER AS tied,
       ((r.worse + 0.5 * r.tied) / nullif(r.others, 0))::DOUBLE AS percentile
FROM force_measures m
LEFT JOIN ranked r ON r.force_id = m.force_id AND r.measure = m.measure
ORDER BY m.measure, r.rank NULLS LAST, m.name`;

/** Every force on every benchmark measure, with rank, percentile and its role for the subject. */
export async function forceBenchmark(
  db: Connector, filters: Filters, subject: BenchmarkSubject, counts = pairMeasureCounts(PLAIN_PAIRS),
): Promise<ForceMeasure[]> {
  return rowsOf<ForceMeasure>(
    await db.query(forceBenchmarkSql(counts), withSubject(filters, subject.force, subject.compare ?? '', idList(subject.peers))),
  );
}
