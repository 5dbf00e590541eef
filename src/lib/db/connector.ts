import type { Table } from 'apache-arrow';

/** A value bound to a `$n` placeholder. Dates travel as ISO strings and are cast in SQL. */
export type SqlParam = string | number | boolean | null;

/**
 * The one door to the database. The browser (DuckDB-wasm in a worker) and Node tests
 * (DuckDB-wasm's blocking build) both implement it, so the same SQL runs in both.
 */
export interface Connector {
  /** Runs one statement; parameters are bound, never spliced into the text. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Makes bytes readable by SQL under `name`, e.g. `read_csv('name')`. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream. */
  insertArrowStream(table: string, ipcStream: Uint8Array): Promise<void>;
}

/** Settings that keep DuckDB from fetching extensions from a third-party host at run time. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
] as const;
