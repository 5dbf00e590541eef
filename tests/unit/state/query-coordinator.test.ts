import { describe, expect, it } from 'vitest';
import { tableFromArrays, type Table } from 'apache-arrow';
import type { Connector, SqlParam } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import type { ViewParts } from '../../../src/lib/metrics/common/view-parts';
import { QueryCoordinator } from '../../../src/lib/query/coordinator';
import { QueryQueue, StaleRequest } from '../../../src/lib/query/query-queue';

/**
 * An engine whose answers the test releases one by one, as a slow DuckDB would give them: each
 * question waits until `answerNext` (or `answerAll`). It answers `SELECT <n>` with one row of n.
 */
function heldEngine() {
  const asked: { sql: string; params: readonly SqlParam[]; release: () => void }[] = [];
  /** Every question that reached the engine, answered or not. */
  const log: string[] = [];
  const engine: Connector = {
    query: (sql, params = []) =>
      new Promise<Table>((resolve) => {
        log.push(sql);
        asked.push({ sql, params, release: () => resolve(tableFromArrays({ n: Int32Array.of(Number(params[0] ?? 0)) })) });
      }),
    queryReadOnly: () => Promise.reject(new Error('the coordinator never asks user SQL')),
    registerFile: async () => undefined,
    dropFile: async () => undefined,
    insertArrowStream: async () => undefined,
  };
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    engine,
    asked,
    log,
    async answerNext() {
      await flush();
      asked.shift()!.release();
      await flush();
    },
    async answerAll() {
      for (let i = 0; i < 100 && asked.length > 0; i++) await this.answerNext();
    },
  };
}

interface State { asOf: number; region: string | null; sort: string }
interface Parts { headline: number; forces: number; overdue: number }
/** Three parts of a made-up national view: the forces chart ignores the region, the list reads the sort. */
const declare = (db: Connector, s: State): ViewParts<Parts> => {
  const one = async (sql: string, n: number) => rowsOf<{ n: number }>(await db.query(sql, [n]))[0]!.n;
  return {
    headline: { inputs: JSON.stringify([s.asOf, s.region]), run: () => one('SELECT $1 AS n -- headline', s.asOf + (s.region ? 1000 : 0)) },
    forces: { inputs: JSON.stringify([s.asOf]), run: () => one('SELECT $1 AS n -- forces', s.asOf) },
    overdue: { inputs: JSON.stringify([s.asOf, s.region, s.sort]), run: () => one(`SELECT $1 AS n -- overdue ${s.sort}`, s.asOf) },
  };
};

function watch() {
  const settled: { changed: Partial<Parts>; state: State }[] = [];
  const busy: string[][] = [];
  const failures: string[] = [];
  return {
    settled, busy, failures,
    listener: {
      settled: (changed: Partial<Parts>, state: State) => settled.push({ changed, state }),
      busy: (parts: ReadonlySet<keyof Parts>) => busy.push([...parts].sort()),
      failed: (message: string) => failures.push(message),
    },
  };
}

const base: State = { asOf: 10, region: null, sort: 'days' };

