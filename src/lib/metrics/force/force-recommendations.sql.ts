import type { Connector } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { idList, subjectSlot, withSubject } from '../common/subject-params';

export interface ForceRecommendation {
  force_id: string;
  force_name: string;
  inspection_id: string;
  title: string;
  /** The report's publication date. */
  published: string;
  rec_no: number;
  text: string | null;
  due_text: string | null;
  due_date: string | null;
  status: PairStatus;
  in_scope: boolean;
  overdue: boolean;
  /** D − due_date when overdue, else null. */
  days_overdue: number | null;
  /** First done on or before the due date (see PAIR_TIMING_CTE). */
  on_time: boolean;
  /** The latest update on or before D, and where it came from. */
  last_update: string | null;
  last_source: string | null;
  /** The latest update on or before D that carries evidence (it may be older than the last update). */
  evidence: string | null;
  evidence_as_of: string | null;
  evidence_source: string | null;
  source_url: string | null;
  /** Rows of this report that are overdue (with two forces, both forces' rows). */
  report_overdue: number;
}

const FORCES = subjectSlot(1);

// The forces as a join, not list_contains: DuckDB passes a join's key range down to the table
// scan, so from rows sorted by force (FORCE_PAIRS) it reads the chosen forces' only. The report's
// overdue count is grouped and joined back: a window partitioned by report cost ~7 ms at 1M.
const forceRecommendationsSql = (pairs: PairRows) => `WITH ${pairs.timed},
chosen AS (SELECT * FROM timed WHERE force_id IN (SELECT unnest(string_split(${FORCES}, ',')))),${pairs.withUpdates('chosen', 'chosen_updated')},
report_counts AS (
  SELECT inspection_id, (count(*) FILTER (WHERE overdue))::INTEGER AS report_overdue
  FROM chosen_updated GROUP BY inspection_id
)
SELECT c.force_id, c.name AS force_name, c.inspection_id, i.title, c.published, c.rec_no,
       r.text, r.due_text, c.due_date, c.status, c.in_scope, c.overdue,
       c.days_overdue::INTEGER AS days_overdue, c.on_time,
       c.last_update, c.last_source, c.evidence, c.evidence_as_of, c.evidence_source, r.source_url,
       o.report_overdue
FROM chosen_updated c
JOIN report_counts o ON o.inspection_id = c.inspection_id
JOIN inspections i ON i.inspection_id = c.inspection_id
JOIN recommendations r ON r.inspection_id = c.inspection_id AND r.rec_no = c.rec_no
ORDER BY c.published DESC, c.inspection_id, c.rec_no, c.force_id`;

/**
 * Each recommendation for the given forces as on D, newest report first: status, deadline, days
 * overdue, last update and evidence. With two forces, each recommendation has two rows, one per force.
 */
export async function forceRecommendations(
  db: Connector,
  filters: Filters,
  forceIds: readonly string[],
  pairs = PLAIN_PAIRS,
): Promise<ForceRecommendation[]> {
  return rowsOf<ForceRecommendation>(await db.query(forceRecommendationsSql(pairs), withSubject(filters, idList(forceIds))));
}
