/**
 * A problem found in a file. Rows are numbered as a spreadsheet shows them: the header is row 1,
 * so the first data row is row 2. `row` is null for a problem with the whole file.
 */
export interface Problem {
  file: string;
  row: number | null;
  /** The column's header as written in the file. */
  column: string | null;
  value: string | null;
  kind: ProblemKind;
  /** What the message needs beyond the value, e.g. the suggested force ("did you mean"). */
  detail: string | null;
}

/** Problems that stop a whole file from loading. */
export const FILE_PROBLEMS = [
  'file_empty',
  'file_header_only',
  'file_not_text',
  'file_spreadsheet',
  'file_too_large',
  'file_unreadable',
  'missing_columns',
  'ambiguous_columns',
  'unknown_file_kind',
] as const;

/** Problems with one row (or one cell), which stop that row; those in warnings/warning-kinds.ts load it. */
export const ROW_PROBLEMS = [
  'unknown_force_column',
  'ragged_row',
  'bad_quote',
  'unclosed_quote',
  'unreadable_row',
  'empty_value',
  'unknown_force',
  'unknown_inspection',
  'bad_recommendation',
  'unknown_recommendation',
  'unknown_status',
  'date_format',
  'date_month_first',
  'date_impossible',
  'date_before_publication',
  'duplicate_row',
  'date_in_future',
  'history_backwards',
  'history_backwards_loaded',
  'bad_yes_no',
  'due_text_unread',
  'due_before_publication',
  'duplicate_key',
  'key_conflict',
] as const;

export type ProblemKind = (typeof FILE_PROBLEMS)[number] | (typeof ROW_PROBLEMS)[number];

export function fileProblem(file: string, kind: ProblemKind, detail: string | null = null, column: string | null = null, value: string | null = null): Problem {
  return { file, row: null, column, value, kind, detail };
}