describe('the query coordinator', () => {
  it('asks a first request as one batch and hands over every part together', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const done = coordinator.view(declare, seen.listener).request(base);
    await held.answerAll();
    await done;
    expect(seen.settled).toEqual([{ changed: { headline: 10, forces: 10, overdue: 10 }, state: base }]);
  });

  it('asks only the parts whose inputs changed, and hands over only rows that changed', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    let done = view.request(base);
    await held.answerAll();
    await done;

    // Sorting the list asks the list alone, and the list's rows are the same: nothing changes.
    done = view.request({ ...base, sort: 'force' });
    await new Promise((r) => setTimeout(r, 0));
    expect(held.asked.map((q) => q.sql)).toEqual(['SELECT $1 AS n -- overdue force']);
    await held.answerAll();
    await done;
    expect(seen.settled.at(-1)).toEqual({ changed: {}, state: { ...base, sort: 'force' } });

    // A region changes the headline and the list (whose SQL is the same, so the cache answers); the
    // forces chart keeps its rows and is not asked.
    held.log.length = 0;
    done = view.request({ ...base, sort: 'force', region: 'North' });
    await held.answerAll();
    await done;
    expect(held.log).toEqual(['SELECT $1 AS n -- headline']);
    expect(seen.settled.at(-1)!.changed).toEqual({ headline: 1010 });
  });

  it('answers from its cache by SQL, parameters and data version', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    for (const asOf of [10, 20]) {
      const done = view.request({ ...base, asOf });
      await held.answerAll();
      await done;
    }
    // Back to the first date: every answer is known, so the engine is asked nothing.
    held.log.length = 0;
    await view.request(base);
    expect(held.log).toHaveLength(0);
    expect(seen.settled.at(-1)!.changed).toEqual({ headline: 10, forces: 10, overdue: 10 });

    // New data (a load): the same SQL is asked again, and rows that came out the same are not handed over.
    held.log.length = 0;
    coordinator.connect(held.engine, 2);
    await held.answerAll();
    await new Promise((r) => setTimeout(r, 0));
    expect(held.log).toHaveLength(3);
    expect(seen.settled.at(-1)).toEqual({ changed: {}, state: base });
  });

  it('drops the questions of a request a newer one replaced, before they reach the engine', async () => {
    const held = heldEngine();
    // One question at a time to the engine, so the others wait where they can be dropped.
    const coordinator = new QueryCoordinator(60_000, 1);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    const first = view.request(base);
    await new Promise((r) => setTimeout(r, 0));
    // The engine takes one question at a time: the headline is on its way, the others wait.
    expect(held.asked).toHaveLength(1);
    const second = view.request({ ...base, asOf: 20 });
    await held.answerAll();
    await Promise.all([first, second]);
    // The first request's forces and list were never asked; its headline answer was not handed over.
    expect(held.log).toEqual(['SELECT $1 AS n -- headline', 'SELECT $1 AS n -- headline', 'SELECT $1 AS n -- forces', 'SELECT $1 AS n -- overdue days']);
    expect(seen.settled).toEqual([{ changed: { headline: 20, forces: 20, overdue: 20 }, state: { ...base, asOf: 20 } }]);
    expect(seen.failures).toEqual([]);
  });

  it('asks a question two views share once', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const a = watch();
    const b = watch();
    const both = Promise.all([coordinator.view(declare, a.listener).request(base), coordinator.view(declare, b.listener).request(base)]);
    await held.answerAll();
    await both;
    expect(held.log).toHaveLength(3);
    expect(b.settled[0]!.changed).toEqual(a.settled[0]!.changed);
  });

  it('says which parts are updating once they take longer than the delay, and when they are done', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(5);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const done = coordinator.view(declare, seen.listener).request(base);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen.busy).toEqual([['forces', 'headline', 'overdue']]);
    await held.answerAll();
    await done;
    expect(seen.busy.at(-1)).toEqual([]);
  });

  it('reports a failed query and asks it again on the next request', async () => {
    let fail = true;
    const coordinator = new QueryCoordinator(60_000);
    const engine: Connector = {
      query: async (_sql, params = []) => {
        if (fail) throw new Error('Binder Error: no such table');
        return tableFromArrays({ n: Int32Array.of(Number(params[0])) });
      },
      queryReadOnly: () => Promise.reject(new Error('the coordinator never asks user SQL')),
      registerFile: async () => undefined, dropFile: async () => undefined, insertArrowStream: async () => undefined,
    };
    coordinator.connect(engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    await view.request(base);
    expect(seen.failures).toEqual(['Binder Error: no such table']);
    fail = false;
    await view.request(base);
    expect(seen.settled.at(-1)!.changed).toEqual({ headline: 10, forces: 10, overdue: 10 });
  });
  it('is idle only once every view has its answers, and asks again when the pre-aggregates are built', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1, false);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    const done = view.request(base);
    let idle = false;
    void coordinator.idle().then(() => (idle = true));
    await held.answerNext();
    await held.answerNext();
    expect(idle).toBe(false); // one part still waits
    await held.answerAll();
    await done;
    expect(idle).toBe(true);

    // Built: every part is asked again (its SQL may differ), and the same rows change nothing.
    held.log.length = 0;
    coordinator.connect(held.engine, 1, true);
    await coordinator.idle();
    expect(held.log).toHaveLength(0); // the same SQL and data version: the cache answers
    expect(seen.settled.at(-1)).toEqual({ changed: {}, state: base });
  });
});

