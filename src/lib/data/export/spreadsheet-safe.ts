/**
 * A cell that starts with = + - @ (or a tab or carriage return) is run as a formula by Excel and
 * friends when the CSV is opened ("CSV injection"). A leading apostrophe makes it text; the
 * spreadsheet shows the rest unchanged.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
