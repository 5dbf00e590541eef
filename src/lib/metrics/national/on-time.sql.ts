import type { Connector } from '../../db/connector';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { subjectSlot, withSubject } from '../common/subject-params';

export interface RecommendationOnTime {
  rec_no: number;
  text: string | null;
  due_text: string | null;
  due_date: string | null;
  /** Forces for which it is in scope on D. */
  in_scope: number;
  /** Of those, forces whose status on D counts as complete. */
  complete: number;
  /** In scope with the deadline passed (due date before D): the denominator. */
  deadline_passed: number;
  on_time: number;
  /** on_time ÷ deadline_passed; null until the deadline has passed. */
  on_time_rate: number | null;
}

const INSPECTION = subjectSlot(1);

/** After `timed`: each recommendation's on-time counts as `on_time_rows` (listed in ON_TIME_ORDER). */
export const ON_TIME_ROWS_CTE = `
on_time_rows AS (
  SELECT t.rec_no, any_value(r.text) AS text, any_value(r.due_text) AS due_text, any_value(t.due_date) AS due_date,
         count(*) FILTER (t.in_scope)::INTEGER AS in_scope,
         count(*) FILTER (t.counts_complete)::INTEGER AS complete,
         count(*) FILTER (t.deadline_passed)::INTEGER AS deadline_passed,
         count(*) FILTER (t.deadline_passed AND t.on_time)::INTEGER AS on_time,
         (count(*) FILTER (t.deadline_passed AND t.on_time) / nullif(count(*) FILTER (t.deadline_passed), 0))::DOUBLE AS on_time_rate
  FROM timed t
  JOIN recommendations r ON r.inspection_id = t.inspection_id AND r.rec_no = t.rec_no
  WHERE t.inspection_id = ${INSPECTION}
  GROUP BY t.rec_no
)`;
export const ON_TIME_ORDER = 'rec_no';

const onTimeSql = (pairs: PairRows) => `WITH ${pairs.timed},${ON_TIME_ROWS_CTE}
SELECT * FROM on_time_rows ORDER BY ${ON_TIME_ORDER}`;

/** Each for-forces recommendation of one report: how many forces did it by the deadline. */
export async function onTimeByRecommendation(
  db: Connector, filters: Filters, inspectionId: string, pairs = PLAIN_PAIRS,
): Promise<RecommendationOnTime[]> {
  return rowsOf<RecommendationOnTime>(await db.query(onTimeSql(pairs), withSubject(filters, inspectionId)));
}
