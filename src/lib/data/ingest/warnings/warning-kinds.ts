import type { ProblemKind } from '../report/problems';

/**
 * Oddities real trackers contain: the row still means something, so the file loads in one step
 * and the user is told, with one click to take those rows out again. Every other row problem
 * is an error: that row cannot mean anything and stays out.
 */
export const WARNING_PROBLEMS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'date_in_future', 'date_before_publication', 'history_backwards', 'history_backwards_loaded', 'duplicate_row',
]);

/** Warnings whose rows are loaded, and so can be excluded; a duplicate's repeats never are. */
export const EXCLUDABLE_WARNINGS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'date_in_future', 'date_before_publication', 'history_backwards', 'history_backwards_loaded',
]);

/**
 * What a warning names, carried in its detail: the force (id and name), the inspection, the
 * recommendation, the update's date (ISO) and one more fact (the report's publication date, the
 * row repeated, the date it was complete).
 */
export interface WarningDetail {
  forceId: string;
  force: string;
  /** The inspection as the file wrote it. */
  inspection: string;
  recNo: number;
  asOf: string;
  extra: string;
}

/**
 * The detail of a warning about staged row `st` (with the force's row as `f`), as SQL. The
 * inspection is named as the file wrote it (`inspectionMap`, the file's map of inspection cells),
 * the user's own words rather than our id.
 */
export const warningDetailSql = (extra: string, inspectionMap: string) =>
  `format('{}|{}|{}|{}|{}|{}', st.force_id, f.name,
    coalesce((SELECT min(im.clean) FROM ${inspectionMap} im WHERE im.inspection_id = st.inspection_id), st.inspection_id),
    st.rec_no, strftime(st.as_of, '%Y-%m-%d'), ${extra})`;

/**
 * The status cell of staged row `st` as the file wrote it: `STATUS_AS_WRITTEN`, with the join
 * `statusAsWrittenJoin(cells)` (`cells`, the file's cells view). A join, not a subquery per row.
 */
export const STATUS_AS_WRITTEN = 'ingest_clean(written.status_cell)';
export const statusAsWrittenJoin = (cells: string) =>
  `LEFT JOIN ${cells} written ON written.row_no = st.row_no AND written.col = st.col`;

export function readWarningDetail(detail: string | null): WarningDetail {
  const [forceId = '', force = '', inspection = '', recNo = '', asOf = '', extra = ''] = (detail ?? '').split('|');
  return { forceId, force, inspection, recNo: Number(recNo), asOf, extra };
}
