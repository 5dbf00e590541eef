import type { SqlParam } from './connector';

/**
 * Query results recorded ahead of time, so the first view draws before the engine has started:
 * at build time for the shipped data, and with every save for the user's own data.
 * Each entry is one (SQL, parameters) pair and its result as a base64 Arrow IPC stream.
 */
export interface Snapshot {
  /** Identifies the data the results were computed from (a hash of the shipped files, or a save). */
  dataKey: string;
  entries: { sql: string; params: SqlParam[]; ipc: string }[];
}

export function snapshotKey(sql: string, params: readonly SqlParam[]): string {
  return `${sql}\u0000${JSON.stringify(params)}`;
}

// btoa and atob take one character per byte; in slices, so a large result never overflows the stack.
const SLICE = 0x8000;

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
