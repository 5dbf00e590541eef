import type { Connector } from '../../db/connector';
import type { BenchmarkMeasure } from './benchmark-measures';
import { filterParams, type Filters } from '../common/filters';
import { forceMeasuresCte, pairMeasureCounts } from './force-measures.sql';
import { PLAIN_PAIRS } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';

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
       m.numerator, m.denominator, m.value,
       r.rank::INTEGER AS rank,
       (count(m.score) OVER (PARTITION BY m.measure))::INTEGER AS ranked,
       r.others::INTEGER AS others,
       r.tied::INTEGER AS tied,
       ((r.worse + 0.5 * r.tied) / nullif(r.others, 0))::DOUBLE AS percentile
FROM force_measures m
LEFT JOIN ranked r ON r.force_id = m.force_id AND r.measure = m.measure
ORDER BY m.measure, r.rank NULLS LAST, m.name`;

/**
 * Every force on every benchmark measure, with rank and percentile, and its role for the subject.
 * The SQL does not depend on the subject, so choosing another force asks the engine nothing (the
 * coordinator's cache answers: at 1M this query is about 36 ms); the role only says which rows the
 * chart picks out.
 */
export async function forceBenchmark(
  db: Connector, filters: Filters, subject: BenchmarkSubject, counts = pairMeasureCounts(PLAIN_PAIRS),
): Promise<ForceMeasure[]> {
  const rows = rowsOf<Omit<ForceMeasure, 'role'>>(await db.query(forceBenchmarkSql(counts), filterParams(filters)));
  return rows.map((row) => ({ ...row, role: roleOf(row.force_id, subject) }));
}

function roleOf(forceId: string, subject: BenchmarkSubject): BenchmarkRole {
  if (forceId === subject.force) return 'force';
  if (forceId === subject.compare) return 'compare';
  return subject.peers.includes(forceId) ? 'peer' : 'other';
}
