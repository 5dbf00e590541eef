import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Self-hosted bundles: Vite copies them into the build, so nothing is fetched from a CDN.
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { checkRegisteredName, LOCKDOWN_SETTINGS, OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';
import { readOnlySandbox } from './read-only-sandbox';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** DuckDB-wasm running in a Web Worker. */
export async function openBrowserConnector(): Promise<Connector> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  for (const setting of [...OFFLINE_SETTINGS, ...LOCKDOWN_SETTINGS]) await conn.query(setting);
  const sandbox = await db.connect();
  const queryReadOnly = readOnlySandbox({
    run: (sql) => sandbox.query(sql),
    async prepareAndQuery(sql, params) {
      const statement = await sandbox.prepare(sql);
      try {
        return await statement.query(...params);
      } finally {
        await statement.close();
      }
    },
  });

  // Prepared once per SQL text: metrics reuse the same few statements on every interaction.
  const prepared = new Map<string, Promise<duckdb.AsyncPreparedStatement>>();
  return {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      if (params.length === 0) return conn.query(sql);
      let statement = prepared.get(sql);
      if (!statement) {
        statement = conn.prepare(sql);
        prepared.set(sql, statement);
      }
      return (await statement).query(...params);
    },
    queryReadOnly,
    registerFile: async (name, bytes) => {
      checkRegisteredName(name);
      await db.registerFileBuffer(name, bytes);
    },
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    insertArrowStream: (table, ipcStream) =>
      conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true }),
  };
}
