import { APP_INTERACTION_KINDS, type InteractionKind } from './interactions';
import type { ColdRun } from './measure-page';
import type { ResourceKind } from './network-bytes';
import { summarise, type Summary } from './stats';

/** A measured figure over runs, or why there is none. */
export interface Cell {
  summary: Summary | null;
  unavailable?: string;
}

export interface InteractionCell {
  /** All samples of all runs pooled: dispatch → next frame after the view reported done. */
  painted: Summary | null;
  /** Dispatch → render-done attributes (no paint): separates query+render from the frame. */
  renderDone: Summary | null;
  /** The spread of the p95 between runs. */
  perRunP95: Summary | null;
  unavailable?: string;
}

export interface PageResult {
  runs: number;
  failedRuns: string[];
  firstChart: Cell;
  engineReady: Cell;
  dataLoaded: Cell;
  firstContentfulPaint: Cell;
  /** Bytes sent by the server per kind (bodies after compression). */
  bytes: Record<ResourceKind, Cell>;
  /** The part of the JS that is DuckDB-wasm's worker script. */
  duckdbWorkerJs: Cell;
  /** The rest: the page's own JS, on the main thread. */
  mainThreadJs: Cell;
  /** Chromium's own count (encodedDataLength, headers included; misses worker scripts). */
  bytesCdp: Record<ResourceKind, Cell>;
  /** Main thread + workers, after GC. */
  jsHeap: Cell;
  pageHeap: Cell;
  pageHeapBeforeGc: Cell;
  workerHeap: Cell;
  wasmMemory: Cell;
  fileLoad: Cell | null;
  /** When the Data view stopped for review instead: change event → review shown (reading and checking). */
  fileReview: Cell | null;
  /** Change event → the pre-aggregates' first stage, the per-force counts, built (the national figures switch to them). */
  fileCounts: Cell | null;
  /** Change event → the pre-aggregates built in the background (the views interactive before, on the plain SQL). */
  filePreaggregates: Cell | null;
  /** Change event → the loaded data saved in the browser (OPFS). */
  fileSaved: Cell | null;
  interactions: Partial<Record<InteractionKind, InteractionCell>>;
  /** Main-thread long tasks before the first chart: time the page could not draw. */
  longTasksBeforeFirstChart: Cell;
  /** The first successful run's resources and long tasks, up to fully interactive. */
  timeline: ColdRun['timeline'] | null;
  /** What the first successful run was sent, file by file: where the bytes go. */
  filesSent: { path: string; encoding: string; bytes: number }[];
  errors: string[];
}

export type RunOutcome = ColdRun | { failed: string };

const KINDS: ResourceKind[] = ['js', 'wasm', 'data', 'other'];

function cell(values: (number | null | undefined)[], whenMissing = 'not measured'): Cell {
  const summary = summarise(values.filter((v): v is number => typeof v === 'number'));
  return summary ? { summary } : { summary: null, unavailable: whenMissing };
}

function interactionCell(runs: ColdRun[], kind: InteractionKind): InteractionCell | undefined {
  const samples = runs.flatMap((run) => run.interactions.filter((s) => s.kind === kind));
  if (samples.length === 0) return undefined;
  const reasons = [...new Set(samples.map((s) => s.unavailable).filter((r): r is string => r !== undefined))];
  const perRun = samples.map((s) => summarise(s.painted)?.p95);
  return {
    painted: summarise(samples.flatMap((s) => s.painted)),
    renderDone: summarise(samples.flatMap((s) => s.renderDone)),
    perRunP95: summarise(perRun.filter((v): v is number => v !== undefined)),
    ...(reasons.length > 0 ? { unavailable: reasons.join('; ') } : {}),
  };
}

function duckdbWorkerBytes(run: ColdRun): number {
  return run.bytes.files.filter((f) => /duckdb-browser-[a-z]+\.worker[^/]*\.js$/.test(f.path)).reduce((sum, f) => sum + f.bytes, 0);
}

