import type { Connector } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import type { Filters } from '../common/filters';
import { rowsOf } from '../common/rows';
import { shortTitleSql } from '../common/short-title.sql';
import { inListParam } from '../common/list-param.sql';

/** A stretch of time during which one recommendation had one status for the force. */
export interface StatusSegment {
  inspection_id: string;
  rec_no: number;
  /** The report's short name and the number: "How effective police forces are in the deployment… · rec 2" */
  label: string;
  status: PairStatus;
  /** First day of the status. */
  start: string;
  /** The next status's first day, or D for the status held on D. */
  end: string;
  due_date: string | null;
  /** How many recommendations are in view in all: only the newest (HISTORY_RECOMMENDATIONS) have their stretches here. */
  recommendations: number;
  /** How many of them have their stretches here: all of them, or the most a history holds. */
  held: number;
}

/**
 * The most recommendations a history holds, the newest reports' first. A force in an analyst's
 * extract has thousands: drawn, a chart tens of thousands of pixels tall, redrawn on every change,
 * and 8,000 stretches copied to the page to get there. The force's list of recommendations has
 * every one, and each report's own page charts all of its recommendations.
 */
export const HISTORY_RECOMMENDATIONS = 40;

/**
 * From publication (no update yet) through each change of status, up to D. Of two updates on one
 * date the later-loaded stands, as in the status-on-date definition; repeats of a status merge.
 * Parameters: $1 as-of date, $2 inspection ids (comma-separated, '' = all), $3 force id.
 *
 * `segments` (after `recs`, the recommendations in view): the force's changes of status up to D
 * (inspection_id, rec_no, status, start), each with its end (the next change, or D) and whether
 * it is the last; a change and the next on the same day make an empty segment, dropped unless last.
 */
export const PLAIN_HISTORY_SEGMENTS = `
daily AS (
  SELECT inspection_id, rec_no, as_of, arg_max(status, seq) AS status
  FROM status_updates
  WHERE force_id = $3 AND as_of <= $1::DATE
  GROUP BY inspection_id, rec_no, as_of
),
timeline AS (
  SELECT inspection_id, rec_no, published AS as_of, 0 AS ord, 'no_update' AS status FROM recs
  UNION ALL
  SELECT d.inspection_id, d.rec_no, d.as_of, 1, d.status
  FROM daily d JOIN recs r ON r.inspection_id = d.inspection_id AND r.rec_no = d.rec_no
),
changes AS (
  SELECT *, status IS DISTINCT FROM lag(status) OVER (PARTITION BY inspection_id, rec_no ORDER BY as_of, ord) AS is_change
  FROM timeline
),
segments AS (
  SELECT inspection_id, rec_no, status, as_of AS start,
         lead(as_of, 1, $1::DATE) OVER (PARTITION BY inspection_id, rec_no ORDER BY as_of, ord) AS "end",
         lead(as_of) OVER (PARTITION BY inspection_id, rec_no ORDER BY as_of, ord) IS NULL AS is_last
  FROM changes WHERE is_change
)`;

/** `segments`: PLAIN_HISTORY_SEGMENTS, or pre-aggregated. */
const statusHistorySql = (segments: string) => `WITH recs AS (
  SELECT r.inspection_id, r.rec_no, r.due_date, i.published, ${shortTitleSql('i.title')} AS short_title
  FROM recommendations r JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces AND i.published <= $1::DATE
    AND ${inListParam('$2', 'r.inspection_id')}
),${segments},
shown AS (
  SELECT s.inspection_id, s.rec_no, r.short_title || ' · rec ' || s.rec_no AS label, s.status,
         s.start, s."end", r.due_date, r.published,
         dense_rank() OVER (ORDER BY r.published DESC, s.inspection_id, s.rec_no) AS place
  FROM segments s JOIN recs r ON r.inspection_id = s.inspection_id AND r.rec_no = s.rec_no
  WHERE s."end" > s.start OR s.is_last
)
SELECT inspection_id, rec_no, label, status, start, "end", due_date,
       (SELECT max(place) FROM shown)::INTEGER AS recommendations,
       (SELECT least(max(place), $4::INTEGER) FROM shown)::INTEGER AS held
FROM shown
WHERE place <= $4::INTEGER
ORDER BY published DESC, inspection_id, rec_no, start`;

/**
 * The force's status history, one row per stretch of unchanged status, for the newest `most`
 * recommendations in view (newest report first, then by number).
 */
export async function statusHistory(
  db: Connector, filters: Filters, forceId: string, segments = PLAIN_HISTORY_SEGMENTS, most = HISTORY_RECOMMENDATIONS,
): Promise<StatusSegment[]> {
  return rowsOf<StatusSegment>(await db.query(statusHistorySql(segments), [filters.asOf, filters.inspections.join(','), forceId, most]));
}
