import type { Table } from 'apache-arrow';
import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';

export interface Headline {
  /** Distinct recommendations for forces in the filters, published on or before D. */
  recommendations: number;
  /** Force × recommendation pairs in scope. */
  inScope: number;
  complete: number;
  /** Pooled: complete ÷ in scope over every pair; null when nothing is in scope. */
  complianceRate: number | null;
  /** Median of the force compliance rates ("typical force"). */
  medianForceRate: number | null;
  overdue: number;
  forcesWithOverdue: number;
}

/**
 * `headline_pairs` (force_id, inspection_id, rec_no, in_scope, counts_complete, overdue): the
 * pairs in the filters as on D, from per-pair rows' `scored`. Only the columns the headline reads:
 * `scored`, read three times, was kept whole (evidence and all) for every pair on D, which cost
 * more than the figures (96 -> 54 ms at 1M with a status filter).
 */
export const headlinePairsOf = (pairs: PairRows) => `${pairs.scored},
headline_pairs AS (
  SELECT force_id, inspection_id, rec_no, in_scope, counts_complete, overdue FROM scored
)`;

const headlineSql = (headlinePairs: string) => `WITH ${headlinePairs},
by_force AS (
  SELECT force_id, count(*) FILTER (counts_complete) / nullif(count(*) FILTER (in_scope), 0) AS rate
  FROM headline_pairs GROUP BY force_id
)
SELECT
  (SELECT count(DISTINCT (inspection_id, rec_no)) FROM headline_pairs)::INTEGER AS recommendations,
  count(*) FILTER (in_scope)::INTEGER AS in_scope,
  count(*) FILTER (counts_complete)::INTEGER AS complete,
  (count(*) FILTER (counts_complete) / nullif(count(*) FILTER (in_scope), 0))::DOUBLE AS compliance_rate,
  (SELECT median(rate) FROM by_force)::DOUBLE AS median_force_rate,
  count(*) FILTER (overdue)::INTEGER AS overdue,
  count(DISTINCT force_id) FILTER (overdue)::INTEGER AS forces_with_overdue
FROM headline_pairs`;

/** The headline query's row, as the SQL names its columns. */
export interface HeadlineRow {
  recommendations: number; in_scope: number; complete: number; compliance_rate: number | null;
  median_force_rate: number | null; overdue: number; forces_with_overdue: number;
}

/** The headline from its one-row query result. */
export function headlineFrom(table: Table): Headline {
  const [row] = rowsOf<HeadlineRow>(table);
  if (!row) throw new Error('headline query returned no row');
  return headlineOf(row);
}

/** The headline from its row (shared with the pre-aggregated figures, which hold it in a list). */
export function headlineOf(row: HeadlineRow): Headline {
  return {
    recommendations: row.recommendations,
    inScope: row.in_scope,
    complete: row.complete,
    complianceRate: row.compliance_rate,
    medianForceRate: row.median_force_rate,
    overdue: row.overdue,
    forcesWithOverdue: row.forces_with_overdue,
  };
}

export async function headline(db: Connector, filters: Filters, pairs = PLAIN_PAIRS): Promise<Headline> {
  return headlineOn(db, filters, headlinePairsOf(pairs));
}

/** The headline over a `headline_pairs` CTE: headlinePairsOf some per-pair rows, or pre-aggregated. */
export async function headlineOn(db: Connector, filters: Filters, headlinePairs: string): Promise<Headline> {
  return headlineFrom(await db.query(headlineSql(headlinePairs), filterParams(filters)));
}

export interface ForceCompliance {
  force_id: string;
  name: string;
  region: string;
  in_scope: number;
  complete: number;
  /** complete ÷ in scope for this force; null when nothing is in scope. */
  rate: number | null;
  overdue: number;
  /** In-scope pairs whose status is pending_closure (reported done, sign-off awaited). */
  pending_closure: number;
  /** pending_closure ÷ in scope; null when nothing is in scope. */
  pending_share: number | null;
  /** 1 = highest rate; ties share a rank; forces with no rate rank last. */
  rank: number;
  /** Median of all listed forces' rates, repeated on each row. */
  median_rate: number | null;
  /** Median of the rates of the forces in this force's region. */
  region_median_rate: number | null;
}

// Every force of the region (or of the country) appears, even with nothing in view, so that the
// tile map always has its 43 tiles.
const forceComplianceSql = (pairs: PairRows) => `WITH ${pairs.scored},
counts AS (
  SELECT force_id,
         count(*) FILTER (in_scope) AS in_scope,
         count(*) FILTER (counts_complete) AS complete,
         count(*) FILTER (overdue) AS overdue,
         count(*) FILTER (in_scope AND status = 'pending_closure') AS pending_closure
  FROM scored GROUP BY force_id
),
by_force AS (
  SELECT f.force_id, f.name, f.region,
         coalesce(c.in_scope, 0)::INTEGER AS in_scope,
         coalesce(c.complete, 0)::INTEGER AS complete,
         (c.complete / nullif(c.in_scope, 0))::DOUBLE AS rate,
         coalesce(c.overdue, 0)::INTEGER AS overdue,
         coalesce(c.pending_closure, 0)::INTEGER AS pending_closure,
         (c.pending_closure / nullif(c.in_scope, 0))::DOUBLE AS pending_share
  FROM forces f
  LEFT JOIN counts c ON c.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6)
)
SELECT *, rank() OVER (ORDER BY rate DESC NULLS LAST)::INTEGER AS rank,
       (median(rate) OVER ())::DOUBLE AS median_rate,
       (median(rate) OVER (PARTITION BY region))::DOUBLE AS region_median_rate
FROM by_force
ORDER BY rank, name`;

export async function forceCompliance(db: Connector, filters: Filters, pairs = PLAIN_PAIRS): Promise<ForceCompliance[]> {
  return rowsOf<ForceCompliance>(await db.query(forceComplianceSql(pairs), filterParams(filters)));
}

export interface RegionStatusShare {
  region: string;
  status: string;
  pairs: number;
  /** pairs ÷ all pairs of the region (every status, so shares add up to 1). */
  share: number;
}

const regionStatusMixSql = (pairs: PairRows) => `WITH ${pairs.scored}
SELECT region, status, count(*)::INTEGER AS pairs,
       (count(*) / sum(count(*)) OVER (PARTITION BY region))::DOUBLE AS share
FROM scored
GROUP BY region, status
ORDER BY region, status`;

export async function regionStatusMix(db: Connector, filters: Filters, pairs = PLAIN_PAIRS): Promise<RegionStatusShare[]> {
  return rowsOf<RegionStatusShare>(await db.query(regionStatusMixSql(pairs), filterParams(filters)));
}
