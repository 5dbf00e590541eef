/**
 * `npm run bench:queries`: times every query of each interaction of the national, force and
 * inspection views under Node's DuckDB (the blocking build of the engine the browser runs), on
 * generated datasets, and writes bench/query-times.md. Rendering is not included: this is the
 * SQL's share of an interaction. Each query runs alone, one after another, as DuckDB-wasm runs
 * them in the browser (single-threaded); an interaction's total is the sum of its queries. As in
 * the page, a question already answered (the same SQL and parameters, e.g. the statement the
 * national figures' parts share) is answered from a cache: the first part asking pays. Before each
 * change the cache is emptied and holds only the answers of the state the change starts from (the
 * national view's, asked untimed), as the page holds them: the trends' series and markers, asked
 * once for every date, are not asked again by an as-of change. A value the plan repeats is
 * measured again (the page would answer it from its cache, as it does a change of force for the
 * benchmark).
 *
 *   npm run bench:queries -- [--sizes 100k,1M] [--runs 30] [--warmup 3]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { ensureDataset } from './datasets';
import { ALL_SIZES, type SizeLabel } from './options';
import { BENCH_OUT, REPO_ROOT } from './paths';
import { loadDataset } from './query-dataset';
import { interactionsOf } from './query-interactions';
import { queryTimesMarkdown, type InteractionTimes, type SizeTimes } from './query-times-report';
import { summarise } from './stats';
import type { Connector } from '../../src/lib/db/connector';
import { cacheKey, QueryCache } from '../../src/lib/query/query-cache';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '100k,1M' }, runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' } },
});
const sizes = values.sizes.split(',').map((s) => {
  if (!(s in ALL_SIZES)) throw new Error(`unknown size "${s}": use ${Object.keys(ALL_SIZES).join(', ')}`);
  return s as SizeLabel;
});
const runs = Number(values.runs);
const warmup = Number(values.warmup);
if (!(runs >= 1 && warmup >= 0)) throw new Error('--runs must be at least 1 and --warmup at least 0');

const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
const loadStart = loadavg()[0]!;
// Read before the runs: the code measured is the code checked out when they began.
const commit = `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' with uncommitted changes' : ''}`;
const results: SizeTimes[] = [];

for (const size of sizes) {
  const loaded = await loadDataset(await ensureDataset(size));
  console.log(`query-times ${size}: ${loaded.updates} updates, pre-aggregates built in ${Math.round(loaded.preaggregateMs)} ms`);
  const interactions: InteractionTimes[] = [];
  const cache = new QueryCache();
  const asThePageAsks: Connector = {
    ...loaded.db,
    query: (sql, params = []) => cache.answer(cacheKey(sql, params, 0), () => loaded.db.query(sql, params)),
  };
  for (const interaction of await interactionsOf(asThePageAsks)) {
    const samples = new Map<string, number[]>();
    const totals: number[] = [];
    const cpuTotals: number[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      let total = 0;
      cache.clear();
      for (const part of Object.values(interaction.before?.() ?? {})) await part.run();
      // CPU time of this process: what the queries cost when other work shares the cores.
      const cpuStart = process.cpuUsage();
      for (const [name, part] of Object.entries(interaction.parts(i))) {
        const started = performance.now();
        await part.run();
        const ms = performance.now() - started;
        total += ms;
        if (i >= warmup) samples.set(name, [...(samples.get(name) ?? []), ms]);
      }
      const cpu = process.cpuUsage(cpuStart);
      if (i >= warmup) {
        totals.push(total);
        cpuTotals.push((cpu.user + cpu.system) / 1000);
      }
    }
    const times: InteractionTimes = {
      view: interaction.view,
      name: interaction.name,
      total: summarise(totals)!,
      cpu: summarise(cpuTotals)!,
      queries: [...samples].map(([name, ms]) => ({ name, summary: summarise(ms)! })),
    };
    interactions.push(times);
    console.log(`  ${interaction.view} · ${interaction.name}: ${times.queries.length} queries, median ${times.total.median.toFixed(1)} ms, p95 ${times.total.p95.toFixed(1)} ms, CPU median ${times.cpu.median.toFixed(1)} ms`);
  }
  results.push({ size, updates: loaded.updates, pairs: loaded.pairs, preaggregateMs: loaded.preaggregateMs, preaggregateCpuMs: loaded.preaggregateCpuMs, derivedRows: loaded.derivedRows, interactions });
}

const markdown = queryTimesMarkdown({
  date: new Date().toISOString(),
  commit,
  node: process.version,
  runs,
  warmup,
  loadAverage: { start: loadStart, end: loadavg()[0]! },
  sizes: results,
});
writeFileSync(`${BENCH_OUT}/query-times.md`, markdown);
console.log(`\n${markdown}`);
