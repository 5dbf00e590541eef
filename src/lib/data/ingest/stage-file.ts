import type { Connector } from '../../db/connector';
import { resultRows } from './result-rows';
import { roleLabel, type ColumnRole } from './column-synonyms';
import { columnName, readShape, type FileShape } from './file-shape';
import type { PreparedFile } from './prepared-file';
import { fileProblem, type Problem } from './problems';
import { readArrowIntoRaw, readCsvIntoRaw, throwIfCancelled, type RawTable, type ReadProgress } from './raw-table';
import { LOADABLE_SQL, stageStatuses } from './stage-statuses';
import { dropStaging, stagingNames, type StagingNames } from './staging-names';

/** One file checked and staged: what was read, how, and what can be loaded. */
export interface StagedFile {
  names: StagingNames;
  name: string;
  size: number;
  format: 'csv' | 'parquet' | 'arrow' | null;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  /** The first rows as read by PapaParse (CSV), shown while the rest loads. */
  preview: string[][];
  shape: FileShape['kind'] | null;
  /** How each column was read, e.g. "Force", "force: Kent", "not read". */
  columnReadings: { column: string; reading: string }[];
  /** Data rows in the file (rejected and empty ones included). */
  rows: number;
  emptyRows: number;
  /** Statuses found (one per row in the long shape, one per filled force cell in the wide). */
  statuses: number;
  /** Statuses with no problem, which "load the valid rows" would load. */
  loadable: number;
  /** Problems with the whole file; when any, nothing of it can be loaded. */
  fileProblems: Problem[];
  /** Problems with rows or cells, counted in the database. */
  rowProblems: number;
  /** Statuses per row (force columns in a wide file, else 1): the step of `seq` from row to row. */
  seqWidth: number;
}

export interface StageFileOptions {
  defaultDate: string | null;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

export async function stageFile(db: Connector, file: PreparedFile, options: StageFileOptions): Promise<StagedFile> {
  const names = stagingNames();
  try {
    return await checkFile(db, names, file, options);
  } catch (cause) {
    // Cancelled or failed: this file's working tables go; the loaded data was never touched.
    await dropStaging(db, names);
    throw cause;
  }
}

async function checkFile(db: Connector, names: StagingNames, file: PreparedFile, options: StageFileOptions): Promise<StagedFile> {
  const staged: StagedFile = {
    names, name: file.name, size: file.size,
    format: file.kind === 'csv' ? 'csv' : file.kind === 'arrow' ? file.format : null,
    encoding: file.kind === 'csv' ? file.encoding : null,
    delimiter: file.kind === 'csv' ? file.dialect.delimiter : null,
    headers: file.kind === 'csv' ? file.dialect.header : [],
    preview: file.kind === 'csv' ? file.dialect.preview : [],
    shape: null, columnReadings: [], rows: 0, emptyRows: 0, statuses: 0, loadable: 0, fileProblems: [], rowProblems: 0, seqWidth: 1,
  };
  await db.query(`CREATE OR REPLACE TABLE ${names.problems} (
    row_no BIGINT, col INTEGER, column_name VARCHAR, value VARCHAR, kind VARCHAR, detail VARCHAR)`);
  if (file.kind === 'refused') return { ...staged, fileProblems: [file.problem] };

  let raw: RawTable;
  try {
    raw = file.kind === 'csv'
      ? await readCsvIntoRaw(db, names, file, options.onProgress ?? (() => {}), options.signal)
      : await readArrowIntoRaw(db, names, file);
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'LoadCancelled') throw cause;
    return { ...staged, fileProblems: [fileProblem(file.name, 'file_unreadable', cause instanceof Error ? cause.message : String(cause))] };
  }
  throwIfCancelled(options.signal);
  staged.headers = raw.headers;
  staged.rows = await countRecords(db, names, raw);
  if (staged.rows === 0) return { ...staged, fileProblems: [fileProblem(file.name, 'file_header_only')] };

  const { shape, problems } = await readShape(db, file.name, raw.headers, options.defaultDate !== null);
  if (!shape) return { ...staged, fileProblems: problems };
  for (const problem of problems) {
    await db.query(`INSERT INTO ${names.problems} VALUES ($1, $2, $3, $4, $5, $6)`,
      [problem.row, raw.headers.indexOf(problem.value ?? ''), problem.column, problem.value, problem.kind, problem.detail]);
  }
  staged.shape = shape.kind;
  staged.seqWidth = shape.kind === 'wide' ? Math.max(shape.forceColumns.length, 1) : 1;
  staged.columnReadings = columnReadings(raw.headers, shape);

  await stageStatuses(db, names, raw, shape, { source: file.name, defaultDate: options.defaultDate });
  throwIfCancelled(options.signal);
  const [counts] = resultRows<{ statuses: number; loadable: number; empty_rows: number; problems: number }>(await db.query(
    `SELECT count(*) FILTER (WHERE NOT is_empty)::INTEGER AS statuses,
            count(*) FILTER (WHERE ${LOADABLE_SQL})::INTEGER AS loadable,
            count(*) FILTER (WHERE is_empty)::INTEGER AS empty_rows,
            (SELECT count(*) FROM ${names.problems})::INTEGER AS problems
     FROM ${names.stage}`));
  return { ...staged, statuses: counts!.statuses, loadable: counts!.loadable, emptyRows: counts!.empty_rows, rowProblems: counts!.problems };
}

/** Data rows, counting the rows the CSV reader rejected (they are problems, not absent). */
async function countRecords(db: Connector, names: StagingNames, raw: RawTable): Promise<number> {
  const [row] = resultRows<{ n: number }>(await db.query(
    `SELECT ((SELECT count(*) FROM ${names.raw}) + (SELECT count(*) FROM ${names.problems}))::INTEGER AS n`));
  return row?.n ?? raw.rows;
}

function columnReadings(headers: readonly string[], shape: FileShape): { column: string; reading: string }[] {
  const reading = new Map<number, string>();
  for (const [role, index] of Object.entries(shape.columns) as [ColumnRole, number][]) reading.set(index, roleLabel(role));
  if (shape.kind === 'wide') {
    for (const column of shape.forceColumns) reading.set(column.index, `status for force ${column.forceId}`);
    for (const column of shape.unknownForceColumns) reading.set(column.index, 'not a force: not loaded');
  }
  for (const index of shape.ignored) if (!reading.has(index)) reading.set(index, 'not read');
  return headers.map((_, index) => ({ column: columnName(headers, index), reading: reading.get(index) ?? 'not read' }));
}
