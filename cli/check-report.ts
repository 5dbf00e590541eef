import { describeProblem, problemTitle } from '../src/lib/data/ingest/report/problem-messages';
import type { StagedFile } from '../src/lib/data/ingest/stage/stage-file';
import type { CheckedFiles } from './load-files';

/** One problem as the Data view's table shows it: row, column, value, what is wrong, what was expected. */
export interface ReportedProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
  expected: string;
}

export interface CheckReport {
  files: {
    file: string;
    kind: StagedFile['kind'];
    shape: StagedFile['shape'];
    format: StagedFile['format'];
    rows: number;
    /** Statuses (or reference rows) the file gives, and how many of them can load. */
    statuses: number;
    loadable: number;
  }[];
  /** Problems that stop a row or a whole file, grouped as the Data view groups them. */
  errors: {
    file: string;
    title: string;
    column: string | null;
    count: number;
    problems: ReportedProblem[];
  }[];
  /** Oddities that still load, e.g. empty rows skipped. */
  warnings: { file: string; message: string }[];
}

const plural = (n: number, noun: string) => `${n.toLocaleString('en-GB')} ${noun}${n === 1 ? '' : 's'}`;

export function checkReport({ staged, groups }: CheckedFiles): CheckReport {
  return {
    files: staged.map((file) => ({
      file: file.name, kind: file.kind, shape: file.shape, format: file.format, rows: file.rows,
      statuses: file.statuses, loadable: file.fileProblems.length ? 0 : file.loadable,
    })),
    errors: groups.map((group) => ({
      file: group.file,
      title: problemTitle(group.kind),
      column: group.column,
      count: group.count,
      problems: group.problems.map((problem) => ({
        row: problem.row, column: problem.column, value: problem.value, ...describeProblem(problem),
      })),
    })),
    warnings: staged.filter((file) => file.emptyRows > 0).map((file) => ({
      file: file.name, message: `${plural(file.emptyRows, 'empty row')} skipped.`,
    })),
  };
}

const kindWords = (file: CheckReport['files'][number]) =>
  file.kind === 'statuses' ? `statuses${file.shape ? `, ${file.shape} shape` : ''}` : file.kind ?? 'not recognised';

/** The report as text: each file, then each group of problems with its first examples. */
export function checkText(report: CheckReport): string {
  const lines: string[] = ['Rows are numbered as a spreadsheet shows them: the header is row 1, so the first data row is row 2.'];
  for (const file of report.files) {
    lines.push('', `${file.file}: ${kindWords(file)}, ${file.format ?? 'format not recognised'}; ${plural(file.rows, 'data row')}; ${file.loadable.toLocaleString('en-GB')} of ${file.statuses.toLocaleString('en-GB')} can load`);
    for (const warning of report.warnings.filter((w) => w.file === file.file)) lines.push(`  Warning: ${warning.message}`);
    for (const group of report.errors.filter((g) => g.file === file.file)) {
      lines.push(`  ${group.title}${group.column ? ` in column ${group.column}` : ''}: ${plural(group.count, 'problem')}`);
      for (const problem of group.problems) {
        const where = problem.row === null ? 'whole file' : `row ${problem.row}`;
        const value = problem.value === null ? '' : ` "${problem.value}"`;
        lines.push(`    ${where}${value}: ${problem.message} Expected: ${problem.expected}.`);
      }
      if (group.count > group.problems.length) lines.push(`    … ${plural(group.count - group.problems.length, 'more problem')} like these.`);
    }
  }
  const errors = report.errors.reduce((sum, group) => sum + group.count, 0);
  lines.push('', errors > 0 ? `${plural(errors, 'problem')} found: the rows with problems would not load.` : 'No problems found.');
  return lines.join('\n');
}
