import type { Connector } from '../../db/connector';
import { recommendationKey, type Filters } from '../common/filters';
import { rowsOf } from '../common/rows';
import { inListParam } from '../common/list-param.sql';

export interface TrendMarker {
  kind: 'published' | 'deadline';
  date: string;
  inspection_id: string;
  title: string;
  /** For-forces recommendations of the report (published) or due on this date (deadline). */
  recommendations: number;
}

/**
 * The dates a trend chart marks, up to D: each report's publication and each deadline of its
 * recommendations for forces, for the inspections and recommendation in the filters.
 * Parameters: $1 as-of date, $2 inspection ids ('' = all), $3 recommendation key ('' = all).
 */
const TREND_MARKERS_SQL = `WITH chosen AS (
  SELECT r.inspection_id, r.due_date, i.title, i.published
  FROM recommendations r
  JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces
    AND i.published <= $1::DATE
    AND ${inListParam('$2', 'r.inspection_id')}
    AND ($3 = '' OR r.inspection_id || ':' || CAST(r.rec_no AS VARCHAR) = $3)
)
SELECT 'published' AS kind, published AS date, inspection_id, title, count(*)::INTEGER AS recommendations
FROM chosen GROUP BY ALL
UNION ALL
SELECT 'deadline', due_date, inspection_id, title, count(*)::INTEGER
FROM chosen WHERE due_date <= $1::DATE GROUP BY ALL
ORDER BY date, kind DESC, inspection_id`;

export async function trendMarkers(db: Connector, filters: Filters): Promise<TrendMarker[]> {
  return rowsOf<TrendMarker>(
    await db.query(TREND_MARKERS_SQL, [filters.asOf, filters.inspections.join(','), recommendationKey(filters.recommendation)]),
  );
}
