import { createRequire } from 'node:module';
import type { Table } from 'apache-arrow';

// DuckDB-wasm's Node build requires apache-arrow as CommonJS; Vitest imports it as ESM. Tables
// from the engine belong to the CommonJS copy, so only that copy's writer can serialise them.
const require = createRequire(import.meta.url);
const arrow = require('apache-arrow') as typeof import('apache-arrow');

export const engineTableToStream = (table: Table): Uint8Array => arrow.tableToIPC(table, 'stream');
