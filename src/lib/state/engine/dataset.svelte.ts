import { tick } from 'svelte';
import type { Connector } from '../../db/connector';
import type { Snapshot } from '../../db/snapshot';
import { snapshotConnector } from '../../db/snapshot-connector';
import { dataExtent, type DataExtent } from '../../metrics/common/data-extent.sql';
import { userCoverage, type UserCoverage } from '../../metrics/common/user-coverage.sql';
import { hasShippedResponses, isIllustrative, sourceLine } from '../../charts/shared/source-line';
import { forgetSavedData, hasSavedDataAtStart } from '../../data/ingest/loaded/saved-data-folder';
import { readSavedSummary } from '../../data/ingest/loaded/saved-summary';
import { BackgroundBuild } from '../../metrics/preagg/background-build';
import { recordFirstView } from './first-view-snapshot';

/**
 * The loaded data as the views see it: the engine, what is in it, and a version that every load,
 * removal or undo bumps so that views re-query.
 */
export class DatasetState {
  db = $state<Connector | null>(null);
  extent = $state<DataExtent | null>(null);
  version = $state(0);
  /** What the user's own status files cover: the views' default inspections. Null with the demo data or a published dataset. */
  scope = $state.raw<UserCoverage | null>(null);
  // A published dataset is what every viewer sees, shown whole.
  #ownScope = true;

  readonly source = $derived(this.extent ? sourceLine(this.extent.sources, this.scope?.files ?? []) : '');
  readonly shippedResponses = $derived(this.extent ? hasShippedResponses(this.extent.sources) : false);
  readonly illustrative = $derived(this.extent ? isIllustrative(this.extent.sources) : false);

  /** When the user's saved data was restored at start-up (ISO time), if it was. */
  restoredFrom = $state<string | null>(null);
  /** Why saved data could not be restored, if it could not: what could not be read (in words, when known) and what was said. */
  restoreFailure = $state<{ part: string | null; detail: string } | null>(null);
  /** True from start-up until the data saved in this browser is back in the engine (or failed to come back). */
  restoring = $state(false);

  /**
   * Whether the pre-aggregates match the data at `version`. After a change they are built in the
   * background; until then (or for good, if the build fails) the views read the plain SQL.
   */
  preaggregated = $state(true);
  /** While `preaggregated` is false: the build's per-force counts are done (Connector.countsBuilt). */
  countsBuilt = $state(true);
  /** Why this version's pre-aggregates could not be built, if they could not. */
  buildFailure = $state<string | null>(null);
  readonly #build = new BackgroundBuild();
  #builtScope = '';
  /** The inspections the built pre-aggregates also keep monthly counts for, as the views' filter writes them (Connector.preaggregatedScope). */
  get preaggregatedScope(): string {
    return this.#builtScope;
  }
  /** This version's build: true once built, false if superseded or failed. */
  #built: Promise<boolean> = Promise.resolve(true);
  /** What a build waits for before it starts: the page sets it to "the views have their first answers". */
  viewsAnswered: () => Promise<void> = () => Promise.resolve();

  /**
   * Takes the engine as it starts (with the shipped data) and returns once the first view can draw.
   * Data the user loaded on an earlier visit is put back before the engine answers any view, so no
   * view ever draws the demo figures in between; until then the summary saved with that data
   * answers the first view, as the build-time snapshot does for the shipped data. With nothing
   * saved this costs one look into the browser's storage. Gives back the engine once it holds the
   * data the views show. `warmUp`: the engine is asked the snapshot's questions once when it takes
   * over (see snapshot-connector.ts); off for a published dataset, whose engine reads over the network.
   */
  async attach(
    engine: Promise<Connector>, shipped: Snapshot | null, { useSaved = true, warmUp = true }: { useSaved?: boolean; warmUp?: boolean } = {},
  ): Promise<{ loaded: Promise<Connector> }> {
    // A published dataset (useSaved false) is what every viewer sees: data saved here does not replace it.
    const saved = useSaved && (await hasSavedDataAtStart());
    this.restoring = saved;
    // A save without a matching summary waits for the engine: never the demo numbers for user data.
    const snapshot = saved ? await readSavedSummary() : shipped;
    const loaded = saved ? engine.then((db) => this.#restore(db)) : engine;
    const db = snapshotConnector(loaded, snapshot, { warmUp });
    if (saved && snapshot) {
      // Registered after the snapshot connector's own handler, so this runs once the engine answers.
      void loaded.then(() => this.#showEngineIfNotRestored(), () => undefined);
    }
    this.#ownScope = useSaved;
    const extent = await dataExtent(db);
    this.scope = await this.#coverage(db, extent);
    this.extent = extent;
    this.db = followingBuild(db, () => this.preaggregated, () => this.countsBuilt, () => this.#builtScope);
    return { loaded };
  }

  async #restore(db: Connector): Promise<Connector> {
    try {
      const { restoreSavedData } = await import('../../data/ingest/loaded/saved-data-opfs');
      this.restoredFrom = await restoreSavedData(db);
      // The views answer from the plain SQL at once, as after a load; the pre-aggregates of the
      // restored data follow in the background (a million updates took tens of seconds first).
      this.preaggregated = false;
      this.countsBuilt = false;
      this.#built = this.#buildFor(db, this.version);
    } catch (cause) {
      const { DamagedSave } = await import('../../data/ingest/loaded/saved-data-opfs');
      this.restoreFailure = cause instanceof DamagedSave
        ? { part: cause.part, detail: cause.detail }
        : { part: null, detail: cause instanceof Error ? cause.message : String(cause) };
    } finally {
      this.restoring = false;
    }
    return db;
  }

  /** Deletes a save that could not be restored, so the next visit starts from the demo data without a word. */
  async forgetDamagedSave(): Promise<void> {
    await forgetSavedData();
    this.restoreFailure = null;
  }

  /** The summary showed the saved data; if it could not be put back, the views show what the engine holds. */
  async #showEngineIfNotRestored(): Promise<void> {
    if (this.restoredFrom) return;
    await this.refresh();
  }

  /** What the user's statuses cover, asked only when there are statuses (the recorded first view holds it then). */
  async #coverage(db: Connector, extent: DataExtent): Promise<UserCoverage | null> {
    return this.#ownScope && extent.lastUpdate ? userCoverage(db) : null;
  }

