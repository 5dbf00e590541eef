import type { Connector } from '../../db/connector';
import { rowsOf } from './rows';

export interface InspectionOption {
  inspection_id: string;
  title: string;
  published: string;
  /** Its recommendations for forces: the ones the metrics count. */
  recommendations: number;
}

/** The inspections a user can filter by: those with at least one recommendation for forces. */
const INSPECTION_OPTIONS_SQL = `SELECT i.inspection_id, i.title, i.published, count(*)::INTEGER AS recommendations
FROM inspections i
JOIN recommendations r ON r.inspection_id = i.inspection_id
WHERE r.for_forces
GROUP BY ALL
ORDER BY i.published, i.inspection_id`;

export async function inspectionOptions(db: Connector): Promise<InspectionOption[]> {
  return rowsOf<InspectionOption>(await db.query(INSPECTION_OPTIONS_SQL));
}
