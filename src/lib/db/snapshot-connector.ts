import { tableFromIPC, tableToIPC, type Table } from 'apache-arrow';
import type { Connector, SqlParam } from './connector';
import { decodeBase64, snapshotKey, type Snapshot } from './snapshot';

/**
 * Answers from a snapshot until the engine is ready, then from the engine only. The snapshot holds
 * the exact results the engine will give for the data it is about to hold (the shipped data, or the
 * user's saved data once restored), so the view does not jump when the engine takes over.
 * A query the snapshot lacks waits for the engine.
 */
export function snapshotConnector(
  engine: Promise<Connector>, snapshot: Snapshot | null, { warmUp = true }: { warmUp?: boolean } = {},
): Connector {
  const recorded = new Map<string, string>();
  for (const entry of snapshot?.entries ?? []) recorded.set(snapshotKey(entry.sql, entry.params), entry.ipc);
  let ready: Connector | null = null;
  // Every call from the page counts: the warm-up below stops at the first one after the takeover.
  let asked = 0;
  void engine.then((connector) => {
    ready = connector;
    recorded.clear();
    const before = asked;
    if (warmUp) void askOnce(connector, snapshot?.entries ?? [], () => asked === before);
  }, () => undefined);
  const engineFor = () => {
    asked += 1;
    return engine;
  };

  return {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      asked += 1;
      if (ready) return ready.query(sql, params);
      const ipc = recorded.get(snapshotKey(sql, params));
      if (ipc !== undefined) return tableFromIPC(decodeBase64(ipc));
      return (await engine).query(sql, params);
    },
    queryReadOnly: async (sql, params) => (await engineFor()).queryReadOnly(sql, params),
    registerFile: async (name, bytes) => (await engineFor()).registerFile(name, bytes),
    dropFile: async (name) => (await engineFor()).dropFile(name),
    insertArrowStream: async (table, ipcStream) => (await engineFor()).insertArrowStream(table, ipcStream),
    runInBackground: async (sql, signal) => {
      const ready = await engineFor();
      if (ready.runInBackground) await ready.runInBackground(sql, signal);
      else await ready.query(sql);
    },
    queryArrowStream: async (sql) => {
      const ready = await engineFor();
      return ready.queryArrowStream ? ready.queryArrowStream(sql) : tableToIPC(await ready.query(sql), 'stream');
    },
  };
}

/**
 * Asks the engine the first view's questions once, one after another, as soon as it takes over,
 * and drops the answers. DuckDB-wasm runs a statement's code cold the first time: in a trace of the
 * demo page the first as-of change took 950 ms, the next ones 250–400 ms, the engine's part three
 * times as long. Asked now, while the user reads the first view, the user's first change is as quick
 * as the later ones. It stops for good at the page's first call after the takeover (`quiet` false):
 * a question of the user's waits behind one of these at most, and none is ever sent into a load's
 * or an undo's transaction, where a failing one would abort it. A failure stops it quietly too.
 */
async function askOnce(engine: Connector, questions: Snapshot['entries'], quiet: () => boolean): Promise<void> {
  for (const { sql, params } of questions) {
    if (!quiet()) return;
    try {
      await engine.query(sql, params);
    } catch {
      return;
    }
  }
}