  /**
   * Call after the tables changed (a load, removal, undo): the views re-query at once with the plain
   * SQL, and switch to the pre-aggregates once the background build of this version is done.
   */
  async refresh(): Promise<void> {
    if (!this.db) return;
    this.#build.cancel();
    this.preaggregated = false;
    this.countsBuilt = false;
    this.buildFailure = null;
    const extent = await dataExtent(this.db);
    this.scope = await this.#coverage(this.db, extent);
    this.extent = extent;
    this.version += 1;
    this.#built = this.#buildFor(this.db, this.version);
  }

  /** This version's build: true once built, false when a newer change superseded it or it failed. */
  whenBuilt(): Promise<boolean> {
    return this.#built;
  }

  async #buildFor(db: Connector, version: number): Promise<boolean> {
    try {
      // The views ask about the new version once this state change reaches them (tick); their
      // first answers, from the plain SQL, come before the build takes the engine.
      await tick();
      await this.viewsAnswered();
      if (version !== this.version) return false;
      const scope = this.scope?.inspections ?? [];
      const built = await this.#build.run(db, scope, () => {
        if (version !== this.version) return;
        this.#builtScope = scope.join(',');
        this.countsBuilt = true;
        // The benchmark reads this too: file input → the national figures read their counts.
        performance.mark('oversight:counts-built', { detail: { version } });
      });
      if (!built || version !== this.version) return false;
      this.#builtScope = scope.join(',');
      this.countsBuilt = true;
      this.preaggregated = true;
      // The benchmark reads this: file input → pre-aggregates built, beside file input → interactive.
      performance.mark('oversight:preaggregates-built', { detail: { version } });
      return true;
    } catch (cause) {
      if (version === this.version) this.buildFailure = buildFailureInWords(cause);
      return false;
    }
  }

  /**
   * Saves the data in this browser, with a summary of the national view that the next visit draws
   * before the engine has started. Waits for this version's pre-aggregates, so the save never holds
   * up the views in the meantime (the summary reads them; with the build failed, none is saved).
   * Returns the number of status updates saved, or null when a newer change came first: that
   * change saves instead.
   */
  async saveWhenBuilt(): Promise<number | null> {
    const db = this.db;
    const version = this.version;
    if (!db) throw new Error('the data is not loaded yet');
    const built = await this.#built;
    const superseded = () => version !== this.version;
    if (superseded()) return null;
    const [{ saveLoadedData }, { browserTableToIpc }] = await Promise.all([
      import('../../data/ingest/loaded/saved-data-opfs'),
      import('../../db/browser-table-ipc'),
    ]);
    const summarise = built ? async (dataKey: string) => (await recordFirstView(db, browserTableToIpc, dataKey)).snapshot : undefined;
    return saveLoadedData(db, summarise, undefined, superseded);
  }
}

/** Why a build failed, in words for people: DuckDB's own message names tables. */
function buildFailureInWords(cause: unknown): string {
  const said = cause instanceof Error ? cause.message : String(cause);
  return /memory/i.test(said) ? 'this browser ran out of memory for them' : 'the database engine could not finish them';
}

/** The engine as the page uses it: it says whether the pre-aggregates match its data (Connector.preaggregated). */
function followingBuild(db: Connector, preaggregated: () => boolean, countsBuilt: () => boolean, scope: () => string): Connector {
  return {
    query: (sql, params) => db.query(sql, params),
    queryReadOnly: (sql, params) => db.queryReadOnly(sql, params),
    registerFile: (name, bytes) => db.registerFile(name, bytes),
    dropFile: (name) => db.dropFile(name),
    insertArrowStream: (table, ipc) => db.insertArrowStream(table, ipc),
    runInBackground: (sql, signal) => (db.runInBackground ? db.runInBackground(sql, signal) : db.query(sql).then(() => undefined)),
    queryArrowStream: db.queryArrowStream ? (sql) => db.queryArrowStream!(sql) : undefined,
    get preaggregated() {
      return preaggregated();
    },
    get countsBuilt() {
      return countsBuilt();
    },
    get preaggregatedScope() {
      return scope();
    },
  };
}
