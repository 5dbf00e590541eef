import { toCsv } from '../../export/csv-text';
import { describeProblem, problemTitle } from './problem-messages';
import { allProblems } from './problem-report';
import type { Connector } from '../../../db/connector';
import type { StagedFile } from '../stage/stage-file';

/** Every problem of the checked files, one row each, as the user downloads it. */
export async function problemsCsv(db: Connector, files: readonly StagedFile[]): Promise<string> {
  const rows: Record<string, unknown>[] = [];
  for (const file of files) {
    for (const problem of await allProblems(db, file)) {
      const text = describeProblem(problem);
      rows.push({
        file: problem.file, row: problem.row ?? 'whole file', column: problem.column ?? '', value: problem.value ?? '',
        problem: problemTitle(problem.kind), message: text.message, expected: text.expected,
      });
    }
  }
  return toCsv(rows, [
    { key: 'file', label: 'File' }, { key: 'row', label: 'Row' }, { key: 'column', label: 'Column' },
    { key: 'value', label: 'Value' }, { key: 'problem', label: 'Problem' }, { key: 'message', label: 'What was found' },
    { key: 'expected', label: 'Expected' },
  ]);
}
