import type { Connector } from '../db/connector';
import { resultTable } from './result-table';

export interface SchemaTable {
  name: string;
  /** "table" or "view"; temporary objects are marked. */
  kind: string;
  columns: { name: string; type: string }[];
}

// duckdb_columns() lists tables and views of every attached database; internal ones are DuckDB's own.
const SCHEMA_SQL = `SELECT c.table_name, c.column_name, c.data_type,
       CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END
         || CASE WHEN c.database_name = 'temp' THEN ' (temporary)' ELSE '' END AS kind
FROM duckdb_columns() c
LEFT JOIN duckdb_views() v
  ON v.database_name = c.database_name AND v.schema_name = c.schema_name AND v.view_name = c.table_name
WHERE NOT c.internal
ORDER BY c.table_name, c.column_index`;

/** The tables a user can query, with their columns and types, for the schema browser. */
export async function loadSchema(db: Connector): Promise<SchemaTable[]> {
  const { rows } = resultTable(await db.query(SCHEMA_SQL));
  const tables = new Map<string, SchemaTable>();
  for (const row of rows) {
    const name = String(row.table_name);
    let table = tables.get(name);
    if (!table) tables.set(name, (table = { name, kind: String(row.kind), columns: [] }));
    table.columns.push({ name: String(row.column_name), type: String(row.data_type) });
  }
  return [...tables.values()];
}
