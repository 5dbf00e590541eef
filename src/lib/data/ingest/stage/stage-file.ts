import type { Connector } from '../../../db/connector';
import { resultRows } from './result-rows';
import { roleLabel, type ColumnRole } from '../recognise/column-synonyms';
import { columnName, readShape, type FileShape } from '../recognise/file-shape';
import type { PreparedFile } from '../read/prepared-file';
import { fileProblem, type Problem } from '../report/problems';
import { readArrowIntoRaw, readCsvIntoRaw, throwIfCancelled, type RawTable, type ReadProgress } from './raw-table';
import { LOADABLE_SQL, stageStatuses } from './stage-statuses';
import { dropStaging, stagingNames, type StagingNames } from './staging-names';
import type { BatchRelations } from './batch-relations';
import { recogniseKind } from '../recognise/file-kind';
import { REFERENCE_DEFINITIONS, referenceColumns, type FileKind, type ReferenceDefinition } from './reference-kinds';
import { referenceCounts, stageReference } from './stage-reference';
import { isOutOfMemory } from '../report/load-failure';
import { WARNING_PROBLEMS } from '../warnings/warning-kinds';

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
  /** What the file holds, recognised from its headers; null when it fits no kind. */
  kind: FileKind | null;
  /** Long or wide, for a status file. */
  shape: FileShape['kind'] | null;
  /** How each column was read, e.g. "Force", "force: Kent", "not read". */
  columnReadings: { column: string; reading: string }[];
  /** Data rows in the file (rejected and empty ones included). */
  rows: number;
  emptyRows: number;
  /**
   * What the file gives: statuses (one per row in the long shape, one per filled force cell in the
   * wide), or, in a reference file, its non-empty rows.
   */
  statuses: number;
  /** Of those, the ones with no problem, which "load the valid rows" would load. */
  loadable: number;
  /** Rows of a reference file already loaded with the very same values: nothing to add. */
  alreadyLoaded: number;
  /** Problems with the whole file; when any, nothing of it can be loaded. */
  fileProblems: Problem[];
  /** Problems with rows or cells, counted in the database (warnings included). */
  rowProblems: number;
  /** Of those, the warnings: their rows load (warnings/warning-kinds.ts). */
  warnings: number;
  /** Statuses per row (force columns in a wide file, else 1): the step of `seq` from row to row. */
  seqWidth: number;
}

export interface StageFileOptions {
  defaultDate: string | null;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
}

/** A file read into its raw table, its kind known, waiting for its rows to be checked. */
export interface ReadFile {
  staged: StagedFile;
  /** Null when the file cannot be read at all (its problem is in `staged.fileProblems`). */
  raw: RawTable | null;
}

/** Reads a file's cells and recognises its kind. A failure drops this file's working tables. */
export async function readStagedFile(db: Connector, file: PreparedFile, options: StageFileOptions): Promise<ReadFile> {
  const names = stagingNames();
  try {
    return await readFile(db, names, file, options);
  } catch (cause) {
    // Cancelled or failed: this file's working tables go; the loaded data was never touched.
    await dropStaging(db, names);
    throw cause;
  }
}

async function readFile(db: Connector, names: StagingNames, file: PreparedFile, options: StageFileOptions): Promise<ReadFile> {
  const staged: StagedFile = {
    names, name: file.name, size: file.size,
    format: file.kind === 'csv' ? 'csv' : file.kind === 'arrow' ? file.format : null,
    encoding: file.kind === 'csv' ? file.encoding : null,
    delimiter: file.kind === 'csv' ? file.dialect.delimiter : null,
    headers: file.kind === 'csv' ? file.dialect.header : [],
    preview: file.kind === 'csv' ? file.dialect.preview : [],
    kind: null, shape: null, columnReadings: [], rows: 0, emptyRows: 0, statuses: 0, loadable: 0, alreadyLoaded: 0,
    fileProblems: [], rowProblems: 0, warnings: 0, seqWidth: 1,
  };
  await db.query(`CREATE OR REPLACE TABLE ${names.problems} (
    row_no BIGINT, col INTEGER, column_name VARCHAR, value VARCHAR, kind VARCHAR, detail VARCHAR)`);
  if (file.kind === 'refused') return { staged: { ...staged, fileProblems: [file.problem] }, raw: null };

  let raw: RawTable;
  try {
    raw = file.kind === 'csv'
      ? await readCsvIntoRaw(db, names, file, options.onProgress ?? (() => {}), options.signal)
      : await readArrowIntoRaw(db, names, file);
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'LoadCancelled') throw cause;
    // Out of memory says nothing about the file: the whole load fails, in words (load-failure.ts).
    if (isOutOfMemory(cause)) throw cause;
    return { staged: { ...staged, fileProblems: [fileProblem(file.name, 'file_unreadable', cause instanceof Error ? cause.message : String(cause))] }, raw: null };
  }
  throwIfCancelled(options.signal);
  staged.headers = raw.headers;
  staged.rows = await countRecords(db, names, raw);
  if (staged.rows === 0) return { staged: { ...staged, fileProblems: [fileProblem(file.name, 'file_header_only')] }, raw: null };
  staged.kind = await recogniseKind(db, raw.headers);
  if (!staged.kind) {
    const found = raw.headers.map((_, i) => columnName(raw.headers, i)).join(', ');
    return { staged: { ...staged, fileProblems: [{ ...fileProblem(file.name, 'unknown_file_kind', found), row: 1 }] }, raw: null };
  }
  return { staged, raw };
}

