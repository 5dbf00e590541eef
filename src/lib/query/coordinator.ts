import type { Connector, SqlParam } from '../db/connector';
import type { ViewParts } from '../metrics/common/view-parts';
import { sameContent } from './content-key';
import { cacheKey, QueryCache } from './query-cache';
import { QueryQueue, StaleRequest } from './query-queue';

/** How long a part may take before it says it is updating: quicker answers show no flicker. */
export const BUSY_AFTER_MS = 150;

/** The queue's order for questions asked ahead of need (see ViewQueries.prefetch): after every view's own. */
const PREFETCH_PRIORITY = 1;

/** What a view hears from the coordinator. */
export interface ViewListener<S, Data> {
  /**
   * Every part asked for `state` has its rows: `changed` holds only the parts whose rows differ
   * from what this view was last given, so a part that did not change is not drawn again.
   */
  settled(changed: Partial<Data>, state: S): void;
  /** A part's query failed (not dropped: failed). */
  failed?(message: string, state: S): void;
  /** The parts still waiting after BUSY_AFTER_MS; empty once they have all answered. */
  busy?(parts: ReadonlySet<keyof Data>): void;
}

/**
 * One home for every query the views run, in the spirit of Mosaic's coordinator: a view declares
 * its parts as queries of a plain state value; the coordinator asks only what changed, as one
 * batch, through one queue and one cache keyed by (SQL, parameters, data version), drops what a
 * newer request made stale, and hands each view only the rows that changed.
 */
export class QueryCoordinator {
  readonly cache = new QueryCache();
  readonly queue: QueryQueue;
  #db: Connector | null = null;
  #version = 0;
  #preaggregated = true;
  #countsBuilt = true;
  /**
   * Builds of the pre-aggregates finished since the page opened. An answer read from them holds
   * for that build only: after saved data is restored, questions asked before the restore (with
   * the fast SQL of the summary that drew the first view) were answered from the shipped data's
   * pre-aggregates, and once the restored data's were built the same question came back from the
   * cache with the shipped figures.
   */
  #builds = 0;
  readonly #views = new Set<ViewQueries<never, never>>();
  readonly #idleWaiters: (() => void)[] = [];
  /** Who waits for each question still on its way: it is dropped only when none of them does. */
  readonly #askers = new Map<string, (() => boolean)[]>();

  /**
   * `slots`: questions sent to the engine before earlier ones answer. The engine still answers one
   * at a time, but with a few sent it need not wait for the page between two (a round trip through
   * a busy main thread); the rest wait in the page, where a newer request can drop them.
   */
  constructor(readonly busyAfterMs = BUSY_AFTER_MS, slots = 3) {
    this.queue = new QueryQueue(slots);
  }

  get dataVersion(): number {
    return this.#version;
  }

  get connected(): boolean {
    return this.#db !== null;
  }

  /** Whether this data version's pre-aggregates are built: until they are, parts read the plain SQL. */
  get preaggregated(): boolean {
    return this.#preaggregated;
  }

  /** Whether, while they are not, the first stage of them (the per-force counts) is. */
  get countsBuilt(): boolean {
    return this.#countsBuilt;
  }

