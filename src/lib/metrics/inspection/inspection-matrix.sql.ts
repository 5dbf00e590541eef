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

const inspectionMatrixSql = (pairs: PairRows) => `WITH ${pairs.scored},
cells AS (SELECT * FROM scored WHERE inspection_id = ${INSPECTION})
SELECT force_id, name, region, rec_no, status, counts_complete, overdue,
       days_overdue::INTEGER AS days_overdue,
       (count(*) FILTER (counts_complete) OVER (PARTITION BY force_id))::INTEGER AS force_complete,
       (count(*) FILTER (in_scope) OVER (PARTITION BY force_id))::INTEGER AS force_in_scope,
       (count(*) FILTER (overdue) OVER (PARTITION BY force_id))::INTEGER AS force_overdue
FROM cells
ORDER BY region, name, rec_no`;

/** One report's for-forces recommendations × every force: each pair's status on D. */
export async function inspectionMatrix(db: Connector, filters: Filters, inspectionId: string, pairs = PLAIN_PAIRS): Promise<MatrixCell[]> {
  return rowsOf<MatrixCell>(await db.query(inspectionMatrixSql(pairs), withSubject(filters, inspectionId)));
}