/**
 * Checks every row of a read file against the loaded data and the batch's valid reference rows so
 * far, and stages what can load. A failure drops this file's working tables.
 */
export async function checkStagedFile(db: Connector, read: ReadFile, batch: BatchRelations, options: StageFileOptions): Promise<StagedFile> {
  const { staged, raw } = read;
  if (!raw || staged.fileProblems.length > 0) return staged;
  try {
    return staged.kind === 'statuses'
      ? await checkStatuses(db, staged, raw, batch, options)
      : await checkReference(db, staged, raw, REFERENCE_DEFINITIONS[staged.kind!], batch);
  } catch (cause) {
    await dropStaging(db, staged.names);
    throw cause;
  }
}

async function checkReference(db: Connector, staged: StagedFile, raw: RawTable, definition: ReferenceDefinition, batch: BatchRelations): Promise<StagedFile> {
  const columns = referenceColumns(definition, raw.headers);
  await stageReference(db, staged.names, raw, definition, batch, { fileName: staged.name, columns });
  const counts = await referenceCounts(db, staged.names);
  const readAs = new Map(definition.columns.filter((c) => columns[c.column] !== undefined).map((c) => [columns[c.column]!, c.label]));
  return {
    ...staged,
    columnReadings: raw.headers.map((_, index) => ({ column: columnName(raw.headers, index), reading: readAs.get(index) ?? 'not read' })),
    statuses: counts.found, loadable: counts.loadable, alreadyLoaded: counts.already,
    emptyRows: counts.empty, rowProblems: counts.problems,
  };
}

async function checkStatuses(db: Connector, staged: StagedFile, raw: RawTable, batch: BatchRelations, options: StageFileOptions): Promise<StagedFile> {
  const { names } = staged;
  const { shape, problems } = await readShape(db, staged.name, raw.headers, options.defaultDate !== null);
  if (!shape) return { ...staged, fileProblems: problems };
  for (const problem of problems) {
    await db.query(`INSERT INTO ${names.problems} VALUES ($1, $2, $3, $4, $5, $6)`,
      [problem.row, raw.headers.indexOf(problem.value ?? ''), problem.column, problem.value, problem.kind, problem.detail]);
  }
  const result: StagedFile = {
    ...staged,
    shape: shape.kind,
    seqWidth: shape.kind === 'wide' ? Math.max(shape.forceColumns.length, 1) : 1,
    columnReadings: columnReadings(raw.headers, shape),
  };

  await stageStatuses(db, names, raw, shape, { source: staged.name, defaultDate: options.defaultDate, relations: batch });
  throwIfCancelled(options.signal);
  const [counts] = resultRows<{ statuses: number; loadable: number; empty_rows: number; problems: number; warnings: number }>(await db.query(
    `SELECT count(*) FILTER (WHERE NOT is_empty)::INTEGER AS statuses,
            count(*) FILTER (WHERE ${LOADABLE_SQL})::INTEGER AS loadable,
            count(*) FILTER (WHERE is_empty)::INTEGER AS empty_rows,
            (SELECT count(*) FROM ${names.problems})::INTEGER AS problems,
            (SELECT count(*) FROM ${names.problems} WHERE list_contains(string_split($1, ','), kind))::INTEGER AS warnings
     FROM ${names.stage}`, [[...WARNING_PROBLEMS].join(',')]));
  return {
    ...result, statuses: counts!.statuses, loadable: counts!.loadable, emptyRows: counts!.empty_rows,
    rowProblems: counts!.problems, warnings: counts!.warnings,
  };
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
    for (const column of shape.forceColumns) reading.set(column.index, 'statuses of the force it names');
    for (const column of shape.unknownForceColumns) reading.set(column.index, 'not a force: not loaded');
  }
  for (const index of shape.ignored) if (!reading.has(index)) reading.set(index, 'not read');
  return headers.map((_, index) => ({ column: columnName(headers, index), reading: reading.get(index) ?? 'not read' }));
}
