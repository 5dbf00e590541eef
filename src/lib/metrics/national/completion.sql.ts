import type { Connector } from '../../db/connector';
import { filterParams, type Filters } from '../common/filters';
import { PLAIN_PAIRS } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';

export interface CompletionSummary {
  /** Pairs whose status on D is `complete`. */
  completed: number;
  /** Of those, first `complete` on or before the due date. */
  onTime: number;
  /** Median of (first complete − report published), in days. */
  medianDaysToComplete: number | null;
}

/**
 * On time: first `complete` update on or before `due_date`.
 * Time to complete: first `complete` as_of − report `published`.
 */
const COMPLETION_SQL = `WITH ${PLAIN_PAIRS.scored},
first_complete AS (
  SELECT force_id, inspection_id, rec_no, min(as_of) AS completed_on
  FROM status_updates
  WHERE status = 'complete' AND as_of <= $1::DATE
  GROUP BY force_id, inspection_id, rec_no
),
timed AS (
  SELECT s.due_date, s.published, c.completed_on
  FROM scored s
  JOIN first_complete c
    ON c.force_id = s.force_id AND c.inspection_id = s.inspection_id AND c.rec_no = s.rec_no
  WHERE s.status = 'complete'
)
SELECT count(*)::INTEGER AS completed,
       count(*) FILTER (completed_on <= due_date)::INTEGER AS on_time,
       median(completed_on - published)::DOUBLE AS median_days_to_complete
FROM timed`;

export async function completionSummary(db: Connector, filters: Filters): Promise<CompletionSummary> {
  const [row] = rowsOf<{ completed: number; on_time: number; median_days_to_complete: number | null }>(
    await db.query(COMPLETION_SQL, filterParams(filters)),
  );
  if (!row) throw new Error('completion query returned no row');
  return { completed: row.completed, onTime: row.on_time, medianDaysToComplete: row.median_days_to_complete };
}
