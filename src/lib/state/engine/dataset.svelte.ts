import type { Connector } from '../../db/connector';
import type { Snapshot } from '../../db/snapshot';
import { snapshotConnector } from '../../db/snapshot-connector';
import { dataExtent, type DataExtent } from '../../metrics/common/data-extent.sql';
import { userCoverage, type UserCoverage } from '../../metrics/common/user-coverage.sql';
import { hasShippedResponses, isIllustrative, sourceLine } from '../../charts/shared/source-line';
import { hasSavedData } from '../../data/ingest/loaded/saved-data-folder';
import { readSavedSummary } from '../../data/ingest/loaded/saved-summary';
import { refreshPreaggregates } from '../../metrics/preagg/refresh-preaggregates';
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
   * Takes the engine as it starts (with the shipped data) and returns once the first view can draw.
   * Data the user loaded on an earlier visit is put back before the engine answers any view, so no
   * view ever draws the demo figures in between; until then the summary saved with that data
   * answers the first view, as the build-time snapshot does for the shipped data. With nothing
   * saved this costs one look into the browser's storage. Gives back the engine once it holds the
   * data the views show.
   */
  async attach(
    engine: Promise<Connector>, shipped: Snapshot | null, { useSaved = true }: { useSaved?: boolean } = {},
  ): Promise<{ loaded: Promise<Connector> }> {
    // A published dataset (useSaved false) is what every viewer sees: data saved here does not replace it.
    const saved = useSaved && (await hasSavedData());
    this.restoring = saved;
    // A save without a matching summary waits for the engine: never the demo numbers for user data.
    const snapshot = saved ? await readSavedSummary() : shipped;
    const loaded = saved ? engine.then((db) => this.#restore(db)) : engine;
    const db = snapshotConnector(loaded, snapshot);
    if (saved && snapshot) {
      // Registered after the snapshot connector's own handler, so this runs once the engine answers.
      void loaded.then(() => this.#showEngineIfNotRestored(), () => undefined);
    }
    this.#ownScope = useSaved;
    const extent = await dataExtent(db);
    this.scope = await this.#coverage(db, extent);
    this.extent = extent;
    this.db = db;
    return { loaded };
  }

  async #restore(db: Connector): Promise<Connector> {
    try {
      const { restoreSavedData } = await import('../../data/ingest/loaded/saved-data-opfs');
      this.restoredFrom = await restoreSavedData(db);
      await refreshPreaggregates(db);
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
    const { forgetSavedData } = await import('../../data/ingest/loaded/saved-data-folder');
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

  /** Call after the tables changed; `derivedBuilt` when the change rebuilt the pre-aggregates itself (a load does). */
  async refresh(derivedBuilt = false): Promise<void> {
    if (!this.db) return;
    if (!derivedBuilt) await refreshPreaggregates(this.db);
    const extent = await dataExtent(this.db);
    this.scope = await this.#coverage(this.db, extent);
    this.extent = extent;
    this.version += 1;
  }

  /**
   * Saves the data in this browser with a summary of the national view, which the next visit
   * draws before the engine has started. Returns the number of status updates saved.
   */
  async save(): Promise<number> {
    const db = this.db;
    if (!db) throw new Error('the data is not loaded yet');
    const [{ saveLoadedData }, { browserTableToIpc }] = await Promise.all([
      import('../../data/ingest/loaded/saved-data-opfs'),
      import('../../db/browser-table-ipc'),
    ]);
    return saveLoadedData(db, async (dataKey) => (await recordFirstView(db, browserTableToIpc, dataKey)).snapshot);
  }
}
