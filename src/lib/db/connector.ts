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
  /**
   * Runs one statement of user-written SQL (console, notebooks) in the sandbox DuckDB enforces:
   * its own connection, prepared by DuckDB (so exactly one statement, as DuckDB parses it), inside
   * a read-only transaction that is always rolled back. See read-only-sandbox.ts.
   */
  queryReadOnly(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Makes bytes readable by SQL under `name`, e.g. `read_csv('name')`; `name` is in a REGISTERED_FOLDERS folder. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream. */
  insertArrowStream(table: string, ipcStream: Uint8Array): Promise<void>;
  /**
   * False while the pre-aggregates do not match the data this connector answers from (a load's are
   * still being built): queries then read the plain SQL (metrics/preagg/query-sources.ts).
   */
  readonly preaggregated?: boolean;
  /**
   * While `preaggregated` is false: true once the build's first stage, the per-force counts, is
   * done, so the queries that read only those can use them (query-sources.ts).
   */
  readonly countsBuilt?: boolean;
  /**
   * The inspection filter, as the views' $2 writes it, that the pre-aggregates also keep monthly
   * counts for (the inspections the user's statuses cover), or absent: with it, the national
   * figures over that scope read a row per force instead of every daily change.
   */
  readonly preaggregatedScope?: string;
  /**
   * Runs one statement on a connection of its own, in slices between which this connector's
   * queries are answered (DuckDB-wasm's pending queries); the signal cancels it. Where absent,
   * a background statement runs as an ordinary query.
   */
  runInBackground?(sql: string, signal: AbortSignal): Promise<void>;
  /**
   * Runs one statement and gives its result as the Arrow IPC stream the engine wrote, not read
   * into a table: for writing to a file as it is. In the browser the bytes are made in the
   * worker, so a save of a million rows does not hold up the page decoding and encoding them.
   */
  queryArrowStream?(sql: string): Promise<Uint8Array>;
}

/** Settings that keep DuckDB from fetching extensions from a third-party host at run time. */
export const OFFLINE_SETTINGS = [
  'SET autoinstall_known_extensions = false',
  'SET autoload_known_extensions = false',
] as const;

/** The folders of every file the app registers: once locked, the only paths SQL can read. */
export const REGISTERED_FOLDERS = ['shipped/', 'ingest/'] as const;

/** Refuses a name outside REGISTERED_FOLDERS: SQL could not read it once the engine is locked. */
export function checkRegisteredName(name: string): void {
  if (!REGISTERED_FOLDERS.some((folder) => name.startsWith(folder)) || name.includes('..')) {
    throw new Error(`Files are registered under ${REGISTERED_FOLDERS.join(' or ')} only, not as "${name}".`);
  }
}

/**
 * Run once at start-up, after the app's own settings and before any user SQL can run: no file,
 * URL or extension outside the registered folders can be read (a URL read from DuckDB's worker
 * would leave the origin whatever the page's CSP says), and no setting can change after.
 * DuckDB applies these to every connection, the app's own included.
 */
export const LOCKDOWN_SETTINGS = [
  `SET allowed_directories = [${REGISTERED_FOLDERS.map((folder) => `'${folder}'`).join(', ')}]`,
  'SET enable_external_access = false',
  'SET lock_configuration = true',
] as const;
