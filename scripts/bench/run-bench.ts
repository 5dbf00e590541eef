/**
 * `npm run bench`: builds the app and the naive baseline, serves both on 127.0.0.1, drives
 * Debian's headless Chromium through cold runs on the demo data and on generated datasets, and
 * writes bench/results.json and bench/results.md. Options: see options.ts (--help).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { launchChromium } from '../../tests/browser/support/chromium';
import { aggregateRuns, loadAfterEngine, type RunOutcome } from './aggregate';
import { APP_DIST, buildApp, buildNaive, NAIVE_DIST } from './build-pages';
import { DATASETS_DIR, ensureDataset, type Dataset } from './datasets';
import { APP_INTERACTION_KINDS, type InteractionKind } from './interactions';
import { ColdRunError, measureColdRun, type ColdRunPlan } from './measure-page';
import { DATASETS_PREFIX, NAIVE_PREFIX, naiveCsvUrl, naiveDemoUrl } from './naive-baseline';
import { parseBenchOptions, USAGE, type BenchOptions } from './options';
import { BENCH_OUT, BENCH_TMP, REPO_ROOT } from './paths';
import { demoRatios, evaluateTargets, writeResults, type Meta, type SizeResult } from './report';
import { serveDist, type StaticServer } from './serve-dist';

const APP_KINDS = APP_INTERACTION_KINDS;
const NAIVE_KINDS: InteractionKind[] = ['asOf', 'region'];
/** Long enough for 5M rows on two shared cores; a hung page fails its run, not the bench. */
const TIMEOUT_MS: Record<string, number> = { demo: 60_000, '10k': 60_000, '100k': 90_000, '1M': 240_000, '5M': 600_000 };