describe('asking ahead of need', () => {
  it('runs a state\'s parts one at a time in the background, hands the view nothing, and the request that follows finds them cached', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    const prefetched = view.prefetch(base);
    await new Promise((r) => setTimeout(r, 0));
    expect(held.asked).toHaveLength(1); // one question with the engine at a time
    await held.answerAll();
    await prefetched;
    expect(held.log).toHaveLength(3);
    expect(seen.settled).toEqual([]);

    held.log.length = 0;
    await view.request(base);
    expect(held.log).toHaveLength(0);
    expect(seen.settled).toEqual([{ changed: { headline: 10, forces: 10, overdue: 10 }, state: base }]);
  });

  it('gives way once a view asks: its questions not yet sent are dropped, and the view\'s go first', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const seen = watch();
    const view = coordinator.view(declare, seen.listener);
    const prefetched = view.prefetch({ ...base, asOf: 99 });
    await new Promise((r) => setTimeout(r, 0));
    expect(held.asked.map((q) => q.params[0])).toEqual([99]); // the prefetch's first question

    // The user chooses meanwhile: their three questions are sent; the prefetch asks nothing more.
    const done = view.request(base);
    await held.answerAll();
    await Promise.all([done, prefetched]);
    expect(held.log).toEqual(['SELECT $1 AS n -- headline', 'SELECT $1 AS n -- headline', 'SELECT $1 AS n -- forces', 'SELECT $1 AS n -- overdue days']);
    expect(seen.settled).toEqual([{ changed: { headline: 10, forces: 10, overdue: 10 }, state: base }]);
  });

  it('waits for the views\' own answers before it starts, and asks nothing if its view was asked meanwhile', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const view = coordinator.view(declare, watch().listener);
    const other = coordinator.view(declare, watch().listener);
    const otherDone = other.request({ ...base, asOf: 5 });
    const prefetched = view.prefetch({ ...base, asOf: 99 });
    await new Promise((r) => setTimeout(r, 0));
    expect(held.asked.map((q) => q.params[0])).toEqual([5, 5, 5]); // the other view's questions only
    for (let i = 0; i < 3; i++) await held.answerNext();
    await otherDone;
    await new Promise((r) => setTimeout(r, 0));
    expect(held.asked.map((q) => q.params[0])).toEqual([99]); // then the prefetch's first
    await held.answerAll();
    await prefetched;

    // Asked ahead, then asked for something else before the engine was free: the prefetch asks nothing.
    held.log.length = 0;
    const busy = other.request({ ...base, asOf: 6 });
    const stale = view.prefetch({ ...base, asOf: 98 });
    const own = view.request({ ...base, asOf: 7 });
    await held.answerAll();
    await Promise.all([busy, stale, own]);
    expect(held.asked).toHaveLength(0);
    expect(held.log).toHaveLength(6); // three questions for 6, three for 7, none for 98
  });

  it('keeps only the latest of several: the state pointed at now, not the one before', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const view = coordinator.view(declare, watch().listener);
    const first = view.prefetch({ ...base, asOf: 97 });
    const second = view.prefetch({ ...base, asOf: 98 });
    await new Promise((r) => setTimeout(r, 0));
    await held.answerAll();
    await Promise.all([first, second]);
    expect(held.log).toHaveLength(3); // the second's three questions; the first asked none
    held.log.length = 0;
    await view.request({ ...base, asOf: 98 });
    expect(held.log).toHaveLength(0); // the latest one's answers are cached
  });

  it('asks nothing once the view is gone', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(held.engine, 1);
    const view = coordinator.view(declare, watch().listener);
    const prefetched = view.prefetch(base);
    view.dispose();
    await held.answerAll();
    await prefetched;
    expect(held.log.length).toBeLessThanOrEqual(1); // at most the question already sent
  });
});

