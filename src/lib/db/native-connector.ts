import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Table } from 'apache-arrow';
import { DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { loadParquetCodec } from '../data/ingest/read/parquet-codec-node';
import { OFFLINE_SETTINGS, type Connector, type SqlParam } from './connector';
import { readerToTable } from './native-arrow';
import { readOnlySandbox } from './read-only-sandbox';

/** A connector that can also be closed: the command line ends its process cleanly. */
export interface NativeConnector extends Connector {
  close(): void;
}

// DuckDB-wasm has no time-zone extension; native DuckDB links ICU. UTC keeps date arithmetic alike.
const NATIVE_SETTINGS = [...OFFLINE_SETTINGS, "SET TimeZone = 'UTC'"];

/** Binds one value as DuckDB-wasm does: whole numbers as INTEGER (BIGINT past 32 bits), others DOUBLE. */
function bindParam(statement: DuckDBPreparedStatement, index: number, value: SqlParam): void {
  if (value === null) statement.bindNull(index);
  else if (typeof value === 'boolean') statement.bindBoolean(index, value);
  else if (typeof value === 'string') statement.bindVarchar(index, value);
  else if (Number.isInteger(value) && Math.abs(value) < 2 ** 31) statement.bindInteger(index, value);
  else if (Number.isSafeInteger(value)) statement.bindBigInt(index, BigInt(value));
  else statement.bindDouble(index, value);
}

/**
 * Native DuckDB (the same release as the browser's DuckDB-wasm) behind the `Connector` the app and
 * tests use, so the command line runs the metric and ingest SQL of src/lib unchanged. Registered
 * bytes become files in a private folder that DuckDB searches for relative names.
 * `path` is a database file to write (build-site); by default the data lives in memory.
 */
export async function openNativeConnector(path = ':memory:'): Promise<NativeConnector> {
  const instance = await DuckDBInstance.create(path);
  const conn = await instance.connect();
  const files = mkdtempSync(join(tmpdir(), 'oversight-files-'));
  for (const setting of NATIVE_SETTINGS) await conn.run(setting);
  await conn.run(`SET file_search_path = '${files.replaceAll("'", "''")}'`);

  const fileAt = (name: string): string => {
    const at = resolve(files, name);
    if (relative(files, at).startsWith('..')) throw new Error(`A file name must stay inside the engine's folder: ${name}`);
    return at;
  };
  // User SQL (notebooks run from the command line) gets a connection of its own, as in the browser.
  const sandbox = await instance.connect();
  const queryReadOnly = readOnlySandbox({
    run: (sql) => sandbox.run(sql),
    async prepareAndQuery(sql, params) {
      const statement = await sandbox.prepare(sql);
      params.forEach((value, k) => bindParam(statement, k + 1, value));
      return readerToTable(await statement.runAndReadAll());
    },
  });
  const prepared = new Map<string, Promise<DuckDBPreparedStatement>>();
  let codec: ReturnType<typeof loadParquetCodec> | null = null;

  // One statement at a time, as DuckDB-wasm answers: a connection runs one query, and views
  // ask for several at once.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const turn = queue.then(work);
    queue = turn.catch(() => undefined);
    return turn;
  };

  const run = async (sql: string, params: readonly SqlParam[]): Promise<Table> => {
    if (params.length === 0) return readerToTable(await conn.runAndReadAll(sql));
    let statement = prepared.get(sql);
    if (!statement) {
      statement = conn.prepare(sql);
      prepared.set(sql, statement);
    }
    const ready = await statement;
    ready.clearBindings();
    params.forEach((value, k) => bindParam(ready, k + 1, value));
    return readerToTable(await ready.runAndReadAll());
  };

  return {
    query: (sql, params = []) => inTurn(() => run(sql, params)),
    queryReadOnly: (sql, params = []) => inTurn(() => queryReadOnly(sql, params)),
    async registerFile(name, bytes) {
      const at = fileAt(name);
      mkdirSync(dirname(at), { recursive: true });
      writeFileSync(at, bytes);
    },
    async dropFile(name) {
      unlinkSync(fileAt(name));
    },
    // Native DuckDB reads Arrow through an extension it would download; it reads Parquet itself,
    // so the stream goes through the same Parquet codec the Data view uses.
    insertArrowStream: (table, ipcStream) => inTurn(async () => {
      const name = `arrow-stream-${table}.parquet`;
      codec ??= loadParquetCodec();
      writeFileSync(fileAt(name), (await codec).fromArrowStream(ipcStream));
      await conn.run(`CREATE TABLE "${table.replaceAll('"', '""')}" AS SELECT * FROM read_parquet('${name}')`);
      unlinkSync(fileAt(name));
    }),
    close() {
      conn.closeSync();
      sandbox.closeSync();
      instance.closeSync();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
