import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';
import { checkRegisteredName, LOCKDOWN_SETTINGS, OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';
import { readOnlySandbox } from './read-only-sandbox';
import { arrowFileToStream } from './arrow-file-to-stream';

// The blocking Node build of the same DuckDB-wasm the browser runs: tests exercise the shipped SQL
// on the shipped engine version. Loaded through require because it is published as CommonJS.
const require = createRequire(import.meta.url);
type Blocking = typeof import('@duckdb/duckdb-wasm/blocking');

export interface NodeConnectorOptions {
  /** DuckDB's memory_limit, e.g. '256MB': set before the configuration is locked. */
  memoryLimit?: string;
}

export async function openNodeConnector(options: NodeConnectorOptions = {}): Promise<Connector> {
  const duckdb: Blocking = require('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duckdb.createDuckDB(
    {
      mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duckdb.VoidLogger(),
    duckdb.NODE_RUNTIME,
  );
  await db.instantiate(() => {});
  const conn = db.connect();
  for (const setting of OFFLINE_SETTINGS) conn.query(setting);
  if (options.memoryLimit) conn.query(`SET memory_limit = '${options.memoryLimit.replace(/'/g, '')}'`);
  for (const setting of LOCKDOWN_SETTINGS) conn.query(setting);
  const sandbox = db.connect();
  const queryReadOnly = readOnlySandbox({
    run: async (sql) => sandbox.query(sql),
    async prepareAndQuery(sql, params) {
      const statement = sandbox.prepare(sql);
      try {
        return statement.query(...params) as unknown as Table;
      } finally {
        statement.close();
      }
    },
  });

  // Prepared once per SQL text, as the browser connector does: the same few statements run on
  // every interaction, and timings under Node should match what the browser pays.
  const prepared = new Map<string, ReturnType<typeof conn.prepare>>();
  return {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      if (params.length === 0) return conn.query(sql) as unknown as Table;
      let statement = prepared.get(sql);
      if (!statement) {
        statement = conn.prepare(sql);
        prepared.set(sql, statement);
      }
      return statement.query(...params) as unknown as Table;
    },
    queryReadOnly,
    // As in the browser: the engine's own Arrow file, its stream handed on.
    queryArrowStream: async (sql) => arrowFileToStream(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
    async registerFile(name, bytes) {
      checkRegisteredName(name);
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowStream(table, ipcStream) {
      conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true });
    },
  };
}
