import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { isDescriptiveHeader, roleLabel, roleOfHeader, type ColumnRole } from './column-synonyms';
import { LIST_SEPARATOR } from '../vocabulary/mapping-tables';
import { fileProblem, type Problem } from '../report/problems';
import { forceMapSql } from '../vocabulary/value-maps.sql';

/**
 * How a file is laid out. Long: one row per status (a status history when it has dates). Wide:
 * one row per recommendation and one column per force, each cell a status.
 */
export type FileShape = LongShape | WideShape;

export interface LongShape {
  kind: 'long';
  columns: Partial<Record<ColumnRole, number>>;
  ignored: number[];
}

export interface WideShape {
  kind: 'wide';
  columns: Partial<Record<ColumnRole, number>>;
  forceColumns: { index: number; forceId: string }[];
  unknownForceColumns: { index: number; suggestion: string | null }[];
  ignored: number[];
}

/** A header as the report names it; a blank header is named by its spreadsheet letter. */
export function columnName(headers: readonly string[], index: number): string {
  const header = headers[index]?.trim();
  return header ? header : `column ${columnLetter(index)}`;
}

export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const LONG_REQUIRED: ColumnRole[] = ['force', 'inspection', 'recommendation', 'status', 'date'];
const WIDE_REQUIRED: ColumnRole[] = ['inspection', 'recommendation', 'date'];

/**
 * Reads the shape from the headers, or says which columns are missing or ambiguous. `hasDefaultDate`:
 * the user gave a date for files without a Date column.
 */
export async function readShape(
  db: Connector,
  file: string,
  headers: readonly string[],
  hasDefaultDate: boolean,
): Promise<{ shape: FileShape | null; problems: Problem[] }> {
  const byRole = new Map<ColumnRole, number[]>();
  const unassigned: number[] = [];
  headers.forEach((header, index) => {
    const role = roleOfHeader(header);
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), index]);
    else unassigned.push(index);
  });

  const ambiguous = [...byRole.entries()].filter(([, indexes]) => indexes.length > 1);
  if (ambiguous.length > 0) {
    return {
      shape: null,
      problems: ambiguous.map(([role, indexes]) =>
        headerProblem(file, 'ambiguous_columns', `${roleLabel(role)}|${indexes.map((i) => columnName(headers, i)).join(' and ')}`)),
    };
  }
  const columns: Partial<Record<ColumnRole, number>> = Object.fromEntries([...byRole].map(([role, [index]]) => [role, index]));
  const found = headers.map((_, i) => columnName(headers, i)).join(', ');
  const missing = (required: ColumnRole[]) =>
    required.filter((role) => columns[role] === undefined && !(role === 'date' && hasDefaultDate));
  const missingProblem = (roles: ColumnRole[]) =>
    headerProblem(file, 'missing_columns', `${roles.map(roleLabel).join(', ')}|${found}`);

  const looksLong = columns.status !== undefined || columns.force !== undefined;
  const candidates = unassigned.filter((index) => !isDescriptiveHeader(headers[index] ?? '') && headers[index]?.trim());
  const matches = looksLong || candidates.length === 0 ? [] : await matchForceHeaders(db, candidates.map((i) => headers[i]!.trim()));

  if (looksLong || !matches.some((match) => match.forceId)) {
    const absent = missing(LONG_REQUIRED);
    if (absent.length > 0) return { shape: null, problems: [missingProblem(absent)] };
    return { shape: { kind: 'long', columns, ignored: unassigned }, problems: [] };
  }

  const absent = missing(WIDE_REQUIRED);
  if (absent.length > 0) return { shape: null, problems: [missingProblem(absent)] };
  const forceColumns = candidates.flatMap((index, k) => (matches[k]!.forceId ? [{ index, forceId: matches[k]!.forceId! }] : []));
  const unknownForceColumns = candidates.flatMap((index, k) => (matches[k]!.forceId ? [] : [{ index, suggestion: matches[k]!.suggestion }]));
  const used = new Set([...forceColumns, ...unknownForceColumns].map((column) => column.index));
  // Evidence and Status have no place in a wide file; any such column is reported as not read.
  const readRoles: ColumnRole[] = ['inspection', 'recommendation', 'date', 'source'];
  const wideColumns = Object.fromEntries(readRoles.filter((role) => columns[role] !== undefined).map((role) => [role, columns[role]]));
  const ignored = headers.map((_, i) => i).filter((i) => !used.has(i) && !Object.values(wideColumns).includes(i));
  return {
    shape: { kind: 'wide', columns: wideColumns, forceColumns, unknownForceColumns, ignored },
    problems: unknownForceColumns.map(({ index, suggestion }) => ({
      file, row: 1, column: columnName(headers, index), value: headers[index] ?? '', kind: 'unknown_force_column', detail: suggestion,
    })),
  };
}

/** A problem with the header row, which a spreadsheet shows as row 1. */
function headerProblem(file: string, kind: Problem['kind'], detail: string): Problem {
  return { ...fileProblem(file, kind, detail), row: 1 };
}

async function matchForceHeaders(db: Connector, names: string[]): Promise<{ forceId: string | null; suggestion: string | null }[]> {
  const rows = resultRows<{ raw: string; force_id: string | null; suggestion: string | null }>(await db.query(
    forceMapSql(`SELECT unnest(string_split($1, chr(31))) AS raw`), [names.join(LIST_SEPARATOR)]));
  const byName = new Map(rows.map((row) => [row.raw, row]));
  return names.map((name) => ({ forceId: byName.get(name)?.force_id ?? null, suggestion: byName.get(name)?.suggestion ?? null }));
}
