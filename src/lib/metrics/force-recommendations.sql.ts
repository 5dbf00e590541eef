import type { Connector } from '../db/connector';
import type { PairStatus } from '../data/schema';
import type { Filters } from './filters';
import { PAIR_STATUS_CTE } from './pair-status.sql';
import { PAIR_TIMING_CTE } from './pair-timing.sql';
import { rowsOf } from './rows';
import { idList, subjectSlot, withSubject } from './subject-params';

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
}

const FORCES = subjectSlot(1);

const FORCE_RECOMMENDATIONS_SQL = `WITH ${PAIR_STATUS_CTE}, ${PAIR_TIMING_CTE},
chosen AS (SELECT * FROM timed WHERE list_contains(string_split(${FORCES}, ','), force_id)),
updates AS (
  SELECT * FROM status_updates
  WHERE as_of <= $1::DATE AND list_contains(string_split(${FORCES}, ','), force_id)
),
last_update AS (
  SELECT force_id, inspection_id, rec_no,
         max(as_of) AS last_update, arg_max(source, (as_of, seq)) AS last_source
  FROM updates GROUP BY force_id, inspection_id, rec_no
),
last_evidence AS (
  SELECT force_id, inspection_id, rec_no,
         arg_max(evidence, (as_of, seq)) AS evidence, max(as_of) AS evidence_as_of,
         arg_max(source, (as_of, seq)) AS evidence_source
  FROM updates WHERE coalesce(trim(evidence), '') <> ''
  GROUP BY force_id, inspection_id, rec_no
)
SELECT c.force_id, c.name AS force_name, c.inspection_id, i.title, c.published, c.rec_no,
       r.text, r.due_text, c.due_date, c.status, c.in_scope, c.overdue,
       c.days_overdue::INTEGER AS days_overdue, c.on_time,
       u.last_update, u.last_source, e.evidence, e.evidence_as_of, e.evidence_source, r.source_url
FROM chosen c
JOIN inspections i ON i.inspection_id = c.inspection_id
JOIN recommendations r ON r.inspection_id = c.inspection_id AND r.rec_no = c.rec_no
LEFT JOIN last_update u ON u.force_id = c.force_id AND u.inspection_id = c.inspection_id AND u.rec_no = c.rec_no
LEFT JOIN last_evidence e ON e.force_id = c.force_id AND e.inspection_id = c.inspection_id AND e.rec_no = c.rec_no
ORDER BY c.published DESC, c.inspection_id, c.rec_no, c.force_id`;

/**
 * Each recommendation for the given forces as on D, newest report first: status, deadline, days
 * overdue, last update and evidence. With two forces, each recommendation has two rows, one per force.
 */
export async function forceRecommendations(
  db: Connector,
  filters: Filters,
  forceIds: readonly string[],
): Promise<ForceRecommendation[]> {
  return rowsOf<ForceRecommendation>(await db.query(FORCE_RECOMMENDATIONS_SQL, withSubject(filters, idList(forceIds))));
}
