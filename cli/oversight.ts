/**
 * The `oversight` command line: the app's own ingest and metric SQL on native DuckDB, for data
 * pipelines and reports (README, "Command line").
 */
import type { Connector } from '../src/lib/db/connector';
import { openNativeConnector } from '../src/lib/db/native-connector';
import { parseInvocation, UsageError, USAGE, type Invocation } from './args';
import { checkReport, checkText } from './check-report';
import { checkFiles, loadDataset, loadShipped } from './load-files';
import { nationalFigures } from './figures';
import { figuresCsv } from './figures-table';
import { buildSite } from './build-site';

const bigintSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? Number(value) : value);

/** An engine to run on: native DuckDB; the benchmark also runs DuckDB-wasm's Node build through here. */
export type OpenEngine = () => Promise<Connector & { close?: () => void }>;

async function run(invocation: Invocation, openEngine: OpenEngine): Promise<number> {
  if (invocation.command === 'build-site') {
    process.stdout.write(`${await buildSite(invocation.files, invocation.out!, invocation.defaultDate)}\n`);
    return 0;
  }
  const db = await openEngine();
  try {
    if (invocation.command === 'check') {
      await loadShipped(db, new Date().toISOString());
      const report = checkReport(await checkFiles(db, invocation.files, invocation.defaultDate));
      process.stdout.write(`${invocation.json ? JSON.stringify(report, bigintSafe, 2) : checkText(report)}\n`);
      return report.errors.length > 0 ? 1 : 0;
    }
    const { groups } = await loadDataset(db, invocation.files, invocation.defaultDate);
    const leftOut = groups.reduce((sum, group) => sum + group.count, 0);
    if (leftOut > 0) process.stderr.write(`${leftOut} problems in the files: those rows were left out (oversight check lists them).\n`);
    const figures = await nationalFigures(db, { ...invocation, asOf: invocation.asOf! });
    process.stdout.write(invocation.format === 'json' ? `${JSON.stringify(figures, bigintSafe, 2)}\n` : figuresCsv(figures));
    return 0;
  } finally {
    db.close?.();
  }
}

/** Runs one command; gives the exit code (0 done, 1 problems found, 2 usage, 3 failure). */
export async function runCli(argv: readonly string[], openEngine: OpenEngine = openNativeConnector): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  try {
    return await run(parseInvocation(argv), openEngine);
  } catch (cause) {
    if (cause instanceof UsageError) {
      process.stderr.write(`${cause.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`oversight: ${cause instanceof Error ? cause.message : String(cause)}\n`);
    return 3;
  }
}
