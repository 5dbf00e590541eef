import type { Connector } from '../../../lib/db/connector';
import { readFilesInWorker } from '../../../lib/data/ingest/read/file-reader-client';
import { prepareStaging, stageFiles, type LoadProgress } from '../../../lib/data/ingest/stage/stage-load';
import { problemGroups, type ProblemGroup } from '../../../lib/data/ingest/report/problem-report';
import { problemTitle } from '../../../lib/data/ingest/report/problem-messages';
import { commitLoad, discardStaged, type LoadMode } from '../../../lib/data/ingest/loaded/load-changes';
import { loadFailure, type LoadFailure } from '../../../lib/data/ingest/report/load-failure';
import type { StagedFile } from '../../../lib/data/ingest/stage/stage-file';
import type { LoadEntry } from '../../../lib/data/ingest/loaded/load-registry';
import type { FileKind } from '../../../lib/data/ingest/stage/reference-kinds';
import type { PreparedFile } from '../../../lib/data/ingest/read/prepared-file';
import { distinctFiles } from '../../../lib/data/ingest/read/repeated-files';
import { engineMemory, memoryRefusal, memoryVerdict } from '../../../lib/data/ingest/read/memory-estimate';
import { MAX_FILE_BYTES } from '../../../lib/data/ingest/report/problem-messages';

/** Reads files into prepared pieces: in a worker in the browser; tests pass a reader of their own. */
export type ReadFiles = (files: readonly File[], signal: AbortSignal) => Promise<PreparedFile[]>;
import { problemValues, type ProblemValue } from '../../../lib/data/ingest/report/problem-values';
import { problemsCsv } from '../../../lib/data/ingest/report/problems-csv';
import { downloadFile } from '../../../lib/data/export/download-file';
import { WARNING_PROBLEMS } from '../../../lib/data/ingest/warnings/warning-kinds';
import { excludeWarnedRows } from '../../../lib/data/ingest/warnings/exclude-warned-rows';
import { localToday } from '../../../lib/data/ingest/warnings/local-today';
import { LoadPreviewState } from './load-preview.svelte';

/** The warnings of a file that loaded, with the entry it loaded as (to exclude its rows). */
export interface LoadedWarning {
  group: ProblemGroup;
  entry: LoadEntry;
}

export type SessionPhase = 'idle' | 'reading' | 'checking' | 'review' | 'loading';

/**
 * One load in the Data view: read (worker) → check (staging) → review, when anything was found →
 * load the valid rows or nothing: the rows and the list of loads commit together or not at all.
 * `onChanged` runs after the loaded data changed; the page builds the pre-aggregates after it, in
 * the background (DatasetState.refresh), so the views answer from the plain SQL at once.
 */
export class LoadSession {
  phase = $state<SessionPhase>('idle');
  progress = $state<LoadProgress | null>(null);
  fileNames = $state<string[]>([]);
  staged = $state.raw<StagedFile[]>([]);
  groups = $state.raw<ProblemGroup[]>([]);
  values = $state.raw<ProblemValue[]>([]);
  /** The warnings of the last load, shown once it has loaded, each with "exclude these rows". */
  loadedWarnings = $state.raw<LoadedWarning[]>([]);
  mode = $state.raw<LoadMode>({ kind: 'add' });
  /** What the last step did, for the status region. */
  message = $state('');
  failure = $state.raw<LoadFailure | null>(null);
  /** What accepting would change, when the user has statuses of their own loaded (load-preview.svelte.ts). */
  preview = $state.raw<LoadPreviewState | null>(null);
  #controller: AbortController | null = null;
  /** The files of the last load and how they were to load, so a mapping can re-check them. */
  #last: { files: readonly File[]; mode: LoadMode; defaultDate: string | null } | null = null;
  #started = 0;
  /** Said with the outcome: which files of the selection were repeated and read once. */
  #repeatedNote = '';
  readonly db: () => Connector;
  readonly onChanged: (message: string) => Promise<void>;
  readonly #readFiles: ReadFiles;

