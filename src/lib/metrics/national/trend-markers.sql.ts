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
 * recommendations for forces, for the inspections and recommendation in the filters, with the
 * report's publication date. Parameters: $1 as-of date, $2 inspection ids ('' = all), $3
 * recommendation key ('' = all).
 */
export const TREND_MARKERS_SQL = `WITH chosen AS (
  SELECT r.inspection_id, r.due_date, i.title, i.published
  FROM recommendations r
  JOIN inspections i ON i.inspection_id = r.inspection_id
  WHERE r.for_forces
    AND i.published <= $1::DATE
    AND ${inListParam('$2', 'r.inspection_id')}
    AND ($3 = '' OR r.inspection_id || ':' || CAST(r.rec_no AS VARCHAR) = $3)
)
SELECT 'published' AS kind, published AS date, inspection_id, title, count(*)::INTEGER AS recommendations, published
FROM chosen GROUP BY ALL
UNION ALL
SELECT 'deadline', due_date, inspection_id, title, count(*)::INTEGER, published
FROM chosen WHERE due_date <= $1::DATE GROUP BY ALL
ORDER BY date, kind DESC, inspection_id`;

/** A date after every other: the markers as on it are every marker. */
const LAST_DATE = '9999-12-31';

/**
 * The markers as on D are the markers as on the last date, cut at D: those dated up to D of a
 * report published by D (a report's recommendations all come out with it, so no count depends on
 * D). The whole list is asked once per filter, the coordinator's cache keeps it, and an as-of
 * change asks the engine nothing for it. tests/sql/metrics/national-view.test.ts holds the cut
 * equal to TREND_MARKERS_SQL asked for D.
 */
export async function trendMarkers(db: Connector, filters: Filters): Promise<TrendMarker[]> {
  const every = rowsOf<TrendMarker & { published: string }>(
    await db.query(TREND_MARKERS_SQL, [LAST_DATE, filters.inspections.join(','), recommendationKey(filters.recommendation)]),
  );
  return every
    .filter((marker) => marker.date <= filters.asOf && marker.published <= filters.asOf)
    .map(({ published: _published, ...marker }) => marker);
}
