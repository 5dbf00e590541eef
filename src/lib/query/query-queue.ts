/** A request dropped before it reached the engine because nothing waits for its answer any more. */
export class StaleRequest extends Error {
  constructor() {
    super('dropped: a newer request replaced it');
    this.name = 'StaleRequest';
  }
}

interface Waiting {
  priority: number;
  order: number;
  wanted: () => boolean;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (cause: unknown) => void;
}

/**
 * The engine answers one query at a time, so questions wait here rather than in the engine's
 * worker, where they could no longer be dropped: when a slot frees, the most urgent question
 * still wanted goes next (lower priority number first, then first come); those nobody wants any
 * more are dropped unasked.
 */
export class QueryQueue {
  readonly #waiting: Waiting[] = [];
  #running = 0;
  #order = 0;

  constructor(readonly slots = 1) {}

  get pending(): number {
    return this.#waiting.length;
  }

  push<T>(run: () => Promise<T>, { priority = 0, wanted = () => true }: { priority?: number; wanted?: () => boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ priority, order: this.#order++, wanted, run, resolve: resolve as (v: unknown) => void, reject });
      this.#next();
    });
  }

  #next(): void {
    while (this.#running < this.slots && this.#waiting.length > 0) {
      let best = 0;
      for (let i = 1; i < this.#waiting.length; i++) {
        const a = this.#waiting[i]!;
        const b = this.#waiting[best]!;
        if (a.priority < b.priority || (a.priority === b.priority && a.order < b.order)) best = i;
      }
      const item = this.#waiting.splice(best, 1)[0]!;
      if (!item.wanted()) {
        item.reject(new StaleRequest());
        continue;
      }
      this.#running += 1;
      item.run().then(item.resolve, item.reject).finally(() => {
        this.#running -= 1;
        this.#next();
      });
    }
  }
}
