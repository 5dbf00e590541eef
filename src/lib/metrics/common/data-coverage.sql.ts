import type { Connector } from '../../db/connector';
import { rowsOf } from './rows';

/**
 * What the loaded statuses cover: per inspection, how many forces have a status for it, how
 * many statuses, and from which sources. An inspection without any status is listed with 0, so
 * a file that covers one inspection does not pass for a picture of all of them.
 */
export interface InspectionCoverage {
  inspectionId: string;
  title: string;
  forces: number;
  statuses: number;
  sources: string[];
}

const COVERAGE_SQL = `SELECT i.inspection_id AS "inspectionId", i.title,
    count(DISTINCT s.force_id)::INTEGER AS forces, count(s.force_id)::INTEGER AS statuses,
    coalesce(list(DISTINCT s.source ORDER BY s.source) FILTER (WHERE s.source IS NOT NULL), []) AS sources
  FROM inspections i LEFT JOIN status_updates s USING (inspection_id)
  GROUP BY i.inspection_id, i.title, i.published
  ORDER BY statuses = 0, i.published DESC, i.inspection_id`;

export async function dataCoverage(db: Connector): Promise<InspectionCoverage[]> {
  return rowsOf<Omit<InspectionCoverage, 'sources'> & { sources: { toArray(): string[] } }>(await db.query(COVERAGE_SQL))
    .map((row) => ({ ...row, sources: [...row.sources.toArray()] }));
}
