import type { SqlParam } from './connector';

/**
 * Query results recorded at build time, so the first view draws before the engine has started.
 * Each entry is one (SQL, parameters) pair and its result as a base64 Arrow IPC stream.
 */
export interface Snapshot {
  /** Identifies the data the results were computed from (a hash of the shipped files). */
  dataKey: string;
  entries: { sql: string; params: SqlParam[]; ipc: string }[];
}

export function snapshotKey(sql: string, params: readonly SqlParam[]): string {
  return `${sql}\u0000${JSON.stringify(params)}`;
}
