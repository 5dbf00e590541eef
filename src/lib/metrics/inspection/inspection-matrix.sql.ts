import type { Connector } from '../../db/connector';
import type { PairStatus } from '../../data/schema';
import type { Filters } from '../common/filters';
import { PLAIN_PAIRS, type PairRows } from '../pairs/pair-timing.sql';
import { rowsOf } from '../common/rows';
import { subjectSlot, withSubject } from '../common/subject-params';

export interface MatrixCell {
  force_id: string;
  name: string;
  region: string;
  rec_no: number;
  status: PairStatus;
  counts_complete: boolean;
  overdue: boolean;
  days_overdue: number | null;
  /** The force's totals over this report's recommendations, repeated on each of its cells (for sorting). */
  force_complete: number;
  force_in_scope: number;
  force_overdue: number;
}

const INSPECTION = subjectSlot(1);

/** After `scored`: the matrix's cells as `matrix_rows` (listed in MATRIX_ORDER). */
export const MATRIX_ROWS_CTE = `
cells AS (SELECT * FROM scored WHERE inspection_id = ${INSPECTION}),
matrix_rows AS (
  SELECT force_id, name, region, rec_no, status, counts_complete, overdue,
         days_overdue::INTEGER AS days_overdue,
         (count(*) FILTER (counts_complete) OVER (PARTITION BY force_id))::INTEGER AS force_complete,
         (count(*) FILTER (in_scope) OVER (PARTITION BY force_id))::INTEGER AS force_in_scope,
         (count(*) FILTER (overdue) OVER (PARTITION BY force_id))::INTEGER AS force_overdue
  FROM cells
)`;
export const MATRIX_ORDER = 'region, name, rec_no';

const inspectionMatrixSql = (pairs: PairRows) => `WITH ${pairs.scored},${MATRIX_ROWS_CTE}
SELECT * FROM matrix_rows ORDER BY ${MATRIX_ORDER}`;

/** One report's for-forces recommendations × every force: each pair's status on D. */
export async function inspectionMatrix(db: Connector, filters: Filters, inspectionId: string, pairs = PLAIN_PAIRS): Promise<MatrixCell[]> {
  return rowsOf<MatrixCell>(await db.query(inspectionMatrixSql(pairs), withSubject(filters, inspectionId)));
}
