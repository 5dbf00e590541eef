import type { Connector } from '../../../lib/db/connector';
import type { StagedFile } from '../../../lib/data/ingest/stage/stage-file';
import type { LoadMode } from '../../../lib/data/ingest/loaded/load-changes';
import { listLoads, type LoadEntry } from '../../../lib/data/ingest/loaded/load-registry';
import { loadedVersionsOf, type LoadedVersion } from '../../../lib/data/ingest/loaded/new-version-of';
import { previewGroups, previewPairs, type PairChange, type PreviewGroup, type PreviewPair } from '../../../lib/metrics/changes/load-preview.sql';
import { toCsv } from '../../../lib/data/export/csv-text';
import { downloadFile } from '../../../lib/data/export/download-file';
import { STATUS_LABELS } from '../../../lib/charts/shared/palette';

/** Pairs shown at once in each list; the rest page on. */
export const PREVIEW_PAGE = 25;

/**
 * The preview of a checked load of statuses while a user already has statuses of their own
 * loaded: what accepting it would change, computed again when the user chooses to replace the
 * file it looks like a new version of, or to add beside it. Nothing here writes.
 */
export class LoadPreviewState {
  groups = $state.raw<PreviewGroup[]>([]);
  /** The loaded files this one looks like a new version of, found by name or coverage. */
  readonly offered: readonly LoadedVersion[];
  /** Whether the offered files are replaced (the default) or the new file is added beside them. */
  replacing = $state(true);
  /** Each list's page as shown. */
  pages = $state.raw<Partial<Record<PairChange, { at: number; pairs: PreviewPair[] }>>>({});
  working = $state(false);
  readonly #db: Connector;
  readonly #staged: readonly StagedFile[];
  readonly #base: LoadMode;
  readonly #loads: readonly LoadEntry[];

  private constructor(db: Connector, staged: readonly StagedFile[], base: LoadMode, loads: readonly LoadEntry[], offered: LoadedVersion[]) {
    this.#db = db;
    this.#staged = staged;
    this.#base = base;
    this.#loads = loads;
    this.offered = offered;
  }

  /**
   * A preview when the staged files bring statuses and the user has status files of their own
   * loaded; null otherwise (the first load, over the illustrative statuses, has nothing of theirs
   * to compare with). It knows which loaded files it looks like a new version of; `compute` then
   * compares, only when the preview is to be shown.
   */
  static async open(db: Connector, staged: readonly StagedFile[], mode: LoadMode): Promise<LoadPreviewState | null> {
    const bringsStatuses = staged.some((file) => file.kind === 'statuses' && file.fileProblems.length === 0 && file.loadable > 0);
    if (!bringsStatuses) return null;
    const loads = await listLoads(db);
    if (!loads.some((entry) => entry.origin === 'user' && entry.kind === 'statuses')) return null;
    const chosen = mode.kind === 'replace' ? mode.loadIds : [];
    const offered = (await loadedVersionsOf(db, staged, loads)).filter((version) => !chosen.includes(version.entry.load_id));
    return new LoadPreviewState(db, staged, mode, loads, offered);
  }

  /** How the files will load: in place of the files chosen, and of those offered unless added beside. */
  get mode(): LoadMode {
    const ids = [...(this.#base.kind === 'replace' ? this.#base.loadIds : []), ...(this.replacing ? this.offered.map((v) => v.entry.load_id) : [])];
    return ids.length > 0 ? { kind: 'replace', loadIds: ids } : { kind: 'add' };
  }

  /** The loaded files the load takes out, as it stands. */
  get replaced(): LoadEntry[] {
    const ids = this.mode.kind === 'replace' ? this.mode.loadIds : [];
    return this.#loads.filter((entry) => ids.includes(entry.load_id));
  }

  /**
   * A new version of the user's own statuses (a file of theirs replaced, or offered for it):
   * it waits for the user to accept even when nothing is wrong with it.
   */
  get newVersion(): boolean {
    return this.offered.length > 0 || this.replaced.some((entry) => entry.origin === 'user' && entry.kind === 'statuses');
  }

  /** Pairs of one kind of change. */
  count(change: PairChange): number {
    return this.groups.filter((group) => group.change === change).reduce((sum, group) => sum + group.pairs, 0);
  }

  async choose(replacing: boolean): Promise<void> {
    if (replacing === this.replacing) return;
    this.replacing = replacing;
    await this.compute();
  }

  /** Shows the page of a list that starts at `at` (0 = its first pairs). */
  async show(change: PairChange, at: number): Promise<void> {
    this.working = true;
    try {
      const pairs = await previewPairs(this.#db, this.#load(), change, PREVIEW_PAGE, at);
      this.pages = { ...this.pages, [change]: { at, pairs } };
    } finally {
      this.working = false;
    }
  }

  /** Every pair the load changes or keeps, one row each, as CSV. */
  async download(): Promise<void> {
    const pairs = await previewPairs(this.#db, this.#load(), null);
    const rows = pairs.map((pair) => ({
      ...pair,
      what: CHANGE_WORDS[pair.change],
      recommendation: `Recommendation ${pair.rec_no}`,
      before: STATUS_LABELS[pair.status_before],
      after: STATUS_LABELS[pair.status_after],
    }));
    downloadFile([toCsv(rows, CSV_COLUMNS)], 'oversight-load-preview.csv', 'text/csv;charset=utf-8');
  }

  #load() {
    return { staged: this.#staged, replaced: this.replaced };
  }

  /** Compares the loaded data with the data as it would be after the load, as now chosen. */
  async compute(): Promise<void> {
    this.working = true;
    try {
      this.groups = await previewGroups(this.#db, this.#load());
      // Open lists show their first page again, of the new comparison.
      const open = Object.keys(this.pages) as PairChange[];
      this.pages = {};
      for (const change of open) await this.show(change, 0);
    } finally {
      this.working = false;
    }
  }
}

/** What happens to a pair, in words, for lists and the download. */
export const CHANGE_WORDS: Record<PairChange, string> = {
  changed: 'Changes status',
  new: 'New',
  removed: 'No longer has a status',
  unchanged: 'Stays as it is',
};

const CSV_COLUMNS = [
  { key: 'what', label: 'What happens' },
  { key: 'force', label: 'Force' },
  { key: 'inspection', label: 'Inspection' },
  { key: 'recommendation', label: 'Recommendation' },
  { key: 'before', label: 'Status now' },
  { key: 'after', label: 'Status after loading' },
  { key: 'as_of', label: 'Date' },
];
