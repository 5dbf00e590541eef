/**
 * CSV text for downloads. Cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab/carriage return before one) get a leading apostrophe: OWASP's advice
 * against CSV injection. Numbers are written as numbers, so negative values stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV with a header line; `columns` fixes the order and the header labels. */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly { key: string; label: string }[],
): string {
  const lines = [columns.map((column) => csvCell(column.label)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
