import type { Connector } from '../../db/connector';
import type { Filters } from '../common/filters';
import { listRowsOf } from '../common/rows';
import { withSubject } from '../common/subject-params';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { CURVE_ORDER, CURVE_ROWS_CTE, type CompletionPoint } from '../national/completion-curves.sql';
import { ON_TIME_ORDER, ON_TIME_ROWS_CTE, type RecommendationOnTime } from '../national/on-time.sql';
import { MATRIX_ORDER, MATRIX_ROWS_CTE, type MatrixCell } from './inspection-matrix.sql';

export interface InspectionFigures {
  matrix: MatrixCell[];
  curves: CompletionPoint[];
  onTime: RecommendationOnTime[];
}

/**
 * The inspection view's matrix, completion curves and on-time rates from one statement: all three
 * read the same pairs of one report, and DuckDB binds and plans a statement again on every run
 * (bench/plan-reuse.md), so as three statements the report's pairs were planned and read three
 * times. Each list column holds its own query's rows in its own order (the CTEs are theirs);
 * tests/sql/metrics/preagg-pair-states.test.ts holds them equal to inspectionMatrix,
 * completionCurves and onTimeByRecommendation, plain and pre-aggregated, over the shared filters.
 */
const inspectionFiguresSql = (pairs: PairRows) => `WITH ${pairs.timed},${MATRIX_ROWS_CTE},${CURVE_ROWS_CTE},${ON_TIME_ROWS_CTE}
SELECT
  (SELECT list(m ORDER BY ${MATRIX_ORDER}) FROM matrix_rows m) AS matrix,
  (SELECT list(c ORDER BY ${CURVE_ORDER}) FROM curve_rows c) AS curves,
  (SELECT list(o ORDER BY ${ON_TIME_ORDER}) FROM on_time_rows o) AS on_time`;

/** One report's matrix, completion curves and on-time rates on the filters' date. */
export async function inspectionFigures(
  db: Connector, filters: Filters, inspectionId: string, pairs = PLAIN_PAIRS,
): Promise<InspectionFigures> {
  // Narrowed to the report at the start: the three read only its pairs, and the engine keeps a CTE
  // the three share whole, so without the narrowing it kept every report's (133-144 ms at 1M,
  // against 90 ms for the three statements). An inspection filter without the report leaves
  // nothing, as it did.
  const narrowed = filters.inspections.length === 0 || filters.inspections.includes(inspectionId) ? [inspectionId] : filters.inspections;
  const table = await db.query(inspectionFiguresSql(pairs), withSubject({ ...filters, inspections: narrowed }, inspectionId));
  return {
    matrix: listRowsOf<MatrixCell>(table, 'matrix'),
    curves: listRowsOf<CompletionPoint>(table, 'curves'),
    onTime: listRowsOf<RecommendationOnTime>(table, 'on_time'),
  };
}
