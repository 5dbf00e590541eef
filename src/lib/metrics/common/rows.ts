import type { Field, Struct, Table, Vector } from 'apache-arrow';

/**
 * Arrow rows as plain objects. DATE columns arrive as epoch milliseconds and become ISO dates,
 * so results compare and serialise the same in the browser and under Node. Read column by column
 * rather than through Arrow's row proxies: the same values, several times faster for the thousands
 * of rows a force's recommendations or history give at a million updates.
 */
export function rowsOf<T>(table: Table): T[] {
  return plainRows(table.schema.fields, (j) => table.getChildAt(j)!, table.numRows);
}

/**
 * The rows of a one-row result's list column (a list of structs, as `list(r ORDER BY …)` gives:
 * one statement answering several parts), converted as rowsOf converts a table's.
 */
export function listRowsOf<T>(table: Table, column: string): T[] {
  const list = table.getChild(column)?.get(0) as Vector<Struct> | null | undefined;
  if (!list) return [];
  return plainRows(list.type.children, (j) => list.getChildAt(j)!, list.length);
}

function plainRows<T>(fields: readonly Field[], child: (j: number) => Vector, length: number): T[] {
  const names = fields.map((field) => field.name);
  const columns = fields.map((field, j) => columnValues(child(j), String(field.type).startsWith('Date')));
  const rows = new Array<T>(length);
  for (let i = 0; i < length; i++) {
    const plain: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) plain[names[j]!] = columns[j]![i];
    rows[i] = plain as T;
  }
  return rows;
}

/**
 * One column's values. Each distinct date is formatted once: a force's 8,000 history rows hold
 * a few hundred days, and formatting every value was half the conversion time.
 */
function columnValues(column: Vector, isDate: boolean): unknown[] {
  const values = new Array<unknown>(column.length);
  const formatted = new Map<number, string>();
  for (let i = 0; i < column.length; i++) {
    const value: unknown = column.get(i);
    if (!isDate || typeof value !== 'number') {
      values[i] = value;
      continue;
    }
    let iso = formatted.get(value);
    if (iso === undefined) formatted.set(value, (iso = new Date(value).toISOString().slice(0, 10)));
    values[i] = iso;
  }
  return values;
}
