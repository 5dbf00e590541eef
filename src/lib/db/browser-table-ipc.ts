import { tableToIPC, type Table } from 'apache-arrow';

/** An Arrow IPC stream of a table the browser engine returned. Loaded with the save, not up front. */
export const browserTableToIpc = (table: Table): Uint8Array => tableToIPC(table, 'stream');
