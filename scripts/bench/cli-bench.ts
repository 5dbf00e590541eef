/**
 * `npm run bench:cli -- --sizes 1M,5M`: the command line's `check` and `figures` on generated
 * status updates (the bench's own datasets, with their inspections and recommendations), on
 * native DuckDB, and on DuckDB-wasm's Node build at 1M for comparison. Wall time and peak
 * resident memory of each whole process (GNU time), into bench/cli.json and bench/cli.md.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureDataset } from './datasets';
import { ALL_SIZES, type SizeLabel } from './options';
import { BENCH_OUT, REPO_ROOT } from './paths';

type Engine = 'native' | 'wasm';

interface Measure {
  size: SizeLabel;
  engine: Engine;
  command: 'check' | 'figures';
  exitCode: number;
  seconds: number;
  peakMB: number;
  csvMB: number;
  load: number;
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1M,5M' }, 'wasm-sizes': { type: 'string', default: '1M' } } });
const sizes = values.sizes.split(',').filter(Boolean) as SizeLabel[];
const wasmSizes = new Set(values['wasm-sizes'].split(','));
for (const size of sizes) if (!(size in ALL_SIZES)) throw new Error(`unknown size ${size}: use ${Object.keys(ALL_SIZES).join(', ')}`);

function measure(engine: Engine, args: string[]): { exitCode: number; seconds: number; peakMB: number } {
  const entry = engine === 'native' ? ['bin/oversight.js'] : ['--import', 'tsx', 'scripts/bench/cli-on-wasm.ts'];
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...entry, ...args], {
    cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 ** 2,
  });
  const [seconds, kilobytes] = run.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  if (run.status !== 0 && run.status !== 1) throw new Error(`${engine} ${args[0]} failed (${run.status}): ${run.stderr.slice(0, 2000)}`);
  return { exitCode: run.status ?? -1, seconds: seconds!, peakMB: Math.round(kilobytes! / 1024) };
}

const results: Measure[] = [];
for (const size of sizes) {
  const dataset = await ensureDataset(size);
  const files = [dataset.statusCsv, dataset.inspectionsCsv, dataset.recommendationsCsv];
  for (const engine of ['native', 'wasm'] as const) {
    if (engine === 'wasm' && !wasmSizes.has(size)) continue;
    for (const command of ['check', 'figures'] as const) {
      const args = command === 'check' ? ['check', ...files] : ['figures', ...files, '--as-of', '30/11/2026', '--format', 'json'];
      const load = loadavg()[0]!;
      const result = measure(engine, args);
      results.push({ size, engine, command, ...result, csvMB: Math.round(dataset.bytes.csv / 1024 ** 2), load: Math.round(load * 10) / 10 });
      console.log(JSON.stringify(results.at(-1)));
    }
  }
}

// Rows of sizes not measured this time are kept from the last run, each with its own commit and date.
const earlier: (Measure & { commit?: string })[] = existsSync(`${BENCH_OUT}/cli.json`)
  ? (JSON.parse(readFileSync(`${BENCH_OUT}/cli.json`, 'utf8')) as { commit: string; results: (Measure & { commit?: string })[] }).results
  : [];
const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
const all = [
  ...earlier.filter((r) => !sizes.includes(r.size)),
  ...results.map((r) => ({ ...r, commit, date: new Date().toISOString().slice(0, 10) })),
].sort((a, b) => ALL_SIZES[a.size] - ALL_SIZES[b.size]);
writeFileSync(`${BENCH_OUT}/cli.json`, `${JSON.stringify({ date: new Date().toISOString(), commit, results: all }, null, 2)}\n`);
writeFileSync(`${BENCH_OUT}/cli.md`, [
  `# The command line at scale`,
  '',
  `Measured with \`npm run bench:cli -- --sizes 1M,5M\` on this shared 2-core machine (each row's commit and date are in cli.json; several engineers' builds ran at the same time, see the load average). One cold process per row: engine start, the shipped reference data, reading and checking the files (the statuses CSV with its inspections and recommendations), and for \`figures\` loading them, building the pre-aggregates and running the national view's queries. Peak memory is the process's maximum resident set (GNU time).`,
  '',
  '| Status updates | CSV | Engine | Command | Wall time | Peak memory | Exit code | Load average at start |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...all.map((r) => `| ${r.size} | ${r.csvMB} MB | ${r.engine === 'native' ? 'native DuckDB' : 'DuckDB-wasm (Node)'} | ${r.command} | ${r.seconds.toFixed(1)} s | ${r.peakMB} MB | ${r.exitCode} | ${r.load} |`),
  '',
].join('\n'));
