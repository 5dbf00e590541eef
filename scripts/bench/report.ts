import { writeFileSync } from 'node:fs';
import type { Cell, InteractionCell, PageResult } from './aggregate';
import { APP_INTERACTION_KINDS, INTERACTION_LABELS } from './interactions';
import type { SizeLabel } from './options';
import { ratio, type Summary } from './stats';

export interface Meta {
  date: string;
  command: string;
  commit: string;
  /** What was built: the last commit, the working tree, or an earlier build reused. */
  built: string;
  uncommittedChanges: boolean;
  chromium: string;
  node: string;
  cpus: string;
  memoryGb: number;
  runs: number;
  interactionsPerKind: number;
  /** 1-minute load averages when the runs began and ended: above the core count, figures are inflated. */
  loadAverage: { start: number; end: number };
}

export interface SizeResult {
  label: SizeLabel;
  updates: number;
  fileBytes: { csv: number; arrow: number; parquet: number };
  appCsv: PageResult | null;
  appParquet: PageResult | null;
  naive: PageResult;
  /** The naive page's load alone: data-loaded − engine-ready (fetch over localhost + read_csv). */
  naiveCsvLoad: Cell;
}

export interface TargetResult {
  target: string;
  limit: number;
  unit: 'ms' | 'bytes';
  measured: number | null;
  verdict: 'pass' | 'miss' | 'not measured';
  detail: string;
}

export interface Results {
  meta: Meta;
  targets: TargetResult[];
  demo: { app: PageResult; naive: PageResult; ratios: Record<string, number | null> };
  sizes: SizeResult[];
  notes: string[];
}

const KINDS = APP_INTERACTION_KINDS;
const KIND_LABELS = INTERACTION_LABELS;

// ---------- formatting ----------

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

function bytes(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} MB`;
  return `${(value / 1e3).toFixed(1)} kB`;
}

function withSpread(summary: Summary, format: (v: number) => string): string {
  return summary.min === summary.max ? format(summary.median) : `${format(summary.median)} [${format(summary.min)}–${format(summary.max)}]`;
}

function cellText(cell: Cell | null | undefined, format: (v: number) => string): string {
  if (!cell) return '–';
  return cell.summary ? withSpread(cell.summary, format) : `n/a (${cell.unavailable ?? 'not measured'})`;
}

function interactionText(cell: InteractionCell | undefined, which: 'p50' | 'p95'): string {
  if (!cell) return '–';
  if (!cell.painted) return `n/a (${cell.unavailable ?? 'not measured'})`;
  const value = which === 'p50' ? cell.painted.median : cell.painted.p95;
  const spread = which === 'p95' && cell.perRunP95 && cell.perRunP95.n > 1 ? ` [runs ${ms(cell.perRunP95.min)}–${ms(cell.perRunP95.max)}]` : '';
  const count = which === 'p50' ? ` (n=${cell.painted.n}${cell.unavailable ? `; ${cell.unavailable}` : ''})` : '';
  return `${ms(value)}${spread}${count}`;
}

function ratioText(value: number | null): string {
  return value === null ? '–' : `×${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}`;
}

const median = (cell: Cell | null | undefined) => cell?.summary?.median ?? null;
const p95 = (cell: InteractionCell | undefined) => cell?.painted?.p95 ?? null;
const p50 = (cell: InteractionCell | undefined) => cell?.painted?.median ?? null;

// ---------- targets and ratios ----------

function verdict(target: string, limit: number, unit: TargetResult['unit'], measured: number | null, detail: string): TargetResult {
  return { target, limit, unit, measured, verdict: measured === null ? 'not measured' : measured <= limit ? 'pass' : 'miss', detail };
}

export function evaluateTargets(demo: PageResult, sizes: readonly SizeResult[]): TargetResult[] {
  const at1M = sizes.find((s) => s.label === '1M');
  const app1M = at1M?.appCsv ?? null;
  const worstP95 = app1M
    ? KINDS.map((kind) => p95(app1M.interactions[kind])).reduce<number | null>((worst, v) => (v === null ? worst : Math.max(worst ?? v, v)), null)
    : null;
  const firstChart = demo.firstChart.summary;
  const notAt1M = at1M
    ? (app1M?.fileLoad?.unavailable ?? 'the app cannot load the 1M dataset yet')
    : 'the 1M size was not in this run (--sizes)';
  return [
    verdict('First chart, demo data, cold', 300, 'ms', firstChart?.median ?? null,
      firstChart ? `median of ${firstChart.n} runs; slowest run ${ms(firstChart.max)}` : (demo.firstChart.unavailable ?? '')),
    verdict('Filter → repaint p95 at 1M updates', 50, 'ms', worstP95,
      worstP95 !== null ? `worst p95 of the ${KINDS.map((kind) => KIND_LABELS[kind]).join(', ')} interactions` : notAt1M),
    verdict('1M-row CSV loaded', 3000, 'ms', median(app1M?.fileLoad), app1M?.fileLoad?.summary ? 'file input → load-complete, median' : notAt1M),
    verdict('JS heap at 1M updates', 500e6, 'bytes', app1M?.fileLoad?.summary ? median(app1M.jsHeap) : null,
      app1M?.fileLoad?.summary ? 'main thread + workers, after GC; DuckDB wasm memory excluded' : notAt1M),
    // DESIGN.md's bar is the page's own JS; DuckDB's worker script is a dependency fetched by its worker.
    verdict("The page's own JS, compressed", 200e3, 'bytes', median(demo.mainThreadJs),
      `main-thread JS sent (brotli); with DuckDB's worker script ${cellText(demo.duckdbWorkerJs, bytes)} all JS is ${cellText(demo.bytes.js, bytes)}`),
  ];
}

