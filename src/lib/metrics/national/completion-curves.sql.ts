import type { Connector } from '../../db/connector';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { subjectSlot, withSubject } from '../common/subject-params';

export interface CompletionPoint {
  rec_no: number;
  /** Days since the report's publication (publication day = 0). */
  day: number;
  /** Forces for which the recommendation is in scope on D. */
  forces: number;
  /** Of those, forces first done within `day` days. */
  complete: number;
  share: number | null;
  /** due_date − published, in days; null without a due date. */
  deadline_day: number | null;
  /** The curve's height on the deadline day; null when the deadline is after D (or absent). */
  share_at_deadline: number | null;
}

const INSPECTION = subjectSlot(1);

/**
 * After `timed`: each curve's steps as `curve_rows` (listed in CURVE_ORDER). A step per day on which
 * some force was first done, plus day 0 and D, so every curve starts at publication and runs to
 * the as-of date.
 */
export const CURVE_ROWS_CTE = `
chosen AS (SELECT * FROM timed WHERE inspection_id = ${INSPECTION} AND in_scope),
per_rec AS (
  SELECT rec_no, count(*) AS forces, any_value(published) AS published, any_value(due_date) AS due_date
  FROM chosen GROUP BY rec_no
),
steps AS (
  SELECT rec_no, (done_on - published)::INTEGER AS day FROM chosen WHERE done_on IS NOT NULL
  UNION
  SELECT rec_no, 0 FROM per_rec
  UNION
  SELECT rec_no, ($1::DATE - published)::INTEGER FROM per_rec
),
curve_rows AS (
  SELECT s.rec_no, s.day, any_value(p.forces)::INTEGER AS forces,
         count(c.done_on) FILTER (c.done_on - c.published <= s.day)::INTEGER AS complete,
         (count(c.done_on) FILTER (c.done_on - c.published <= s.day) / any_value(p.forces))::DOUBLE AS share,
         any_value(p.due_date - p.published)::INTEGER AS deadline_day,
         CASE WHEN any_value(p.due_date) <= $1::DATE
              THEN count(c.done_on) FILTER (c.done_on <= p.due_date) / any_value(p.forces) END::DOUBLE AS share_at_deadline
  FROM steps s
  JOIN per_rec p ON p.rec_no = s.rec_no
  LEFT JOIN chosen c ON c.rec_no = s.rec_no
  GROUP BY s.rec_no, s.day
)`;
export const CURVE_ORDER = 'rec_no, day';

const completionCurvesSql = (pairs: PairRows) => `WITH ${pairs.timed},${CURVE_ROWS_CTE}
SELECT * FROM curve_rows ORDER BY ${CURVE_ORDER}`;

/** For each recommendation of one report: share of forces done against days since publication. */
export async function completionCurves(db: Connector, filters: Filters, inspectionId: string, pairs = PLAIN_PAIRS): Promise<CompletionPoint[]> {
  return rowsOf<CompletionPoint>(await db.query(completionCurvesSql(pairs), withSubject(filters, inspectionId)));
}

export const COMPLETION_CURVE_DEFINITION =
  'Share complete after N days: of the forces for which the recommendation is in scope on the as-of date, the share whose first complete update came within N days of the report’s publication.';
