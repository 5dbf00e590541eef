import { STATUS_VOCABULARY } from '../vocabulary/status-vocabulary';
import type { Problem, ProblemKind } from './problems';
import { FILE_KINDS, kindNeeds, SHIPPED_HOLDER } from '../stage/reference-kinds';
import { readWarningDetail } from '../warnings/warning-kinds';

/** The words of every problem, in one place: what went wrong, and what was expected instead. */
export interface ProblemText {
  message: string;
  expected: string;
}

/**
 * The largest file read in the browser, and the most data a Parquet or Arrow file may decode to:
 * about 5 million status rows, the largest scale Oversight is measured at. DuckDB-wasm has 4 GB
 * of memory for the file's cells, the checked rows and the loaded table together; beyond this a
 * load would risk running out, so it is refused up front instead.
 */
export const MAX_FILE_BYTES = 512 * 1024 ** 2;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

export const EXPECTED = {
  force: 'one of the 43 forces of England and Wales, by name, slug, ONS code or alias (see "How force names are read")',
  inspection: 'an inspection\'s short code, title (with or without "An inspection of") or web address (see "Inspections")',
  recommendation: 'a recommendation number, e.g. 2, R2, Rec. 2, No. 2 or Recommendation 2',
  // The canonical words as people write them ("not started"), which read the same.
  status: `one of: ${[...new Set(STATUS_VOCABULARY.map((w) => w.word.replaceAll('_', ' ')))].join(', ')}`,
  date: 'a date written YYYY-MM-DD, DD/MM/YYYY (day first) or 31 Jul 2024',
} as const;

/** What an empty required cell should hold, by the column's label. */
const EXPECTED_BY_LABEL: Record<string, string> = {
  ...EXPECTED,
  published: EXPECTED.date,
  title: 'the title of the report',
};


const groupTitles: Record<ProblemKind, string> = {
  file_empty: 'Empty file',
  file_header_only: 'No data rows',
  file_not_text: 'Not a text file',
  file_spreadsheet: 'Spreadsheet workbook',
  file_too_large: 'File too large',
  file_unreadable: 'File could not be read',
  missing_columns: 'Missing columns',
  ambiguous_columns: 'Ambiguous columns',
  unknown_force_column: 'Column is not a force',
  ragged_row: 'Wrong number of columns',
  bad_quote: 'Badly quoted value',
  unclosed_quote: 'Quote never closed',
  unreadable_row: 'Row could not be read',
  empty_value: 'Empty value',
  unknown_force: 'Unknown force',
  unknown_inspection: 'Unknown inspection',
  bad_recommendation: 'Not a recommendation number',
  unknown_recommendation: 'Unknown recommendation',
  unknown_status: 'Unknown status word',
  date_format: 'Not a date',
  date_month_first: 'Month-first date',
  date_impossible: 'Impossible date',
  date_before_publication: 'Warning, loaded: date before the report',
  duplicate_row: 'Warning: duplicate row, loaded once',
  date_in_future: 'Warning, loaded: date after today',
  history_backwards: 'Warning, loaded: complete, then not',
  history_backwards_loaded: 'Warning, loaded: complete in a file already loaded, then not',
  unknown_file_kind: 'Not a file Oversight reads',
  bad_yes_no: 'Not yes or no',
  due_text_unread: 'Deadline not read',
  due_before_publication: 'Due before the report',
  duplicate_key: 'Given twice',
  key_conflict: 'Already loaded differently',
};

