import type { ProblemKind } from '../report/problems';

/**
 * Oddities real trackers contain: the row still means something, so the file loads in one step
 * and the user is told, with one click to take those rows out again. Every other row problem
 * is an error: that row cannot mean anything and stays out.
 */
export const WARNING_PROBLEMS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'date_in_future', 'date_before_publication', 'history_backwards', 'duplicate_row',
]);

/** Warnings whose rows are loaded, and so can be excluded; a duplicate's repeats never are. */
export const EXCLUDABLE_WARNINGS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'date_in_future', 'date_before_publication', 'history_backwards',
]);

/**
 * What a warning names, carried in its detail: the force (id and name), the inspection, the
 * recommendation, the update's date (ISO) and one more fact (the report's publication date, the
 * row repeated, the date it was complete).
 */
export interface WarningDetail {
  forceId: string;
  force: string;
  inspectionId: string;
  recNo: number;
  asOf: string;
  extra: string;
}

/** The detail of a warning about staged row `st` (with the force's row as `f`), as SQL. */
export const warningDetailSql = (extra: string) =>
  `format('{}|{}|{}|{}|{}|{}', st.force_id, f.name, st.inspection_id, st.rec_no, strftime(st.as_of, '%Y-%m-%d'), ${extra})`;

export function readWarningDetail(detail: string | null): WarningDetail {
  const [forceId = '', force = '', inspectionId = '', recNo = '', asOf = '', extra = ''] = (detail ?? '').split('|');
  return { forceId, force, inspectionId, recNo: Number(recNo), asOf, extra };
}
