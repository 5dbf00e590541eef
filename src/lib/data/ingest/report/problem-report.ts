import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { Problem, ProblemKind } from './problems';
import type { StagedFile } from '../stage/stage-file';

/** Problems of one kind in one column of one file: how many, and the first few to show. */
export interface ProblemGroup {
  file: string;
  kind: ProblemKind;
  column: string | null;
  count: number;
  problems: Problem[];
}

interface ProblemRow {
  row_no: number | null;
  column_name: string | null;
  value: string | null;
  kind: ProblemKind;
  detail: string | null;
  total: number;
}

/** Every problem of the staged files, grouped by file, kind and column, first row first. */
export async function problemGroups(db: Connector, files: readonly StagedFile[], perGroup = 50): Promise<ProblemGroup[]> {
  const groups: ProblemGroup[] = [];
  for (const file of files) {
    for (const problem of file.fileProblems) {
      groups.push({ file: file.name, kind: problem.kind, column: problem.column, count: 1, problems: [problem] });
    }
    if (file.rowProblems === 0) continue;
    const rows = resultRows<ProblemRow>(await db.query(
      `SELECT row_no::DOUBLE AS row_no, column_name, value, kind, detail, total::DOUBLE AS total FROM (
         SELECT *, count(*) OVER (PARTITION BY kind, column_name) AS total,
                min(row_no) OVER (PARTITION BY kind, column_name) AS first_row,
                row_number() OVER (PARTITION BY kind, column_name ORDER BY row_no, col) AS n
         FROM ${file.names.problems})
       WHERE n <= $1 ORDER BY first_row, kind, column_name, row_no, col`, [perGroup]));
    for (const row of rows) {
      const last = groups.at(-1);
      const problem: Problem = { file: file.name, row: row.row_no, column: row.column_name, value: row.value, kind: row.kind, detail: row.detail };
      if (last && last.file === file.name && last.kind === row.kind && last.column === row.column_name) last.problems.push(problem);
      else groups.push({ file: file.name, kind: row.kind, column: row.column_name, count: row.total, problems: [problem] });
    }
  }
  return groups;
}

/** Every problem of one staged file, in row order: what tests compare against. */
export async function allProblems(db: Connector, file: StagedFile): Promise<Problem[]> {
  const rows = resultRows<Omit<ProblemRow, 'total'>>(await db.query(
    `SELECT row_no::DOUBLE AS row_no, column_name, value, kind, detail FROM ${file.names.problems}
     ORDER BY row_no NULLS FIRST, col NULLS FIRST, kind`));
  return [
    ...file.fileProblems,
    ...rows.map((row) => ({ file: file.name, row: row.row_no, column: row.column_name, value: row.value, kind: row.kind, detail: row.detail })),
  ];
}
