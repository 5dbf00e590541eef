import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';
import type { Connector, SqlParam } from './connector';
import type { Snapshot } from './snapshot';

// The Node engine builds its tables with the CommonJS copy of apache-arrow; serialise them with
// that same copy (two copies of Arrow do not recognise each other's tables).
const arrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** Wraps a Node connector and keeps every query's result, to write a build-time snapshot. */
export function recordingConnector(inner: Connector): { connector: Connector; snapshot: (dataKey: string) => Snapshot } {
  const entries: Snapshot['entries'] = [];
  const connector: Connector = {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      const table = await inner.query(sql, params);
      const ipc = Buffer.from(arrow.tableToIPC(table as never, 'stream')).toString('base64');
      entries.push({ sql, params: [...params], ipc });
      return table;
    },
    registerFile: (name, bytes) => inner.registerFile(name, bytes),
    dropFile: (name) => inner.dropFile(name),
    insertArrowStream: (table, ipcStream) => inner.insertArrowStream(table, ipcStream),
  };
  return { connector, snapshot: (dataKey) => ({ dataKey, entries }) };
}