/** `detail`: keep the first run's timeline and file list (worth it for the demo runs, noise for the rest). */
export function aggregateRuns(outcomes: readonly RunOutcome[], detail = true): PageResult {
  const runs = outcomes.filter((o): o is ColdRun => !('failed' in o));
  const failedRuns = outcomes.filter((o): o is { failed: string } => 'failed' in o).map((o) => o.failed);
  const bytesBy = (source: 'server' | 'cdp') =>
    Object.fromEntries(KINDS.map((kind) => [kind, cell(runs.map((r) => r.bytes[source][kind]))])) as Record<ResourceKind, Cell>;
  const fileLoads = runs.map((r) => r.fileLoad).filter((f) => f !== null);
  const interactions: PageResult['interactions'] = {};
  for (const kind of APP_INTERACTION_KINDS) {
    const found = interactionCell(runs, kind);
    if (found) interactions[kind] = found;
  }
  return {
    runs: runs.length,
    failedRuns,
    firstChart: cell(runs.map((r) => r.timings.firstChart), 'no oversight:first-chart mark'),
    engineReady: cell(runs.map((r) => r.timings.engineReady), 'no oversight:engine-ready mark'),
    dataLoaded: cell(runs.map((r) => r.timings.dataLoaded), 'no oversight:data-loaded mark'),
    firstContentfulPaint: cell(runs.map((r) => r.timings.firstContentfulPaint)),
    bytes: bytesBy('server'),
    duckdbWorkerJs: cell(runs.map(duckdbWorkerBytes)),
    mainThreadJs: cell(runs.map((r) => r.bytes.server.js - duckdbWorkerBytes(r))),
    bytesCdp: bytesBy('cdp'),
    jsHeap: cell(runs.map((r) => (r.memory ? r.memory.pageHeapAfterGc + (r.memory.workerHeapAfterGc ?? 0) : null))),
    pageHeap: cell(runs.map((r) => r.memory?.pageHeapAfterGc)),
    pageHeapBeforeGc: cell(runs.map((r) => r.memory?.pageHeap)),
    workerHeap: cell(runs.map((r) => r.memory?.workerHeapAfterGc)),
    wasmMemory: cell(runs.map((r) => r.memory?.wasmMemory), 'DuckDB bindings not found in any worker'),
    fileLoad:
      fileLoads.length === 0
        ? null
        : cell(
            fileLoads.map((f) => f.ms),
            [...new Set(fileLoads.map((f) => f.unavailable).filter(Boolean))].join('; ') || 'not measured',
          ),
    fileReview: fileLoads.some((f) => f.msToReview !== undefined) ? cell(fileLoads.map((f) => f.msToReview)) : null,
    fileCounts: fileLoads.some((f) => f.msToCounts !== undefined) ? cell(fileLoads.map((f) => f.msToCounts)) : null,
    filePreaggregates: fileLoads.some((f) => f.msToPreaggregates !== undefined) ? cell(fileLoads.map((f) => f.msToPreaggregates)) : null,
    fileSaved: fileLoads.some((f) => f.msToSaved !== undefined) ? cell(fileLoads.map((f) => f.msToSaved)) : null,
    interactions,
    longTasksBeforeFirstChart: cell(
      runs.map((r) =>
        r.timings.firstChart === null
          ? null
          : r.timeline.longTasks.filter((t) => t.start < r.timings.firstChart!).reduce((sum, t) => sum + t.duration, 0),
      ),
    ),
    timeline: detail ? (runs[0]?.timeline ?? null) : null,
    filesSent: detail ? (runs[0]?.bytes.files ?? []) : [],
    errors: [...new Set(runs.flatMap((r) => r.errors))],
  };
}

/** data-loaded − engine-ready for each run: the naive page's load (fetch + read_csv) alone. */
export function loadAfterEngine(outcomes: readonly RunOutcome[]): Cell {
  const runs = outcomes.filter((o): o is ColdRun => !('failed' in o));
  return cell(runs.map((r) => (r.timings.dataLoaded !== null && r.timings.engineReady !== null ? r.timings.dataLoaded - r.timings.engineReady : null)));
}
