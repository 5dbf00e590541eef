import type { ResultCell, ResultTable } from './result-table';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A result as CSV (RFC 4180, CRLF line ends). Text cells that a spreadsheet would run as a formula
 * get a leading apostrophe; numbers stay numbers, so a negative count is still a number.
 */
export function resultToCsv(result: Pick<ResultTable, 'columns' | 'rows'>): string {
  const header = result.columns.map((column) => quote(neutralise(column.name)));
  const lines = result.rows.map((row) => result.columns.map((column) => csvCell(row[column.name] ?? null)).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}

function csvCell(value: ResultCell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quote(neutralise(value));
}

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
