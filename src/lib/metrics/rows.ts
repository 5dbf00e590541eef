import type { Table } from 'apache-arrow';

/**
 * Arrow rows as plain objects. DATE columns arrive as epoch milliseconds and become ISO dates,
 * so results compare and serialise the same in the browser and under Node.
 */
export function rowsOf<T>(table: Table): T[] {
  const dateColumns = table.schema.fields
    .filter((field) => String(field.type).startsWith('Date'))
    .map((field) => field.name);
  return table.toArray().map((row) => {
    const plain = row.toJSON() as Record<string, unknown>;
    for (const name of dateColumns) {
      const value = plain[name];
      if (typeof value === 'number') plain[name] = new Date(value).toISOString().slice(0, 10);
    }
    return plain as T;
  });
}
