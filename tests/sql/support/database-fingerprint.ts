import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';

/**
 * Every table and view with its row count and a hash of its rows, and the settings user SQL must
 * never change: equal fingerprints mean nothing was written.
 */
export async function databaseFingerprint(db: Connector, include: (table: string) => boolean = () => true): Promise<string> {
  const tables = rowsOf<{ name: string }>(await db.query(
    `SELECT table_name AS name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY name`,
  ));
  const parts: string[] = [];
  for (const { name } of tables.filter((table) => include(table.name))) {
    const [row] = rowsOf<{ n: number; h: string }>(await db.query(
      `SELECT count(*)::INTEGER AS n, coalesce(sum(hash(t))::VARCHAR, '') AS h FROM "${name.replace(/"/g, '""')}" AS t`,
    ));
    parts.push(`${name}:${row?.n}:${row?.h}`);
  }
  const settings = rowsOf<{ name: string; value: string }>(await db.query(
    `SELECT name, value FROM duckdb_settings()
     WHERE name IN ('enable_external_access', 'lock_configuration', 'allowed_directories', 'allowed_paths', 'memory_limit', 'threads')
     ORDER BY name`,
  ));
  for (const { name, value } of settings) parts.push(`${name}=${value}`);
  return parts.join('\n');
}
