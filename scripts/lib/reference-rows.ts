/**
 * The shipped reference tables as their CSV files hold them: every field a string, so rows read
 * from data/ can be written back unchanged (with --out-dir) next to the synthetic ones.
 */

export const FORCE_COLUMNS = ['force_id', 'name', 'region', 'country', 'ons_code', 'aliases'] as const;
export const INSPECTION_COLUMNS = ['inspection_id', 'title', 'published', 'kind', 'source_url'] as const;
export const RECOMMENDATION_COLUMNS = [
  'inspection_id',
  'rec_no',
  'text',
  'addressee',
  'for_forces',
  'due_text',
  'due_date',
  'source_url',
] as const;

export type ForceRow = Record<(typeof FORCE_COLUMNS)[number], string>;
export type InspectionRow = Record<(typeof INSPECTION_COLUMNS)[number], string>;
export type RecommendationRow = Record<(typeof RECOMMENDATION_COLUMNS)[number], string>;

/** Only recommendations addressed to forces get statuses; the CSV says "true" or "false". */
export function isForForces(rec: RecommendationRow): boolean {
  return rec.for_forces.trim().toLowerCase() === 'true';
}