export function demoRatios(app: PageResult, naive: PageResult): Record<string, number | null> {
  const ratios: Record<string, number | null> = {
    firstChart: ratio(median(app.firstChart), median(naive.firstChart)),
    engineReady: ratio(median(app.engineReady), median(naive.engineReady)),
    dataLoaded: ratio(median(app.dataLoaded), median(naive.dataLoaded)),
    bytesJs: ratio(median(app.bytes.js), median(naive.bytes.js)),
    bytesWasm: ratio(median(app.bytes.wasm), median(naive.bytes.wasm)),
    bytesData: ratio(median(app.bytes.data), median(naive.bytes.data)),
    jsHeap: ratio(median(app.jsHeap), median(naive.jsHeap)),
    wasmMemory: ratio(median(app.wasmMemory), median(naive.wasmMemory)),
  };
  for (const kind of KINDS) {
    ratios[`${kind}P50`] = ratio(p50(app.interactions[kind]), p50(naive.interactions[kind]));
    ratios[`${kind}P95`] = ratio(p95(app.interactions[kind]), p95(naive.interactions[kind]));
  }
  return ratios;
}

// ---------- markdown ----------

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function demoTable(demo: Results['demo']): string {
  const { app, naive, ratios } = demo;
  const row = (label: string, a: string, n: string, r: number | null | undefined) => [label, a, n, ratioText(r ?? null)];
  const rows: string[][] = [
    row('First chart (cold)', cellText(app.firstChart, ms), cellText(naive.firstChart, ms), ratios.firstChart),
    row('Engine ready', cellText(app.engineReady, ms), cellText(naive.engineReady, ms), ratios.engineReady),
    row('Data loaded = fully interactive', cellText(app.dataLoaded, ms), cellText(naive.dataLoaded, ms), ratios.dataLoaded),
    row('First contentful paint', cellText(app.firstContentfulPaint, ms), cellText(naive.firstContentfulPaint, ms), null),
    row('Main-thread long tasks before the first chart (sum)', cellText(app.longTasksBeforeFirstChart, ms), cellText(naive.longTasksBeforeFirstChart, ms), null),
    row('JS sent (brotli)', cellText(app.bytes.js, bytes), cellText(naive.bytes.js, bytes), ratios.bytesJs),
    row('  the page\'s own JS (main thread)', cellText(app.mainThreadJs, bytes), cellText(naive.mainThreadJs, bytes), ratio(median(app.mainThreadJs), median(naive.mainThreadJs))),
    row('  DuckDB\'s worker JS', cellText(app.duckdbWorkerJs, bytes), cellText(naive.duckdbWorkerJs, bytes), null),
    row('wasm sent (brotli)', cellText(app.bytes.wasm, bytes), cellText(naive.bytes.wasm, bytes), ratios.bytesWasm),
    row('Data sent (brotli)', cellText(app.bytes.data, bytes), cellText(naive.bytes.data, bytes), ratios.bytesData),
    row('Other sent (HTML, CSS, icon)', cellText(app.bytes.other, bytes), cellText(naive.bytes.other, bytes), null),
    row('JS heap, page + workers, after GC', cellText(app.jsHeap, bytes), cellText(naive.jsHeap, bytes), ratios.jsHeap),
    row('  page (main thread)', cellText(app.pageHeap, bytes), cellText(naive.pageHeap, bytes), null),
    row('  workers (DuckDB)', cellText(app.workerHeap, bytes), cellText(naive.workerHeap, bytes), null),
    row('DuckDB wasm memory (not JS heap)', cellText(app.wasmMemory, bytes), cellText(naive.wasmMemory, bytes), ratios.wasmMemory),
  ];
  for (const kind of KINDS) {
    rows.push(row(`${KIND_LABELS[kind]} → repaint p50`, interactionText(app.interactions[kind], 'p50'), interactionText(naive.interactions[kind], 'p50'), ratios[`${kind}P50`]));
    rows.push(row(`${KIND_LABELS[kind]} → repaint p95`, interactionText(app.interactions[kind], 'p95'), interactionText(naive.interactions[kind], 'p95'), ratios[`${kind}P95`]));
  }
  return table(['Demo data', `App (${app.runs} runs)`, `Naive baseline (${naive.runs} runs)`, 'App ÷ naive'], rows);
}

