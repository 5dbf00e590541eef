import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Reads a reference CSV (header row first) into string records, failing with the file and column
 * names if a column the generator needs is missing.
 */
export function readCsvTable<Column extends string>(
  path: string,
  columns: readonly Column[],
): Record<Column, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string | undefined>>(text, { header: true, skipEmptyLines: true });
  const firstError = parsed.errors[0];
  if (firstError) throw new Error(`${path}: row ${firstError.row ?? '?'}: ${firstError.message}`);
  const header = parsed.meta.fields ?? [];
  const missing = columns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(`${path}: missing column(s) ${missing.join(', ')}; found ${header.join(', ')}`);
  }
  return parsed.data.map((raw) => {
    const row = {} as Record<Column, string>;
    for (const column of columns) row[column] = raw[column] ?? '';
    return row;
  });
}

/** Writes string records as CSV with the given columns in order (LF line ends, a final newline). */
export function writeCsvTable<Column extends string>(
  path: string,
  columns: readonly Column[],
  rows: readonly Record<Column, string>[],
): void {
  const body = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column])) },
    { newline: '\n' },
  );
  writeFileSync(path, `${body}\n`);
}
