import type { Connector } from '../../db/connector';
import type { BenchmarkMeasure } from './benchmark-measures';
import type { BenchmarkSubject } from './force-benchmark.sql';
import type { Filters } from '../common/filters';
import { forceMeasuresCte, pairMeasureCounts } from './force-measures.sql';
import { PLAIN_PAIRS } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { idList, subjectSlot, withSubject } from '../common/subject-params';

/** The groups a force is set beside, in the order they are shown. */
export type BenchmarkGroup = 'force' | 'compare' | 'peers' | 'region' | 'compare_region' | 'nation';

export interface GroupAggregate {
  group: BenchmarkGroup;
  /** The force's name, the region's name, or "England and Wales"; '' for the peer group. */
  label: string;
  measure: BenchmarkMeasure;
  /** Forces in the group, and of those the ones with a value on this measure. */
  forces: number;
  forces_with_value: number;
  numerator: number;
  denominator: number;
  /** Pooled: the group's numerators summed ÷ its denominators summed. */
  pooled: number | null;
  /** Median of the group's force values ("typical force"). */
  median: number | null;
}

const [FORCE, COMPARE, PEERS] = [subjectSlot(1), subjectSlot(2), subjectSlot(3)];

const peerAggregatesSql = (counts: string) => `WITH ${forceMeasuresCte(counts)},
subject_regions AS (
  SELECT (SELECT region FROM forces WHERE force_id = ${FORCE}) AS focus_region,
         (SELECT region FROM forces WHERE force_id = ${COMPARE}) AS compare_region
),
grouped AS (
  SELECT 1 AS ord, 'force' AS grp, name AS label, force_id FROM forces WHERE force_id = ${FORCE}
  UNION ALL
  SELECT 2, 'compare', name, force_id FROM forces WHERE force_id = ${COMPARE}
  UNION ALL
  SELECT 3, 'peers', '', force_id FROM forces WHERE list_contains(string_split(${PEERS}, ','), force_id)
  UNION ALL
  SELECT 4, 'region', region, force_id FROM forces, subject_regions WHERE region = focus_region
  UNION ALL
  -- The second force's region only when it differs from the first's.
  SELECT 5, 'compare_region', region, force_id FROM forces, subject_regions
  WHERE region = compare_region AND compare_region IS DISTINCT FROM focus_region
  UNION ALL
  SELECT 6, 'nation', 'England and Wales', force_id FROM forces
)
SELECT g.grp AS "group", any_value(g.label) AS label, m.measure,
       count(*)::INTEGER AS forces,
       count(m.value)::INTEGER AS forces_with_value,
       sum(m.numerator)::INTEGER AS numerator,
       sum(m.denominator)::INTEGER AS denominator,
       (sum(m.numerator) / nullif(sum(m.denominator), 0))::DOUBLE AS pooled,
       median(m.value)::DOUBLE AS median
FROM grouped g
JOIN force_measures m ON m.force_id = g.force_id
GROUP BY g.ord, g.grp, m.measure
ORDER BY g.ord, m.measure`;

/** Pooled and median figures for the force, its comparison, peers, region(s) and the nation. */
export async function peerAggregates(
  db: Connector, filters: Filters, subject: BenchmarkSubject, counts = pairMeasureCounts(PLAIN_PAIRS),
): Promise<GroupAggregate[]> {
  return rowsOf<GroupAggregate>(
    await db.query(peerAggregatesSql(counts), withSubject(filters, subject.force, subject.compare ?? '', idList(subject.peers))),
  );
}