function sizesTable(sizes: readonly SizeResult[]): string {
  const columns = sizes.map((s) => s.label);
  const rows: string[][] = [];
  const add = (label: string, value: (s: SizeResult) => string) => rows.push([label, ...sizes.map(value)]);
  add('Status CSV / Parquet file', (s) => `${bytes(s.fileBytes.csv)} / ${bytes(s.fileBytes.parquet)}`);
  add('**App**: CSV load (file input → interactive, on the plain SQL)', (s) => cellText(s.appCsv?.fileLoad, ms));
  add('App: Parquet load', (s) => cellText(s.appParquet?.fileLoad, ms));
  if (sizes.some((s) => s.appCsv?.fileCounts || s.appParquet?.fileCounts)) {
    add('App: CSV / Parquet file input → per-force counts built (national figures, trends, freshness fast)', (s) => `${cellText(s.appCsv?.fileCounts, ms)} / ${cellText(s.appParquet?.fileCounts, ms)}`);
  }
  if (sizes.some((s) => s.appCsv?.filePreaggregates || s.appParquet?.filePreaggregates)) {
    add('App: CSV / Parquet file input → pre-aggregates built (background)', (s) => `${cellText(s.appCsv?.filePreaggregates, ms)} / ${cellText(s.appParquet?.filePreaggregates, ms)}`);
  }
  if (sizes.some((s) => s.appCsv?.fileSaved || s.appParquet?.fileSaved)) {
    add('App: CSV / Parquet load + saved in the browser (OPFS)', (s) => `${cellText(s.appCsv?.fileSaved, ms)} / ${cellText(s.appParquet?.fileSaved, ms)}`);
  }
  if (sizes.some((s) => s.appCsv?.fileReview || s.appParquet?.fileReview)) {
    add('App: CSV / Parquet read + checked, stopped for review', (s) => `${cellText(s.appCsv?.fileReview, ms)} / ${cellText(s.appParquet?.fileReview, ms)}`);
  }
  for (const kind of KINDS) {
    add(`App: ${KIND_LABELS[kind]} p50 / p95`, (s) =>
      s.appCsv?.fileLoad?.summary ? `${interactionText(s.appCsv.interactions[kind], 'p50')} / ${interactionText(s.appCsv.interactions[kind], 'p95')}` : 'n/a (no data loaded)');
  }
  add('App: JS heap after load (page + workers)', (s) => (s.appCsv?.fileLoad?.summary ? cellText(s.appCsv.jsHeap, bytes) : 'n/a (no data loaded)'));
  add('**Naive**: cold first chart (boot, fetch, read_csv, query, draw)', (s) => cellText(s.naive.firstChart, ms));
  add('Naive: engine ready', (s) => cellText(s.naive.engineReady, ms));
  add('Naive: CSV load (fetch + read_csv)', (s) => cellText(s.naiveCsvLoad, ms));
  for (const kind of ['asOf', 'region'] as const) {
    add(`Naive: ${KIND_LABELS[kind]} p50 / p95`, (s) => `${interactionText(s.naive.interactions[kind], 'p50')} / ${interactionText(s.naive.interactions[kind], 'p95')}`);
  }
  add('Naive: JS heap (page + workers)', (s) => cellText(s.naive.jsHeap, bytes));
  add('Naive: DuckDB wasm memory', (s) => cellText(s.naive.wasmMemory, bytes));
  add('App ÷ naive: CSV load', (s) => ratioText(ratio(median(s.appCsv?.fileLoad), median(s.naiveCsvLoad))));
  for (const kind of ['asOf', 'region'] as const) {
    add(`App ÷ naive: ${KIND_LABELS[kind]} p95`, (s) => ratioText(ratio(p95(s.appCsv?.interactions[kind]), p95(s.naive.interactions[kind]))));
  }
  add('App ÷ naive: JS heap', (s) => ratioText(s.appCsv?.fileLoad?.summary ? ratio(median(s.appCsv.jsHeap), median(s.naive.jsHeap)) : null));
  return table(['Generated data', ...columns], rows);
}

