/**
 * The command line on DuckDB-wasm's Node build (the browser's engine) instead of native DuckDB:
 * the benchmark's comparison at the size one browser handles. Same arguments as `oversight`.
 */
import { openNodeConnector } from '../../src/lib/db/node-connector';
import { runCli } from '../../cli/oversight';

process.exitCode = await runCli(process.argv.slice(2), openNodeConnector);