  /**
   * The engine, its data version and whether that version's pre-aggregates are built (and, until
   * they are, whether their per-force counts are). A new version asks every view's parts again; so
   * does each stage of the pre-aggregates once built, now with the fast queries it allows (the same
   * rows, so the views redraw nothing).
   */
  connect(db: Connector, version: number, preaggregated = true, countsBuilt = preaggregated): void {
    const counts = preaggregated || countsBuilt;
    if (db === this.#db && version === this.#version && preaggregated === this.#preaggregated && counts === this.#countsBuilt) return;
    if ((preaggregated && !this.#preaggregated) || (counts && !this.#countsBuilt)) this.#builds += 1;
    this.#db = db;
    this.#version = version;
    this.#preaggregated = preaggregated;
    this.#countsBuilt = counts;
    for (const view of this.#views) view.dataChanged();
  }

  /** A view's parts, declared as a function of its state; see ViewQueries.request. */
  view<S, Data>(declare: (db: Connector, state: S) => ViewParts<Data>, listener: ViewListener<S, Data>): ViewQueries<S, Data> {
    const view = new ViewQueries(this, declare, listener);
    this.#views.add(view as unknown as ViewQueries<never, never>);
    return view;
  }

  /** @internal */
  forget(view: ViewQueries<never, never>): void {
    this.#views.delete(view);
    this.checkIdle();
  }

  /**
   * Resolves once no view waits for an answer: a background task (the pre-aggregates' build) waits
   * for this before it takes the engine, so the views' first answers on new data come first.
   */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.checkIdle();
    });
  }

  /** Whether any view waits for an answer. */
  get waiting(): boolean {
    for (const view of this.#views) if (view.waiting) return true;
    return false;
  }

  /** @internal */
  checkIdle(): void {
    if (this.waiting) return;
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  /**
   * A connector for one batch: its questions go through the cache and the queue (in `priority`
   * order, lower first), and are dropped unasked once `wanted` says no one waits for them.
   */
  connectorFor(wanted: () => boolean, priority = 0): Connector {
    const db = this.#db;
    if (!db) throw new Error('the engine is not connected');
    const version = this.#version;
    const builds = this.#builds;
    return {
      preaggregated: this.#preaggregated,
      countsBuilt: this.#countsBuilt,
      preaggregatedScope: db.preaggregatedScope,
      query: (sql: string, params: readonly SqlParam[] = []) => {
        const key = cacheKey(sql, params, version, builds);
        const askers = this.#askers.get(key);
        if (askers) askers.push(wanted);
        return this.cache.answer(key, () => {
          const waiting = [wanted];
          this.#askers.set(key, waiting);
          const asked = this.queue.push(() => db.query(sql, params), { priority, wanted: () => waiting.some((w) => w()) });
          const done = () => {
            if (this.#askers.get(key) === waiting) this.#askers.delete(key);
          };
          asked.then(done, done);
          return asked;
        });
      },
      // User-written SQL (console, notebooks) goes straight to the engine's sandbox: never cached.
      queryReadOnly: (sql: string, params: readonly SqlParam[] = []) => db.queryReadOnly(sql, params),
      registerFile: (name, bytes) => db.registerFile(name, bytes),
      dropFile: (name) => db.dropFile(name),
      insertArrowStream: (table, ipc) => db.insertArrowStream(table, ipc),
    };
  }
}

/** One view's parts on the coordinator: what it last asked, what it was last given. */
export class ViewQueries<S, Data> {
  #state: S | null = null;
  /** Each part's key (data version and inputs) as last asked. */
  #asked: Partial<Record<keyof Data, string>> = {};
  /** Each part's rows as last handed to the view (compared by content, see sameContent). */
  readonly #given = new Map<keyof Data, unknown>();
  /** Rows that changed but wait for the rest of their state's parts. */
  #changed: Partial<Data> = {};
  readonly #inFlight = new Map<keyof Data, string>();
  #busyShown = false;
  #busyTimer: ReturnType<typeof setTimeout> | null = null;
  #disposed = false;
  /** Requests made so far: a prefetch made before the latest one is no longer wanted. */
  #requests = 0;
  /** Prefetches made so far: only the latest is still wanted (the tile pointed at now, not the one before). */
  #prefetches = 0;

  /** Whether any part asked is still without its answer. */
  get waiting(): boolean {
    return this.#inFlight.size > 0;
  }

  constructor(
    private readonly coordinator: QueryCoordinator,
    private readonly declare: (db: Connector, state: S) => ViewParts<Data>,
    private readonly listener: ViewListener<S, Data>,
  ) {}

  /**
   * Asks for the parts of `state` whose inputs changed since the last request, together. Resolves
   * once this request has settled or been replaced by a newer one.
   */
  async request(state: S): Promise<void> {
    this.#state = state;
    this.#requests += 1;
    if (this.#disposed || !this.coordinator.connected) return;
    // Built pre-aggregates change the queries, not the data: asked again, under keys of their own.
    const version = `${this.coordinator.dataVersion}${this.coordinator.preaggregated ? '' : this.coordinator.countsBuilt ? ' counts' : ' plain'}`;
    let mine: { name: keyof Data; key: string }[] = [];
    // A question of this batch is dropped once none of its parts is still asked for.
    const wanted = () => !this.#disposed && mine.some(({ name, key }) => this.#asked[name] === key);
    const parts = this.declare(this.coordinator.connectorFor(wanted), state);
    const names = Object.keys(parts) as (keyof Data)[];
    mine = names
      .map((name) => ({ name, key: `${version}\u0000${parts[name].inputs}` }))
      .filter(({ name, key }) => this.#asked[name] !== key);
    for (const { name, key } of mine) {
      this.#asked[name] = key;
      this.#inFlight.set(name, key);
    }
    if (mine.length === 0) {
      if (this.#inFlight.size === 0) this.#settle();
      return;
    }
    this.#watchBusy();
    const answers = await Promise.allSettled(mine.map(({ name }) => parts[name].run()));
    if (this.#disposed) return;
    let failure: unknown = null;
    mine.forEach(({ name, key }, i) => {
      if (this.#inFlight.get(name) === key) this.#inFlight.delete(name);
      // A newer request asked this part something else: its answer is no longer wanted.
      if (this.#asked[name] !== key) return;
      const answer = answers[i]!;
      if (answer.status === 'rejected') {
        if (!(answer.reason instanceof StaleRequest)) failure = answer.reason;
        delete this.#asked[name]; // asked again next time rather than kept as failed
        return;
      }
      if (!this.#given.has(name) || !sameContent(answer.value, this.#given.get(name))) {
        this.#given.set(name, answer.value);
        this.#changed[name] = answer.value as Data[keyof Data];
      }
    });
    if (failure !== null) this.listener.failed?.(failure instanceof Error ? failure.message : String(failure), this.#state);
    if (this.#inFlight.size === 0) this.#settle();
    else this.#reportBusy();
    this.coordinator.checkIdle();
  }

  /**
   * Asks, in the background, the parts of a state this view is likely to be asked next (the force
   * view before a force is chosen: the first force; the national view: the force or region pointed
   * at), so that the engine has run their statements once (DuckDB-wasm runs a statement's code cold
   * the first time) and the cache holds the answers, those of the choice and those that do not
   * depend on it. It starts once every view has its answers, one part at a
   * time, and stops once any view waits for one, this view was asked anything since, or a newer
   * prefetch replaced it: a request never waits behind more than the one question already with
   * the engine. Nothing is handed to the view; a dropped or failed answer is no one's concern, as
   * the view asks for itself.
   */
  async prefetch(state: S): Promise<void> {
    const requests = this.#requests;
    const prefetch = ++this.#prefetches;
    const stillWanted = () =>
      !this.#disposed && this.#requests === requests && this.#prefetches === prefetch && this.coordinator.connected;
    await this.coordinator.idle();
    if (!stillWanted()) return;
    const wanted = () => stillWanted() && !this.coordinator.waiting;
    const parts = this.declare(this.coordinator.connectorFor(wanted, PREFETCH_PRIORITY), state);
    for (const name of Object.keys(parts) as (keyof Data)[]) {
      if (!wanted()) return;
      try {
        await parts[name].run();
      } catch {
        return;
      }
    }
  }

  /** The data changed: every part is asked again, and only those whose rows differ are handed on. */
  dataChanged(): void {
    this.#asked = {};
    if (this.#state !== null) void this.request(this.#state);
  }

  dispose(): void {
    this.#disposed = true;
    if (this.#busyTimer) clearTimeout(this.#busyTimer);
    this.coordinator.forget(this as unknown as ViewQueries<never, never>);
  }

  #settle(): void {
    const changed = this.#changed;
    this.#changed = {};
    if (this.#busyTimer) clearTimeout(this.#busyTimer);
    this.#busyTimer = null;
    this.#reportBusy();
    this.listener.settled(changed, this.#state as S);
  }

  #watchBusy(): void {
    if (this.#busyShown) return this.#reportBusy();
    if (this.#busyTimer) return;
    this.#busyTimer = setTimeout(() => {
      this.#busyTimer = null;
      this.#busyShown = true;
      this.#reportBusy();
    }, this.coordinator.busyAfterMs);
  }

  #reportBusy(): void {
    if (!this.#busyShown) return;
    const parts = new Set(this.#inFlight.keys());
    if (parts.size === 0) this.#busyShown = false;
    this.listener.busy?.(parts);
  }
}