/** The app's first run up to fully interactive: what was fetched when, and where the main thread was busy. */
function timelineSection(app: PageResult): string[] {
  const timeline = app.timeline;
  if (!timeline) return [];
  const rows = timeline.resources
    .filter((r) => !r.path.startsWith('data:'))
    .sort((a, b) => a.end - b.end)
    .map((r) => [r.path, ms(r.start), ms(r.end), r.bytes > 0 ? bytes(r.bytes) : '–']);
  const tasks = timeline.longTasks.map((t) => `${ms(t.start)} (${ms(t.duration)})`);
  const first = app.firstChart.summary?.median;
  return [
    '## Where the app\'s start-up time goes (first run)',
    '',
    `The page's resource timeline (the wasm is fetched by the DuckDB worker and is not in it). First chart median ${first === undefined ? '–' : ms(first)}, engine ready ${cellText(app.engineReady, ms)}, fully interactive ${cellText(app.dataLoaded, ms)}.`,
    '',
    table(['Resource', 'Requested', 'Received', 'Body'], rows),
    '',
    `Main-thread long tasks, start (duration): ${tasks.length > 0 ? tasks.join(', ') : 'none'}.`,
    '',
  ];
}

function targetsTable(targets: readonly TargetResult[]): string {
  return table(
    ['Target', 'Limit', 'Measured', 'Verdict', 'How'],
    targets.map((t) => [
      t.target,
      t.unit === 'ms' ? ms(t.limit) : bytes(t.limit),
      t.measured === null ? '–' : t.unit === 'ms' ? ms(t.measured) : bytes(t.measured),
      t.verdict === 'pass' ? '**pass**' : t.verdict === 'miss' ? '**miss**' : 'not measured',
      t.detail,
    ]),
  );
}

export function toMarkdown(results: Results): string {
  const { meta } = results;
  const problems = [
    ...results.demo.app.errors.map((e) => `app (demo): ${e}`),
    ...results.demo.app.failedRuns.map((e) => `app (demo) run failed: ${e}`),
    ...results.demo.naive.failedRuns.map((e) => `naive (demo) run failed: ${e}`),
    ...results.sizes.flatMap((s) => [
      ...s.naive.failedRuns.map((e) => `naive (${s.label}) run failed: ${e}`),
      ...(s.appCsv?.failedRuns ?? []).map((e) => `app CSV (${s.label}) run failed: ${e}`),
      ...(s.appParquet?.failedRuns ?? []).map((e) => `app Parquet (${s.label}) run failed: ${e}`),
    ]),
  ];
  return [
    '# Oversight benchmark',
    '',
    `\`${meta.command}\` on ${meta.date.slice(0, 16).replace('T', ' ')} UTC; built from ${meta.built} (${meta.commit.slice(0, 10)}${meta.uncommittedChanges ? ', with uncommitted changes' : ''}).`,
    `Headless Chromium ${meta.chromium} (Debian), Node ${meta.node}, ${meta.cpus}, ${meta.memoryGb} GB RAM, shared with other work: load average ${meta.loadAverage.start.toFixed(1)} at the start, ${meta.loadAverage.end.toFixed(1)} at the end.`,
    '',
    `Each figure is the median of ${meta.runs} cold runs with [min–max] across runs. A cold run is a new browser and a new context with the cache disabled.`,
    `Interactions: ${meta.interactionsPerKind} per kind per run, every one to a new value; p50 and p95 are over all samples pooled, [runs a–b] is the spread of the per-run p95.`,
    'Bytes are response bodies as the bench server sent them (brotli quality 11, precompressed, as a static host configured for it would).',
    '',
    '## Targets',
    '',
    targetsTable(results.targets),
    '',
    '## Demo data (cold)',
    '',
    demoTable(results.demo),
    '',
    ...timelineSection(results.demo.app),
    ...(results.sizes.length > 0 ? ['## Generated data', '', sizesTable(results.sizes), ''] : []),
    '## Notes',
    '',
    ...results.notes.map((note) => `- ${note}`),
    ...(problems.length > 0 ? ['', '## Errors seen', '', ...problems.map((p) => `- ${p}`)] : []),
    '',
  ].join('\n');
}

export function writeResults(results: Results, jsonPath: string, markdownPath: string): void {
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(markdownPath, toMarkdown(results));
}
