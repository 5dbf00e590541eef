/**
 * Generates the ILLUSTRATIVE status histories shipped as demo data (and larger ones for benchmarks):
 * every force × every for-forces recommendation, deterministic from a seed. Nothing here is a real
 * force's status; every row says so in `source` and `evidence`.
 *
 *   npx tsx scripts/generate-statuses.ts [--seed N] [--until DATE] [--updates N]
 *     [--out-arrow PATH] [--out-csv PATH] [--out-dir DIR]
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStatusRows, type StatusRow } from './lib/demo-status-rows';
import { parseGeneratorOptions, USAGE, type GeneratorOptions } from './lib/generator-options';
import { readCsvTable, writeCsvTable } from './lib/reference-csv';
import { FORCE_COLUMNS, INSPECTION_COLUMNS, isForForces, RECOMMENDATION_COLUMNS } from './lib/reference-rows';
import { StatusArrowStream } from './lib/status-arrow-stream';
import { StatusCsvFile } from './lib/status-csv-file';
import {
  SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION,
  syntheticInspection,
  syntheticRecommendations,
} from './lib/synthetic-inspections';

/** Rows per Arrow RecordBatch and per CSV write: large enough to be fast, small enough to stream. */
const BATCH_ROWS = 65_536;
const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

function formatBytes(bytes: number): string {
  return bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} kB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

function readOptions(): GeneratorOptions | null {
  try {
    return parseGeneratorOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  if (options === null) {
    console.log(USAGE);
    return;
  }
  const started = performance.now();
  const input = {
    forces: readCsvTable(join(DATA_DIR, 'forces.csv'), FORCE_COLUMNS),
    inspections: readCsvTable(join(DATA_DIR, 'inspections.csv'), INSPECTION_COLUMNS),
    recommendations: readCsvTable(join(DATA_DIR, 'recommendations.csv'), RECOMMENDATION_COLUMNS),
  };
  const forceIds = input.forces.map((force) => force.force_id).sort();
  const realInspectionIds = new Set(input.inspections.map((inspection) => inspection.inspection_id));
  const naturalRecommendations = input.recommendations.filter(isForForces).length;

  const outArrow = options.outArrow ?? join(DATA_DIR, 'status-illustrative.arrows');
  mkdirSync(dirname(outArrow), { recursive: true });
  const arrowFd = openSync(outArrow, 'w');
  let arrowBytes = 0;
  const arrow = new StatusArrowStream(forceIds, (chunk) => {
    writeSync(arrowFd, chunk);
    arrowBytes += chunk.byteLength;
  });
  if (options.outCsv !== undefined) mkdirSync(dirname(options.outCsv), { recursive: true });
  const csv = options.outCsv === undefined ? null : new StatusCsvFile(options.outCsv);

  let rows = 0;
  let pairsWithUpdates = 0;
  let previousPair = '';
  const syntheticIds = new Set<string>();
  let batch: StatusRow[] = [];
  const flush = async (): Promise<void> => {
    csv?.write(batch);
    await arrow.write(batch);
    batch = [];
  };
  const rowSource = generateStatusRows(input, {
    seed: options.seed,
    until: options.until,
    updates: options.updates,
  });
  for (const row of rowSource) {
    rows++;
    // Each pair's rows come together, so a change of key is a new pair.
    const pair = `${row.force_id}\u0000${row.inspection_id}\u0000${row.rec_no}`;
    if (pair !== previousPair) {
      pairsWithUpdates++;
      previousPair = pair;
      if (!realInspectionIds.has(row.inspection_id)) syntheticIds.add(row.inspection_id);
    }
    batch.push(row);
    if (batch.length === BATCH_ROWS) await flush();
  }
  await flush();
  await arrow.close();
  closeSync(arrowFd);
  const csvBytes = csv?.close();

  // Synthetic inspections are numbered from 1 in the order used, so the first N are the ones in the output.
  const synthetic = Array.from({ length: syntheticIds.size }, (_, i) => syntheticInspection(i + 1));
  if (options.outDir !== undefined) {
    mkdirSync(options.outDir, { recursive: true });
    writeCsvTable(join(options.outDir, 'inspections.csv'), INSPECTION_COLUMNS, [...input.inspections, ...synthetic]);
    writeCsvTable(join(options.outDir, 'recommendations.csv'), RECOMMENDATION_COLUMNS, [
      ...input.recommendations,
      ...synthetic.flatMap(syntheticRecommendations),
    ]);
  }

  const pairs = forceIds.length * (naturalRecommendations + synthetic.length * SYNTHETIC_RECOMMENDATIONS_PER_INSPECTION);
  const files = [`${options.outArrow ?? relative(process.cwd(), outArrow)} ${formatBytes(arrowBytes)}`];
  if (options.outCsv !== undefined && csvBytes !== undefined) files.push(`${options.outCsv} ${formatBytes(csvBytes)}`);
  if (options.outDir !== undefined) files.push(`${options.outDir}/{inspections,recommendations}.csv`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `generate-statuses: ${rows.toLocaleString('en-GB')} rows, ` +
      `${pairsWithUpdates.toLocaleString('en-GB')} of ${pairs.toLocaleString('en-GB')} pairs with an update` +
      (synthetic.length > 0 ? ` (${synthetic.length} synthetic inspections)` : '') +
      `, seed ${options.seed}, until ${options.until}; ${files.join(', ')}; ${seconds} s`,
  );
}

await main();
