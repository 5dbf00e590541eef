import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { ProblemKind } from './problems';
import type { StagedFile } from '../stage/stage-file';
import type { MappingKind } from '../matching/user-mappings';

/**
 * One problem per distinct value: "Unknown inspection 'X': 344 rows (2–345)". Identical problems
 * (same file, kind, column and value) are one line, with how many rows have it and where.
 */
export interface ProblemValue {
  file: string;
  kind: ProblemKind;
  column: string | null;
  value: string;
  /** The closest known value, or what the message needs beyond the value. */
  detail: string | null;
  rows: number;
  firstRow: number;
  lastRow: number;
}

/** Problems that are about a value as written, so that one value is one problem. */
export const VALUE_PROBLEMS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'unknown_force', 'unknown_inspection', 'bad_recommendation', 'unknown_recommendation', 'unknown_status',
  'date_format', 'date_month_first', 'date_impossible', 'unknown_force_column', 'bad_yes_no', 'due_text_unread',
]);

/** The values the user can map to a known one, and what they map to. */
export const MAPPABLE: Partial<Record<ProblemKind, MappingKind>> = {
  unknown_force: 'force',
  unknown_force_column: 'force',
  unknown_inspection: 'inspection',
  unknown_status: 'status',
  unknown_recommendation: 'recommendation',
};

/** The distinct values of every value problem of the staged files, first row first. */
export async function problemValues(db: Connector, files: readonly StagedFile[]): Promise<ProblemValue[]> {
  const values: ProblemValue[] = [];
  for (const file of files) {
    for (const problem of file.fileProblems) {
      if (VALUE_PROBLEMS.has(problem.kind) && problem.value !== null) {
        values.push({ file: file.name, kind: problem.kind, column: problem.column, value: problem.value, detail: problem.detail, rows: 1, firstRow: problem.row ?? 1, lastRow: problem.row ?? 1 });
      }
    }
    if (file.rowProblems === 0) continue;
    const rows = resultRows<Omit<ProblemValue, 'file'>>(await db.query(
      `SELECT kind, column_name AS "column", value, detail, count(DISTINCT row_no)::INTEGER AS rows,
              min(row_no)::DOUBLE AS "firstRow", max(row_no)::DOUBLE AS "lastRow"
       FROM ${file.names.problems}
       WHERE value IS NOT NULL AND list_contains(string_split($1, ','), kind)
       GROUP BY kind, column_name, value, detail ORDER BY "firstRow", kind, value`, [[...VALUE_PROBLEMS].join(',')]));
    for (const row of rows) values.push({ ...row, file: file.name });
  }
  return values;
}
