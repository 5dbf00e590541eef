import type { Connector } from '../../db/connector';
import { rowsOf } from './rows';

export interface ForceListing {
  force_id: string;
  name: string;
  region: string;
}

/** The forces, by name: what pickers list. */
export async function forceList(db: Connector): Promise<ForceListing[]> {
  return rowsOf<ForceListing>(await db.query('SELECT force_id, name, region FROM forces ORDER BY name'));
}

export interface InspectionListing {
  inspection_id: string;
  title: string;
  published: string;
  kind: string;
  source_url: string | null;
  /** Recommendations in the data, and of those the ones addressed to forces. */
  recommendations: number;
  for_forces: number;
}

const INSPECTION_LIST_SQL = `SELECT i.inspection_id, i.title, i.published, i.kind, i.source_url,
       count(r.rec_no)::INTEGER AS recommendations,
       count(r.rec_no) FILTER (r.for_forces)::INTEGER AS for_forces
FROM inspections i
LEFT JOIN recommendations r ON r.inspection_id = i.inspection_id
GROUP BY ALL
ORDER BY i.published DESC, i.inspection_id`;

/** The reports, newest first, with how many of their recommendations the data holds. */
export async function inspectionList(db: Connector): Promise<InspectionListing[]> {
  return rowsOf<InspectionListing>(await db.query(INSPECTION_LIST_SQL));
}

export interface RecommendationListing {
  rec_no: number;
  text: string | null;
  addressee: string | null;
  for_forces: boolean;
  due_text: string | null;
  due_date: string | null;
  source_url: string | null;
}

/** One report's recommendations as written, forces' or not. */
export async function recommendationList(db: Connector, inspectionId: string): Promise<RecommendationListing[]> {
  return rowsOf<RecommendationListing>(
    await db.query(
      `SELECT rec_no, text, addressee, for_forces, due_text, due_date, source_url
       FROM recommendations WHERE inspection_id = $1 ORDER BY rec_no`,
      [inspectionId],
    ),
  );
}