  readonly #estimateMemory: boolean;

  /** `estimateMemory: false` lets a test reach the engine's own out-of-memory failure. */
  constructor(
    db: () => Connector,
    onChanged: (message: string) => Promise<void>,
    { readFiles = readFilesInWorker, estimateMemory = true }: { readFiles?: ReadFiles; estimateMemory?: boolean } = {},
  ) {
    this.db = db;
    this.onChanged = onChanged;
    this.#readFiles = readFiles;
    this.#estimateMemory = estimateMemory;
  }

  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'checking' || this.phase === 'loading';
  }

  get loadable(): number {
    return this.staged.reduce((sum, file) => sum + (file.fileProblems.length === 0 ? file.loadable : 0), 0);
  }

  /** Errors only: warnings do not stop a load (warnings/warning-kinds.ts). */
  get problemCount(): number {
    return this.staged.reduce((sum, file) => sum + file.fileProblems.length + file.rowProblems - file.warnings, 0);
  }

  get warningCount(): number {
    return this.staged.reduce((sum, file) => sum + file.warnings, 0);
  }

  async start(chosen: readonly File[], mode: LoadMode, defaultDate: string | null): Promise<void> {
    if (chosen.length === 0) return;
    if (this.busy) {
      // A second drop while one is read or checked: said, not raced (two loads would share one transaction).
      this.message = `Still working on ${listOf(this.fileNames)}: drop ${listOf(chosen.map((file) => file.name))} again when it is done.`;
      return;
    }
    const { files, repeated } = distinctFiles(chosen);
    // The session is claimed before the first await, so a drop in the same tick sees it busy.
    const reviewed = this.phase === 'review' ? this.staged : [];
    const controller = new AbortController();
    this.#controller = controller;
    this.phase = 'reading';
    this.#last = { files, mode, defaultDate };
    this.loadedWarnings = [];
    this.mode = mode;
    this.failure = null;
    this.preview = null;
    this.progress = null;
    this.fileNames = files.map((file) => file.name);
    this.#started = performance.now();
    this.message = `Reading ${listOf(this.fileNames)}…`;
    const once = repeated.length > 0 ? ` ${listOf(repeated)} ${repeated.length === 1 ? 'was' : 'were'} chosen more than once and ${repeated.length === 1 ? 'is' : 'are'} read once.` : '';
    this.#repeatedNote = once;
    try {
      if (reviewed.length > 0) {
        this.staged = [];
        this.groups = [];
        await discardStaged(this.db(), reviewed);
      }
      if (this.#estimateMemory) {
        // Refused before a byte is read, rather than failing minutes in.
        const { limit, used } = await engineMemory(this.db());
        // Files over the size cap are refused one by one when read, in their own words (prepare-file.ts).
        const bytes = files.reduce((sum, file) => sum + (file.size <= MAX_FILE_BYTES ? file.size : 0), 0);
        const verdict = limit === null ? null : memoryVerdict(bytes, limit, used);
        if (verdict && !verdict.fits) {
          this.failure = { message: memoryRefusal(files, verdict), detail: null };
          this.message = 'Nothing was loaded; your data is as it was.';
          this.phase = 'idle';
          return;
        }
      }
      // The engine's side of staging runs while the files are read in their worker; a failed read
      // leaves it finished and harmless, never an unhandled rejection.
      const staging = prepareStaging(this.db());
      staging.catch(() => undefined);
      const prepared = await this.#readFiles(files, controller.signal);
      this.phase = 'checking';
      this.message = `Checking ${listOf(this.fileNames)}…`;
      this.staged = await stageFiles(this.db(), prepared, {
        defaultDate,
        prepared: staging,
        signal: controller.signal,
        onProgress: (progress) => (this.progress = progress),
      });
      this.groups = await problemGroups(this.db(), this.staged);
      this.values = await problemValues(this.db(), this.staged);
      const preview = await LoadPreviewState.open(this.db(), this.staged, mode);
      // A new version of the user's own statuses waits for them to see what it changes.
      if (this.problemCount === 0 && this.loadable > 0 && !preview?.newVersion) await this.accept(true);
      else {
        await preview?.compute();
        this.preview = preview;
        this.phase = 'review';
        this.message = `Checked ${listOf(this.fileNames)}: ${count(this.problemCount, 'problem')}${this.warningCount ? ` and ${count(this.warningCount, 'warning')}` : ''} found, ${rowsByKind(this.staged, 'valid ') || 'nothing new to load'}. Nothing is loaded yet.${this.preview ? ' What loading it would change is shown below.' : ''}${once}`;
      }
    } catch (cause) {
      const staged = this.staged;
      this.phase = 'idle';
      this.staged = [];
      this.groups = [];
      this.values = [];
      this.preview = null;
      await discardStaged(this.db(), staged).catch(() => undefined);
      if (cause instanceof Error && cause.name === 'LoadCancelled') this.message = cause.message;
      else {
        this.failure = loadFailure(cause, 'checking');
        this.message = 'The load failed; your data is as it was.';
      }
    } finally {
      this.#controller = null;
    }
  }

  /** Takes out the loaded rows one warning was about; the Data view's undo puts them back. */
  async exclude(warning: LoadedWarning): Promise<void> {
    const { group, entry } = warning;
    const what = problemTitle(group.kind).replace(/^Warning[^:]*: /, '');
    const description = `Exclusion of the rows of ${entry.file_name} with the warning "${what}"`;
    const n = await excludeWarnedRows(this.db(), entry, group.kind, description, localToday());
    this.loadedWarnings = this.loadedWarnings.filter((w) => w !== warning);
    await this.onChanged(`Excluded ${count(n, 'row')} of ${entry.file_name} (${what}). Undo puts them back.`);
  }

  /** Checks the files under review again, as first dropped: after a mapping, they may load in one step. */
  async recheck(): Promise<void> {
    if (this.phase !== 'review' || !this.#last) return;
    const { files, mode, defaultDate } = this.#last;
    await this.start(files, mode, defaultDate);
  }

  /** Every problem of the files under review, one row each, as CSV. */
  async downloadProblems(): Promise<void> {
    const csv = await problemsCsv(this.db(), this.staged);
    downloadFile([csv], 'oversight-problems.csv', 'text/csv;charset=utf-8');
  }

  cancel(): void {
    this.#controller?.abort();
  }

  /** Loads the valid rows of every staged file; `automatic` when nothing was found to review. */
  async accept(automatic = false): Promise<void> {
    if (this.phase === 'loading' || this.staged.length === 0) return; // a second click while loading
    this.phase = 'loading';
    this.message = `Loading ${rowsByKind(this.staged)}…`;
    const staged = this.staged;
    let added: LoadEntry[];
    try {
      // One transaction: a failure anywhere leaves everything as it was.
      added = await commitLoad(this.db(), staged, this.preview?.mode ?? this.mode, new Date().toISOString());
    } catch (cause) {
      this.failure = loadFailure(cause, 'loading');
      this.message = 'The load failed; your data is as it was.';
      await discardStaged(this.db(), staged).catch(() => undefined);
      this.#finish();
      return;
    }
    // A reopening said against loaded data may be against the very file just replaced: not told then.
    const replaced = (this.preview?.mode ?? this.mode).kind === 'replace';
    const warnings = this.groups.filter((group) => WARNING_PROBLEMS.has(group.kind) && !(replaced && group.kind === 'history_backwards_loaded'));
    this.loadedWarnings = warnings.flatMap((group) => {
      const entry = added.find((e) => e.file_name === group.file);
      return entry ? [{ group, entry }] : [];
    });
    const warned = this.loadedWarnings.reduce((sum, w) => sum + w.group.count, 0);
    const loaded = added.filter((entry) => entry.kind === 'statuses').reduce((sum, entry) => sum + entry.rows, 0);
    const what = listOf(KIND_ORDER.flatMap((kind) => {
      const rows = added.filter((entry) => entry.kind === kind).reduce((sum, entry) => sum + entry.rows, 0);
      return rows > 0 ? [count(rows, NOUNS[kind][0], NOUNS[kind][1])] : [];
    }));
    // How long, when no one stopped to review: the time a user waited for the load. Also a
    // performance measure ("oversight:load"), which the benchmark reads.
    const took = automatic ? ` in ${((performance.now() - this.#started) / 1000).toFixed(1)} s` : '';
    // The measure ends where the rows are in; the benchmark times the views and the pre-aggregates from its start.
    if (automatic) performance.measure('oversight:load', { start: this.#started, end: performance.now(), detail: { statuses: loaded, files: $state.snapshot(this.fileNames) } });
    // The view says it, with whether it was saved: one message, not two.
    this.message = '';
    this.#finish();
    try {
      await this.onChanged(added.length === 0
        ? 'Nothing new was loaded: every valid row was already there.'
        : `Loaded ${what} from ${listOf(added.map((e) => e.file_name))}${took}${warned ? `, with ${count(warned, 'warning')} (see below)` : ''}.${this.#repeatedNote}`);
    } catch (cause) {
      // The rows are in: say so, never "as it was".
      this.failure = {
        message: `${what || 'The files'} ${added.length === 1 ? 'was' : 'were'} loaded, but the page could not show the new figures. Reload the page: your data is saved in this browser.`,
        detail: cause instanceof Error ? cause.message : String(cause),
      };
    }
    // The staging tables go once the page has said so and its views have asked about the new rows:
    // dropping them (about 70 ms of statements after a 1M-row file) came between the two. The rows
    // are in whatever happens here; tables left behind only take memory until the page reloads.
    await discardStaged(this.db(), staged).catch(() => undefined);
  }

  #finish(): void {
    this.phase = 'idle';
    this.preview = null;
    this.staged = [];
    this.groups = [];
    this.values = [];
  }

  /** Loads nothing: the checked files are dropped and the data stays as it was. */
  async discard(announce = true): Promise<void> {
    await discardStaged(this.db(), this.staged);
    this.staged = [];
    this.groups = [];
    this.values = [];
    this.preview = null;
    this.phase = 'idle';
    if (announce) this.message = 'Nothing was loaded; your data is as it was.';
  }
}

// Statuses first: "Loaded 10,000 statuses, 3 inspections…" (the benchmark waits for "Loaded N status").
const KIND_ORDER: readonly FileKind[] = ['statuses', 'inspections', 'recommendations', 'responses'];
const NOUNS: Record<FileKind, [string, string]> = {
  inspections: ['inspection', 'inspections'],
  recommendations: ['recommendation', 'recommendations'],
  responses: ['response', 'responses'],
  statuses: ['status', 'statuses'],
};

/** What the staged files would load, by kind: "3 inspections and 10,000 statuses"; '' when nothing. */
export function rowsByKind(files: readonly StagedFile[], adjective = ''): string {
  return listOf(KIND_ORDER.flatMap((kind) => {
    const rows = files.filter((file) => file.kind === kind && file.fileProblems.length === 0).reduce((sum, file) => sum + file.loadable, 0);
    return rows > 0 ? [count(rows, `${adjective}${NOUNS[kind][0]}`, `${adjective}${NOUNS[kind][1]}`)] : [];
  }));
}

/** The noun for one row of a kind of file: "status", "inspection"… */
export function rowNoun(kind: FileKind | null, many = false): string {
  return NOUNS[kind ?? 'statuses'][many ? 1 : 0];
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

function listOf(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
