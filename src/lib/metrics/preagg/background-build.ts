import type { Connector } from '../../db/connector';
import { COUNT_STAGE, PAIR_STAGE } from './refresh-preaggregates';
import { setPreaggregateScope } from './build-force-month';

/**
 * Builds the pre-aggregates after a change, one statement at a time and, in the browser, each in
 * slices on a connection of its own (Connector.runInBackground), so the views' queries are answered
 * between them instead of waiting for the whole build. Starting a build cancels the unfinished one:
 * its data is gone.
 */
export class BackgroundBuild {
  #controller: AbortController | null = null;

  /**
   * True once built; false when a newer build (or cancel) stopped it. Rejects when a statement
   * failed. `scope`: the inspections to keep monthly counts for besides every one (BUILD_SCOPE).
   * `onCountsBuilt`: called once the per-force counts are built (COUNT_STAGE), before the per-pair
   * tables, so the queries that read only those can switch to them.
   */
  async run(db: Connector, scope: readonly string[] = [], onCountsBuilt: () => void = () => {}): Promise<boolean> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    const { signal } = controller;
    try {
      await setPreaggregateScope(db, scope);
      for (const stage of [COUNT_STAGE, PAIR_STAGE]) {
        for (const sql of stage) {
          if (signal.aborted) return false;
          if (db.runInBackground) await db.runInBackground(sql, signal);
          else await db.query(sql);
        }
        if (stage === COUNT_STAGE && !signal.aborted) onCountsBuilt();
      }
    } catch (cause) {
      if (signal.aborted) return false;
      throw cause;
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
    return !signal.aborted;
  }

  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
  }
}
