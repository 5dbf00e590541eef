import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';

// The Node engine builds its tables with the CommonJS copy of apache-arrow; serialise them with
// that same copy (two copies of Arrow do not recognise each other's tables).
const arrow = createRequire(import.meta.url)('apache-arrow') as typeof import('apache-arrow');

/** An Arrow IPC stream of a table the Node engine returned. */
export const nodeTableToIpc = (table: Table): Uint8Array => arrow.tableToIPC(table as never, 'stream');
