import type { Connector } from '../db/connector';
import { dataExtent, type DataExtent } from '../metrics/data-extent.sql';
import { isIllustrative, sourceLine } from '../charts/source-line';
import { hasSavedData } from '../data/ingest/saved-data-folder';
import { refreshPreaggregates } from '../metrics/preagg/refresh-preaggregates';

/**
 * The loaded data as the views see it: the engine, what is in it, and a version that every load,
 * removal or undo bumps so that views re-query.
 */
export class DatasetState {
  db = $state<Connector | null>(null);
  extent = $state<DataExtent | null>(null);
  version = $state(0);

  readonly source = $derived(this.extent ? sourceLine(this.extent.sources) : '');
  readonly illustrative = $derived(this.extent ? isIllustrative(this.extent.sources) : false);

  /** When the user's saved data was restored at start-up (ISO time), if it was. */
  restoredFrom = $state<string | null>(null);
  /** Why saved data could not be restored, if it could not. */
  restoreFailure = $state<string | null>(null);

  /**
   * Takes the engine with the shipped data loaded. Data the user loaded on an earlier visit is put
   * back first, so no view ever draws the demo figures in between; with nothing saved this costs
   * one look into the browser's storage and never waits for the engine.
   */
  async attach(db: Connector): Promise<void> {
    try {
      if (await hasSavedData()) {
        const { restoreSavedData } = await import('../data/ingest/saved-data-opfs');
        this.restoredFrom = await restoreSavedData(db);
        await refreshPreaggregates(db);
      }
    } catch (cause) {
      this.restoreFailure = cause instanceof Error ? cause.message : String(cause);
    }
    this.extent = await dataExtent(db);
    this.db = db;
  }

  /** Call after the tables changed. */
  async refresh(): Promise<void> {
    if (!this.db) return;
    await refreshPreaggregates(this.db);
    this.extent = await dataExtent(this.db);
    this.version += 1;
  }
}
