import type { Table } from 'apache-arrow';
import type { SqlParam } from '../db/connector';
import { contentKey } from './content-key';

/**
 * What identifies an answer: the same SQL with the same parameters over the same data, and for SQL
 * that reads the pre-aggregates, the same build of them (`build`: see QueryCoordinator.connect).
 */
export const cacheKey = (sql: string, params: readonly SqlParam[], dataVersion: number, build = 0): string =>
  `${dataVersion}\u0000${readsPreaggregates(sql) ? build : 0}\u0000${sql}\u0000${contentKey(params)}`;

/** The tables a build of the pre-aggregates writes (preagg/build-preaggregates.ts). */
const readsPreaggregates = (sql: string): boolean => /\b(preagg_\w+|status_runs)\b/.test(sql);

/**
 * Answers by (SQL, parameters, data version), newest kept: going back to an earlier date or filter
 * asks the engine nothing. A question already on its way is shared, not asked twice; a failed
 * answer is forgotten so that asking again tries again.
 */
export class QueryCache {
  readonly #answers = new Map<string, Promise<Table>>();

  constructor(readonly capacity = 500) {}

  get size(): number {
    return this.#answers.size;
  }

  answer(key: string, ask: () => Promise<Table>): Promise<Table> {
    const known = this.#answers.get(key);
    if (known) {
      // Most recently used goes last, so the oldest is the first to go.
      this.#answers.delete(key);
      this.#answers.set(key, known);
      return known;
    }
    const asked = ask();
    this.#answers.set(key, asked);
    asked.catch(() => {
      if (this.#answers.get(key) === asked) this.#answers.delete(key);
    });
    while (this.#answers.size > this.capacity) this.#answers.delete(this.#answers.keys().next().value!);
    return asked;
  }

  clear(): void {
    this.#answers.clear();
  }
}
