import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Self-hosted bundles: Vite copies them into the build, so nothing is fetched from a CDN.
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** A file on the page's own origin that SQL reads under `name`, in ranges, as queries need it. */
export interface RemoteFile {
  name: string;
  url: string;
}

/** DuckDB-wasm running in a Web Worker. */
export async function openBrowserConnector(remoteFiles: readonly RemoteFile[] = []): Promise<Connector> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  // Remote files are read by range requests; a whole-file download only where a host cannot do ranges.
  if (remoteFiles.length > 0) {
    await db.open({ filesystem: { reliableHeadRequests: true, allowFullHTTPReads: true, forceFullHTTPReads: false } });
  }
  const conn = await db.connect();
  for (const setting of OFFLINE_SETTINGS) await conn.query(setting);
  for (const file of remoteFiles) await db.registerFileURL(file.name, file.url, duckdb.DuckDBDataProtocol.HTTP, false);

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
    registerFile: async (name, bytes) => {
      await db.registerFileBuffer(name, bytes);
    },
    dropFile: async (name) => {
      await db.dropFile(name);
    },
    insertArrowStream: (table, ipcStream) =>
      conn.insertArrowFromIPCStream(ipcStream, { name: table, create: true }),
  };
}
