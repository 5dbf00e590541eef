import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from './connector';
import { encodeBase64, snapshotKey, type Snapshot } from './snapshot';

/**
 * Serialises a result as an Arrow IPC stream. Passed in because the Node engine builds its tables
 * with the CommonJS copy of apache-arrow, which only that copy can serialise (node-table-ipc.ts);
 * the browser uses the one copy it has.
 */
export type TableToIpc = (table: Table) => Uint8Array;

/**
 * Wraps a connector and keeps every query's result, to write a snapshot of what was asked. A
 * question asked again (the national figures serve three parts) is answered from the first
 * answer and kept once.
 */
export function recordingConnector(inner: Connector, toIpc: TableToIpc): { connector: Connector; snapshot: (dataKey: string) => Snapshot } {
  const entries: Snapshot['entries'] = [];
  const asked = new Map<string, Promise<Table>>();
  const connector: Connector = {
    query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      const key = snapshotKey(sql, params);
      let answer = asked.get(key);
      if (!answer) {
        answer = inner.query(sql, params).then((table) => {
          entries.push({ sql, params: [...params], ipc: encodeBase64(toIpc(table)) });
          return table;
        });
        asked.set(key, answer);
      }
      return answer;
    },
    queryReadOnly: (sql, params) => inner.queryReadOnly(sql, params),
    registerFile: (name, bytes) => inner.registerFile(name, bytes),
    dropFile: (name) => inner.dropFile(name),
    insertArrowStream: (table, ipcStream) => inner.insertArrowStream(table, ipcStream),
  };
  return { connector, snapshot: (dataKey) => ({ dataKey, entries }) };
}