function readOptions(): BenchOptions {
  try {
    const options = parseBenchOptions(process.argv.slice(2));
    if (options === null) {
      console.log(USAGE);
      process.exit(0);
    }
    return options;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function attempt(label: string, plan: ColdRunPlan, server: StaticServer): Promise<RunOutcome> {
  const started = performance.now();
  try {
    const run = await measureColdRun(plan, () => server.takeSent());
    const chart = run.timings.firstChart === null ? '–' : `${Math.round(run.timings.firstChart)} ms`;
    const load = run.fileLoad ? `, file load ${run.fileLoad.ms === null ? run.fileLoad.unavailable : `${Math.round(run.fileLoad.ms)} ms`}` : '';
    console.log(`bench: ${label}: first chart ${chart}, interactive ${Math.round(run.timings.dataLoaded ?? Number.NaN)} ms${load} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    return run;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    if (error instanceof ColdRunError && error.pageErrors.length > 0) console.error(`bench: ${label}: page errors: ${error.pageErrors.join(' | ')}`);
    console.error(`bench: ${label}: failed: ${message}`);
    return { failed: message };
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  const began = performance.now();
  if (!options.skipBuild) {
    console.log(`bench: building the app (${options.workingTree ? 'working tree' : options.commit}) and the naive baseline into bench/tmp`);
    await Promise.all([buildApp(options.workingTree ? 'working-tree' : { commit: options.commit }), buildNaive()]);
  }
  for (const dir of [APP_DIST, NAIVE_DIST]) {
    if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/index.html is missing: run without --skip-build`);
  }
  const datasets: Dataset[] = [];
  for (const label of options.sizes) datasets.push(await ensureDataset(label));

  console.log('bench: precompressing the builds (brotli 11, cached in bench/tmp/compressed; the first time takes a minute or two)');
  const server = await serveDist(
    [
      { prefix: '/', dir: APP_DIST, precompressed: true },
      { prefix: NAIVE_PREFIX, dir: NAIVE_DIST, precompressed: true },
      { prefix: DATASETS_PREFIX, dir: DATASETS_DIR, precompressed: false },
    ],
    `${BENCH_TMP}/compressed`,
  );
  const loadAtStart = loadavg()[0]!;
  const probe = await launchChromium();
  const chromium = probe.version();
  await probe.close();

  try {
    const perKind = options.interactions;
    const appDemo: RunOutcome[] = [];
    const naiveDemo: RunOutcome[] = [];
    // Alternate the two pages so that a busy moment on the shared machine hits both alike.
    for (let run = 1; run <= options.runs; run++) {
      const common = { interactionsPerKind: perKind, timeoutMs: TIMEOUT_MS.demo! };
      appDemo.push(await attempt(`demo app run ${run}`, { ...common, url: `${server.origin}/`, interactionKinds: APP_KINDS }, server));
      naiveDemo.push(await attempt(`demo naive run ${run}`, { ...common, url: naiveDemoUrl(server.origin), interactionKinds: NAIVE_KINDS }, server));
    }

    const sizes: SizeResult[] = [];
    // The app is the same build for the whole bench: if it never became interactive on the demo data, or
    // has no file input, it will not load a generated file either.
    let noFileInput: string | null = appDemo.every((o) => 'failed' in o) ? 'the app never became interactive on the demo data' : null;
    for (const dataset of datasets) {
      const timeoutMs = TIMEOUT_MS[dataset.label]!;
      const naive: RunOutcome[] = [];
      const appCsv: RunOutcome[] = [];
      const appParquet: RunOutcome[] = [];
      for (let run = 1; run <= options.runs; run++) {
        naive.push(await attempt(`${dataset.label} naive run ${run}`, {
          url: naiveCsvUrl(server.origin, dataset.label), interactionKinds: NAIVE_KINDS, interactionsPerKind: perKind, timeoutMs,
        }, server));
        for (const [format, outcomes, file] of [['CSV', appCsv, dataset.statusCsv], ['Parquet', appParquet, dataset.statusParquet]] as const) {
          if (noFileInput) continue;
          const outcome = await attempt(`${dataset.label} app ${format} run ${run}`, {
            url: `${server.origin}/`, interactionKinds: APP_KINDS, interactionsPerKind: perKind, timeoutMs,
            files: [file, dataset.inspectionsCsv, dataset.recommendationsCsv],
          }, server);
          outcomes.push(outcome);
          // The app is the same build for the whole bench: a missing file input stays missing.
          if (!('failed' in outcome) && outcome.fileLoad?.unavailable?.startsWith('not available yet')) noFileInput = outcome.fileLoad.unavailable;
        }
      }
      sizes.push({
        label: dataset.label,
        updates: dataset.updates,
        fileBytes: dataset.bytes,
        appCsv: appCsv.length > 0 ? aggregateRuns(appCsv, false) : null,
        appParquet: appParquet.length > 0 ? aggregateRuns(appParquet, false) : null,
        naive: aggregateRuns(naive, false),
        naiveCsvLoad: loadAfterEngine(naive),
      });
    }

    const app = aggregateRuns(appDemo);
    const naive = aggregateRuns(naiveDemo);
    const meta: Meta = {
      date: new Date().toISOString(),
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      commit: git('rev-parse', options.workingTree || options.skipBuild ? 'HEAD' : options.commit),
      built: options.skipBuild ? 'the previous build in bench/tmp' : options.workingTree ? 'the working tree' : `commit ${options.commit}`,
      uncommittedChanges: options.workingTree && git('status', '--porcelain', '--untracked-files=no') !== '',
      chromium,
      node: process.versions.node,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      runs: options.runs,
      interactionsPerKind: perKind,
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
    };
    const notes = [
      'First chart, engine ready and data loaded are the pages\' own performance marks (oversight:first-chart, oversight:engine-ready, oversight:data-loaded), in ms from navigation start. "Fully interactive" = data loaded.',
      'Interaction latency is timed inside the page: from dispatching the control\'s input/change events to the first frame (requestAnimationFrame, then a task) after section.view reports the new filters (data-asof, data-filters-key). "renderDone" in results.json stops at the attribute change, before the frame.',
      'JS heap = V8 heaps of the main thread (Performance.getMetrics JSHeapUsedSize) and of the workers (Runtime.getHeapUsage), after a forced GC, measured once the interactions are done. DuckDB\'s WebAssembly memory lives outside the JS heap (an ArrayBuffer in its worker; it only grows), so it is its own row.',
      'Chromium\'s own byte count (CDP Network.loadingFinished encodedDataLength, page and workers) is in results.json as bytesCdp: it adds headers and misses the DuckDB worker script, which Chromium fetches outside the worker\'s network domain. The tables use the server\'s count.',
      'Naive baseline (scripts/bench/naive/): boots DuckDB-wasm, loads the statuses (demo: the shipped Arrow file; sizes: the generated CSV fetched from 127.0.0.1 and read with read_csv through a FileReader), runs one GROUP BY on status_updates for the force ranking and draws it with Plot; each filter change re-runs it. Its metric is simpler than the app\'s (no scope, due dates or joins to recommendations), so its query is cheaper. Ratios are app ÷ naive: below 1 the app is faster or smaller.',
      'Generated datasets: scripts/generate-statuses.ts --updates N (CSV, Arrow, synthetic inspections and recommendations), Parquet written from the Arrow output with parquet-wasm (Snappy); cached in bench/tmp/datasets.',
    ];
    if (app.interactions.force?.unavailable) notes.push(`Force selection: ${app.interactions.force.unavailable}.`);
    if (noFileInput) notes.push(`Loading generated data into the app: ${noFileInput}, so the app's CSV/Parquet load, interactions and heap at 10k–5M are not measured; the naive baseline is.`);
    const stopped = sizes.flatMap((s) =>
      [s.appCsv, s.appParquet].map((p) => p?.fileLoad?.unavailable).filter((u): u is string => !!u && !u.startsWith('not available yet')),
    );
    if (stopped.length > 0) {
      notes.push(
        'Loading generated data into the app did not complete, so its load time, interactions and heap at these sizes are not measured ' +
          `(the Data view ${stopped[0]}). The generator adds synthetic inspections beyond the real recommendations; their statuses are ` +
          'picked together with its inspections.csv and recommendations.csv, but the Data view does not take those files yet and reports ' +
          'the statuses as unknown inspections (e.g. synthetic-001). "Read + checked, stopped for review" is the time to that report.',
      );
    }
    const results = {
      meta,
      targets: evaluateTargets(app, sizes),
      demo: { app, naive, ratios: demoRatios(app, naive) },
      sizes,
      notes,
    };
    writeResults(results, `${BENCH_OUT}/results.json`, `${BENCH_OUT}/results.md`);
    console.log(`bench: wrote bench/results.json and bench/results.md in ${((performance.now() - began) / 1000).toFixed(0)} s`);
    for (const target of results.targets) console.log(`  ${target.verdict.padEnd(12)} ${target.target}`);
  } finally {
    await server.close();
  }
}

await main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
