import { untrack } from 'svelte';
import type { Connector } from '../db/connector';
import type { ViewParts } from '../metrics/common/view-parts';
import { contentKey } from './content-key';
import type { QueryCoordinator, ViewQueries } from './coordinator';

/** A value as state of its own, so what reads it re-runs only when it is set. */
class Box<T> {
  value = $state.raw<T>(undefined as T);
  key = '';
}

/**
 * A view's parts on the coordinator, as Svelte state: each part's rows, and each field of the state
 * they were computed for, is a signal of its own, set only when it changes by content. What reads
 * one part (a chart) re-runs when that part changes and at no other time.
 */
export class CoordinatedView<S extends object, Data> {
  readonly #rows = new Map<keyof Data, Box<unknown>>();
  readonly #shown = new Map<keyof S, Box<unknown>>();
  // New parts or fields appear after a first read: this lets that read follow them.
  #added = $state(0);
  /** True once every part asked so far has rows. */
  ready = $state(false);
  /** The parts still computing after the coordinator's delay (for aria-busy and the visible cue). */
  busy = $state.raw<ReadonlySet<keyof Data>>(new Set());
  error = $state<string | null>(null);
  readonly #queries: ViewQueries<S, Data>;

  constructor(coordinator: QueryCoordinator, declare: (db: Connector, state: S) => ViewParts<Data>) {
    this.#queries = coordinator.view(declare, {
      settled: (changed, state) => {
        for (const [name, rows] of Object.entries(changed) as [keyof Data, unknown][]) this.#set(this.#rows, name, rows, null);
        for (const [field, value] of Object.entries(state) as [keyof S, unknown][]) this.#set(this.#shown, field, value, contentKey(value));
        this.error = null;
        this.ready = true;
      },
      failed: (message) => (this.error = message),
      busy: (parts) => (this.busy = parts),
    });
  }

  /** A part's rows, once it has any. */
  rows<K extends keyof Data>(name: K): Data[K] | undefined {
    void this.#added;
    return this.#rows.get(name)?.value as Data[K] | undefined;
  }

  /** A field of the state the rows on show were computed for (not of the state last asked). */
  shown<K extends keyof S>(field: K): S[K] | undefined {
    void this.#added;
    return this.#shown.get(field)?.value as S[K] | undefined;
  }

  /** Whether any of these parts is still computing after the delay. */
  isBusy(...names: (keyof Data)[]): boolean {
    return names.some((name) => this.busy.has(name));
  }

  /**
   * Asks for the parts of this state; only those whose inputs changed run. What the caller read to
   * build the state is what it follows; the asking itself follows nothing.
   */
  request(state: S): void {
    untrack(() => void this.#queries.request(state));
  }

  /** Asks the parts of a state likely to come next, in the background (see ViewQueries.prefetch). */
  prefetch(state: S): void {
    untrack(() => void this.#queries.prefetch(state));
  }

  dispose(): void {
    this.#queries.dispose();
  }

  #set<K>(boxes: Map<K, Box<unknown>>, name: K, value: unknown, key: string | null): void {
    let box = boxes.get(name);
    if (!box) {
      box = new Box();
      boxes.set(name, box);
      this.#added += 1;
    } else if (key !== null && box.key === key) return;
    box.value = value;
    if (key !== null) box.key = key;
  }
}
