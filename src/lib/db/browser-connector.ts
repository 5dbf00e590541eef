import * as duckdb from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
// Self-hosted bundles: Vite copies them into the build, so nothing is fetched from a CDN.
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { checkRegisteredName, LOCKDOWN_SETTINGS, OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';
import { readOnlySandbox } from './read-only-sandbox';
import { arrowFileToStream } from './arrow-file-to-stream';

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasmUrl, mainWorker: mvpWorkerUrl },
  eh: { mainModule: ehWasmUrl, mainWorker: ehWorkerUrl },
};

/** A file on the page's own origin that SQL reads under `name`, in ranges, as queries need it. */
export interface RemoteFile {
  name: string;
  url: string;
  /** Attach this database file read-only under this catalog name, and make it the default. */
  attachAs?: string;
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
  // A published dataset is attached while URLs may still be opened; the lockdown below closes that door.
  for (const file of remoteFiles) {
    if (file.attachAs) await conn.query(`ATTACH '${file.name}' AS ${file.attachAs} (READ_ONLY)`);
  }
  const sandbox = await db.connect();
  // The pre-aggregates are built here, a slice at a time, so the views' queries on `conn` go between.
  const builder = await db.connect();
  // Results read as the worker encodes them (queryArrowStream): a connection the page never decodes.
  const raw = await db.connectInternal();
  const defaultCatalog = remoteFiles.find((file) => file.attachAs)?.attachAs;
  if (defaultCatalog) for (const connection of [conn, sandbox, builder]) await connection.query(`USE ${defaultCatalog}`);
  if (defaultCatalog) await db.runQuery(raw, `USE ${defaultCatalog}`);
  for (const setting of LOCKDOWN_SETTINGS) await conn.query(setting);
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
    queryArrowStream: async (sql) => arrowFileToStream(await db.runQuery(raw, sql)),
    async runInBackground(sql, signal) {
      const cancel = () => void builder.cancelSent();
      signal.addEventListener('abort', cancel, { once: true });
      try {
        signal.throwIfAborted();
        // send() polls the worker for the result: each poll runs the statement for a moment only.
        const reader = await builder.send(sql);
        for await (const batch of reader) void batch;
        signal.throwIfAborted();
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    },
  };
}