describe('answers read from the pre-aggregates', () => {
  it('are asked again once the pre-aggregates are built anew, while other answers stay cached', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    // As after a restore of saved data: the first questions, with the fast SQL, read the shipped
    // data's pre-aggregates; then the views go to the plain SQL until the restored data's are built.
    coordinator.connect(held.engine, 1, true);
    const fast = (db: Connector, s: State): ViewParts<{ figures: number; markers: number }> => {
      const one = async (sql: string) => rowsOf<{ n: number }>(await db.query(sql, [s.asOf]))[0]!.n;
      return {
        figures: { inputs: String(s.asOf), run: () => one(db.preaggregated ? 'SELECT $1 AS n FROM preagg_force_month' : 'SELECT $1 AS n -- plain') },
        markers: { inputs: String(s.asOf), run: () => one('SELECT $1 AS n -- markers') },
      };
    };
    const view = coordinator.view(fast, { settled: () => undefined });
    let done = view.request(base);
    await held.answerAll();
    await done;
    coordinator.connect(held.engine, 1, false);
    await held.answerAll();
    await coordinator.idle();

    held.log.length = 0;
    coordinator.connect(held.engine, 1, true);
    await held.answerAll();
    await coordinator.idle();
    expect(held.log).toEqual(['SELECT $1 AS n FROM preagg_force_month']);

    // Within one build, the cache answers as before.
    held.log.length = 0;
    done = view.request({ ...base, asOf: 20 });
    await held.answerAll();
    await done;
    held.log.length = 0;
    await view.request(base);
    expect(held.log).toEqual([]);
  });
});

describe('a build in two stages', () => {
  it('asks the parts again once the per-force counts are built, then once everything is, each with the SQL it allows', async () => {
    const held = heldEngine();
    const coordinator = new QueryCoordinator(60_000);
    const staged = (db: Connector, s: State): ViewParts<{ figures: number; overdue: number }> => {
      const one = async (sql: string) => rowsOf<{ n: number }>(await db.query(sql, [s.asOf]))[0]!.n;
      const counts = db.preaggregated !== false || db.countsBuilt === true;
      return {
        figures: { inputs: String(s.asOf), run: () => one(counts ? 'SELECT $1 AS n FROM preagg_force_month' : 'SELECT $1 AS n -- plain figures') },
        overdue: { inputs: String(s.asOf), run: () => one(db.preaggregated !== false ? 'SELECT $1 AS n FROM preagg_overdue_states' : 'SELECT $1 AS n -- plain overdue') },
      };
    };
    coordinator.connect(held.engine, 1, false);
    const view = coordinator.view(staged, { settled: () => undefined });
    const done = view.request(base);
    await held.answerAll();
    await done;
    expect(held.log).toEqual(['SELECT $1 AS n -- plain figures', 'SELECT $1 AS n -- plain overdue']);

    held.log.length = 0;
    coordinator.connect(held.engine, 1, false, true);
    expect(coordinator.countsBuilt).toBe(true);
    await held.answerAll();
    await coordinator.idle();
    // The plain overdue SQL is answered from the cache; the figures read the counts.
    expect(held.log).toEqual(['SELECT $1 AS n FROM preagg_force_month']);

    held.log.length = 0;
    coordinator.connect(held.engine, 1, true);
    await held.answerAll();
    await coordinator.idle();
    // Everything built: the counts are asked again (built anew for all we know), the overdue list reads its table.
    expect(held.log.sort()).toEqual(['SELECT $1 AS n FROM preagg_force_month', 'SELECT $1 AS n FROM preagg_overdue_states']);
  });
});

describe('the query queue', () => {
  it('sends up to its slots at once, the most urgent next, and drops what nobody wants any more', async () => {
    const queue = new QueryQueue(2);
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    const job = (name: string) => () =>
      new Promise<string>((resolve) => {
        started.push(name);
        releases.set(name, () => resolve(name));
      });
    let laterWanted = true;
    const results = [
      queue.push(job('a')),
      queue.push(job('b')),
      queue.push(job('later'), { priority: 1, wanted: () => laterWanted }),
      queue.push(job('urgent'), { priority: 0 }),
    ].map((p) => p.then((v) => v, (e: unknown) => (e instanceof StaleRequest ? 'dropped' : 'failed')));
    expect(started).toEqual(['a', 'b']);
    laterWanted = false;
    releases.get('a')!();
    await new Promise((r) => setTimeout(r, 0));
    // The urgent one goes first; the other, no longer wanted, is dropped unasked.
    expect(started).toEqual(['a', 'b', 'urgent']);
    releases.get('b')!();
    releases.get('urgent')!();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'dropped', 'urgent']);
    expect(started).not.toContain('later');
  });

});
