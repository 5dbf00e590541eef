import type { Table } from 'apache-arrow';

/**
 * A query result as plain objects, for the ingest and export SQL, whose results are numbers and
 * text only (dates are formatted in the SQL). The data layer sits below metrics, so it does not
 * borrow metrics' `rowsOf`, which also converts dates.
 */
export function resultRows<T>(table: Table): T[] {
  return table.toArray().map((row) => row.toJSON() as T);
}
