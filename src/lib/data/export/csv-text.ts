import { spreadsheetSafe } from './spreadsheet-safe';

/** One CSV line (RFC 4180): cells quoted when they hold a comma, a quote or a line break. */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map((cell) => csvCell(cell == null ? '' : String(cell))).join(',');
}

function csvCell(value: string): string {
  const safe = spreadsheetSafe(value);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}
