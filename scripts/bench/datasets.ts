import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_SIZES, type SizeLabel } from './options';
import { parquetFromArrowStream } from './parquet-file';
import { BENCH_TMP, REPO_ROOT } from './paths';

export const DATASETS_DIR = `${BENCH_TMP}/datasets`;

/** One generated dataset: the same status updates as CSV, Arrow and Parquet, plus the reference CSVs they need. */
export interface Dataset {
  label: SizeLabel;
  updates: number;
  dir: string;
  statusCsv: string;
  statusArrow: string;
  statusParquet: string;
  /** Inspections and recommendations, synthetic ones included, for the statuses' keys to resolve. */
  inspectionsCsv: string;
  recommendationsCsv: string;
  bytes: { csv: number; arrow: number; parquet: number };
}

interface Manifest {
  updates: number;
  generator: string;
}

/** Changes when the generator's code does, so a stale cached dataset is regenerated. */
function generatorFingerprint(): string {
  const hash = createHash('sha256');
  const files = ['scripts/generate-statuses.ts', ...readdirSync(join(REPO_ROOT, 'scripts/lib')).sort().map((f) => `scripts/lib/${f}`)];
  for (const file of files) hash.update(file).update(readFileSync(join(REPO_ROOT, file)));
  return hash.digest('hex').slice(0, 16);
}

function runGenerator(args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['tsx', 'scripts/generate-statuses.ts', ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`generate-statuses exited with ${code}`))));
  });
}

function describe(label: SizeLabel, updates: number, dir: string): Dataset {
  const dataset = {
    label,
    updates,
    dir,
    statusCsv: join(dir, 'status.csv'),
    statusArrow: join(dir, 'status.arrows'),
    statusParquet: join(dir, 'status.parquet'),
    inspectionsCsv: join(dir, 'inspections.csv'),
    recommendationsCsv: join(dir, 'recommendations.csv'),
    bytes: { csv: 0, arrow: 0, parquet: 0 },
  };
  if (existsSync(dataset.statusParquet)) {
    dataset.bytes = {
      csv: statSync(dataset.statusCsv).size,
      arrow: statSync(dataset.statusArrow).size,
      parquet: statSync(dataset.statusParquet).size,
    };
  }
  return dataset;
}

/**
 * The dataset of a size, generated into bench/tmp/datasets/<size>/ on first use and reused while
 * the generator is unchanged.
 */
export async function ensureDataset(label: SizeLabel): Promise<Dataset> {
  const updates = ALL_SIZES[label];
  const dir = join(DATASETS_DIR, label);
  const manifestPath = join(dir, 'manifest.json');
  const wanted: Manifest = { updates, generator: generatorFingerprint() };
  const cached = describe(label, updates, dir);
  if (existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === JSON.stringify(wanted)) return cached;

  rmSync(dir, { recursive: true, force: true });
  console.log(`bench: generating ${label} status updates into ${dir}`);
  await runGenerator(['--updates', String(updates), '--out-arrow', cached.statusArrow, '--out-csv', cached.statusCsv, '--out-dir', dir]);
  writeFileSync(cached.statusParquet, parquetFromArrowStream(readFileSync(cached.statusArrow), updates));
  // The manifest goes last: an interrupted generation is never mistaken for a finished one.
  writeFileSync(manifestPath, JSON.stringify(wanted));
  return describe(label, updates, dir);
}
