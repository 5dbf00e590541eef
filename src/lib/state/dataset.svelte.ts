import type { Connector } from '../db/connector';
import { dataExtent, type DataExtent } from '../metrics/data-extent.sql';
import { isIllustrative, sourceLine } from '../charts/source-line';

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

  async attach(db: Connector): Promise<void> {
    this.extent = await dataExtent(db);
    this.db = db;
  }

  /** Call after the tables changed. */
  async refresh(): Promise<void> {
    if (!this.db) return;
    this.extent = await dataExtent(this.db);
    this.version += 1;
  }
}
