import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from './connector';
import { encodeBase64, type Snapshot } from './snapshot';

/**
 * Serialises a result as an Arrow IPC stream. Passed in because the Node engine builds its tables
 * with the CommonJS copy of apache-arrow, which only that copy can serialise (node-table-ipc.ts);
 * the browser uses the one copy it has.
 */
export type TableToIpc = (table: Table) => Uint8Array;

/** Wraps a connector and keeps every query's result, to write a snapshot of what was asked. */
export function recordingConnector(inner: Connector, toIpc: TableToIpc): { connector: Connector; snapshot: (dataKey: string) => Snapshot } {
  const entries: Snapshot['entries'] = [];
  const connector: Connector = {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      const table = await inner.query(sql, params);
      entries.push({ sql, params: [...params], ipc: encodeBase64(toIpc(table)) });
      return table;
    },
    queryReadOnly: (sql, params) => inner.queryReadOnly(sql, params),
    registerFile: (name, bytes) => inner.registerFile(name, bytes),
    dropFile: (name) => inner.dropFile(name),
    insertArrowStream: (table, ipcStream) => inner.insertArrowStream(table, ipcStream),
  };
  return { connector, snapshot: (dataKey) => ({ dataKey, entries }) };
}