export function problemTitle(kind: ProblemKind): string {
  return groupTitles[kind];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function impossibleDateReason(ymd: string): string {
  const [year, month] = ymd.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  return `${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days`;
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`;
}

/** An ISO date as people here write it: 31/07/2024. */
function dayFirst(iso: string): string {
  const [y, m, d] = iso.split('-');
  return y && m && d ? `${d}/${m}/${y}` : iso;
}

/** Splits a detail made of `|`-separated parts (values never contain a `|` we put there). */
function parts(detail: string | null): string[] {
  return (detail ?? '').split('|');
}

export function describeProblem(problem: Problem): ProblemText {
  const { value, detail, column } = problem;
  switch (problem.kind) {
    case 'file_empty':
      return { message: 'The file is empty.', expected: 'a header row and at least one data row' };
    case 'file_header_only':
      return { message: 'The file has a header row but no data rows.', expected: 'at least one data row under the header' };
    case 'file_not_text':
      return {
        message: `This file is not text (it contains a binary byte at position ${detail}), so it cannot be read as CSV.`,
        expected: 'CSV text, Parquet or Arrow IPC',
      };
    case 'file_spreadsheet':
      return {
        message: 'This is a spreadsheet workbook, not CSV.',
        expected: 'CSV: in your spreadsheet, save as "CSV UTF-8", then load that file',
      };
    case 'file_too_large': {
      const [bytes, limit, decoded] = parts(detail);
      const most = formatBytes(Number(limit));
      return {
        message: decoded
          ? `The file decodes to ${formatBytes(Number(bytes))} of data; Oversight reads up to ${most} in the browser.`
          : `The file is ${formatBytes(Number(bytes))}; Oversight reads files of up to ${most} in the browser.`,
        expected: `at most ${most} (about 5 million statuses): split the file`,
      };
    }
    case 'file_unreadable':
      return { message: `The file could not be read: ${detail}`, expected: 'a valid CSV, Parquet or Arrow IPC file' };
    case 'missing_columns': {
      const [missing, found] = parts(detail);
      return {
        message: `Missing ${missing!.includes(',') ? 'columns' : 'column'}: ${missing}. Found: ${found || 'no columns'}.`,
        expected: 'long shape: Force, Inspection, Recommendation, Status, Date (Evidence and Source optional); '
          + 'or wide shape: Inspection, Recommendation, Date and one column per force',
      };
    }
    case 'ambiguous_columns': {
      const [role, columns] = parts(detail);
      return { message: `Columns ${columns} could each be the ${role} column.`, expected: `one ${role} column: rename or remove the others` };
    }
    case 'unknown_force_column':
      return {
        message: `Column "${column}" is not a force${detail ? `. Did you mean ${detail}?` : '.'}`,
        expected: `in the wide shape, every column other than Inspection, Recommendation, Date and Source names a force: ${EXPECTED.force}`,
      };
    case 'ragged_row': {
      const [found, wanted] = parts(detail);
      return { message: `This row has ${found} columns; the header has ${wanted}.`, expected: `${wanted} columns, as in the header` };
    }
    case 'bad_quote':
      return {
        message: 'A quoted value is followed by more text before the next delimiter.',
        expected: 'a closing quote straight before the delimiter or the end of the row; a quote inside a quoted value is written twice ("")',
      };
    case 'unclosed_quote':
      return {
        message: 'A quoted value starts in this row and is never closed, so the rest of the file could not be read.',
        expected: 'every opening quote closed by another quote',
      };
    case 'unreadable_row':
      return { message: `This row could not be read (${detail}).`, expected: 'a CSV row like the others' };
    case 'empty_value':
      return { message: `${detail} is empty.`, expected: EXPECTED_BY_LABEL[detail!.toLowerCase()] ?? 'a value' };
    case 'unknown_force':
      return { message: `Unknown force: ${value}.${detail ? ` Did you mean ${detail}?` : ''}`, expected: EXPECTED.force };
    case 'unknown_inspection':
      return { message: `Unknown inspection: ${value}.${detail ? ` Did you mean "${detail}"?` : ''}`, expected: EXPECTED.inspection };
    case 'bad_recommendation':
      return detail === 'positive'
        ? { message: `Not a recommendation number: ${value}. A recommendation is numbered 1, 2, 3…`, expected: 'a whole number from 1 up, e.g. 2 or R2' }
        : { message: `Not a recommendation number: ${value}.`, expected: EXPECTED.recommendation };
    case 'unknown_recommendation': {
      const [id, number, known, likely, written] = parts(detail);
      const inspection = written || id;
      const guess = likely ? ` Did you mean recommendation ${likely}?` : '';
      return {
        message: number
          ? `${inspection} has no recommendation ${number} addressed to forces.${guess}`
          : `Not a recommendation of ${inspection} as written: ${value}.${guess}`,
        expected: `one of ${inspection}'s recommendations to forces: ${known}, e.g. 2, R2 or Rec. 2; or say once what "${value}" means`,
      };
    }
    case 'unknown_status':
      return { message: `Unknown status word: ${value}.${detail ? ` Did you mean ${detail}?` : ''}`, expected: EXPECTED.status };
    case 'date_format':
      return { message: `Not a date: ${value}.`, expected: EXPECTED.date };
    case 'date_month_first':
      return {
        message: `${value} is not a day-first date: there is no month ${detail}. Dates are read day-first (DD/MM/YYYY); month-first dates are never guessed.`,
        expected: EXPECTED.date,
      };
    case 'date_impossible':
      return { message: `${value} is not a real date: ${impossibleDateReason(detail!)}.`, expected: EXPECTED.date };
    case 'date_before_publication': {
      const w = readWarningDetail(detail);
      return {
        message: `${w.force}, ${w.inspection} recommendation ${w.recNo}: ${value} is before the report was published (${dayFirst(w.extra)}). It is loaded.`,
        expected: `a date on or after ${dayFirst(w.extra)}; check the day and month are not swapped`,
      };
    }
    case 'duplicate_row': {
      const w = readWarningDetail(detail);
      return {
        message: `${w.force}, ${w.inspection} recommendation ${w.recNo} on ${dayFirst(w.asOf)}: the same status as row ${w.extra}. It is loaded once.`,
        expected: 'each status given once',
      };
    }
    case 'date_in_future': {
      const w = readWarningDetail(detail);
      return {
        message: `${w.force}, ${w.inspection} recommendation ${w.recNo}: dated ${value}, after today. It is loaded, but the dashboard's date stays today or the last update not in the future.`,
        expected: 'a date on or before today; check the day, month and year',
      };
    }
    case 'history_backwards': {
      const w = readWarningDetail(detail);
      return {
        message: `${w.force}, ${w.inspection} recommendation ${w.recNo}: ${value} on ${dayFirst(w.asOf)}, after it was complete on ${dayFirst(w.extra)}. It is loaded: from that date it counts as not complete.`,
        expected: 'a history that moves forward, or a reopened recommendation said so in the evidence',
      };
    }
    case 'history_backwards_loaded': {
      const w = readWarningDetail(detail);
      const [loadedOn = '', source = ''] = w.extra.split('~');
      return {
        message: `${w.force}, ${w.inspection} recommendation ${w.recNo}: ${value} on ${dayFirst(w.asOf)}, after ${source}, already loaded, said complete on ${dayFirst(loadedOn)}. It is loaded: from that date it counts as not complete.`,
        expected: 'a history that moves forward, or a reopened recommendation said so in the evidence',
      };
    }
    case 'unknown_file_kind':
      return {
        message: `These headers fit no kind of file Oversight reads. Found: ${detail || 'no columns'}.`,
        expected: `the columns of one kind: ${FILE_KINDS.map(kindNeeds).join('; ')}`,
      };
    case 'bad_yes_no':
      return { message: `Not yes or no: ${value}.`, expected: 'true or false (also yes/no, y/n, 1/0); blank means true' };
    case 'due_text_unread':
      return {
        message: `No due date can be read from "${value}", and no Due date is given.`,
        expected: 'a deadline such as "By 31 July 2024", "By March 2025", "Within three months" or "With immediate effect", or a Due date column',
      };
    case 'due_before_publication': {
      const [inspection, published] = parts(detail);
      return {
        message: `The due date ${value} is before ${inspection} was published (${published}).`,
        expected: `a due date on or after ${published}; check the day and month are not swapped`,
      };
    }
    case 'duplicate_key': {
      const [first, key] = parts(detail);
      return { message: `This row gives ${key} again; row ${first} gave it first.`, expected: 'each row given once: remove or merge the repeats' };
    }
    case 'key_conflict': {
      const [key, holder] = parts(detail);
      return {
        message: `Already loaded from ${holder} with different values: ${key}. This row was not loaded.`,
        expected: holder === SHIPPED_HOLDER
          ? 'the same values as the shipped row: shipped reference rows stay'
          : `the same values as ${holder}, or remove that file first to load these instead`,
      };
    }
  }
}
