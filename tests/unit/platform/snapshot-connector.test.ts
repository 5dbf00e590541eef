import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Connector } from '../../../src/lib/db/connector';
import { snapshotConnector } from '../../../src/lib/db/snapshot-connector';
import { decodeBase64, encodeBase64 } from '../../../src/lib/db/snapshot';
import { rowsOf } from '../../../src/lib/metrics/common/rows';

const recorded = (value: number) =>
  Buffer.from(tableToIPC(tableFromArrays({ n: Int32Array.from([value]) }), 'stream')).toString('base64');

function fakeEngine(answer: number): { engine: Connector; asked: string[] } {
  const asked: string[] = [];
  const engine: Connector = {
    async query(sql) {
      asked.push(sql);
      return tableFromArrays({ n: Int32Array.from([answer]) });
    },
    async queryReadOnly(sql) {
      asked.push(sql);
      return tableFromArrays({ n: Int32Array.from([answer]) });
    },
    async registerFile() {},
    async dropFile() {},
    async insertArrowStream() {},
  };
  return { engine, asked };
}

describe('snapshot connector', () => {
  const snapshot = { dataKey: 'k', entries: [{ sql: 'SELECT $1', params: ['2024-01-01'], ipc: recorded(7) }] };

  it('answers a recorded query before the engine is ready', async () => {
    const db = snapshotConnector(new Promise<Connector>(() => {}), snapshot);
    expect(rowsOf(await db.query('SELECT $1', ['2024-01-01']))).toEqual([{ n: 7 }]);
  });

  it('sends other parameters to the engine', async () => {
    const { engine, asked } = fakeEngine(9);
    const db = snapshotConnector(Promise.resolve(engine), snapshot, { warmUp: false });
    expect(rowsOf(await db.query('SELECT $1', ['2025-01-01']))).toEqual([{ n: 9 }]);
    expect(asked).toEqual(['SELECT $1']);
  });

  it('stops using the snapshot once the engine is ready, so loaded data is never shadowed', async () => {
    const { engine, asked } = fakeEngine(9);
    const ready = Promise.resolve(engine);
    const db = snapshotConnector(ready, snapshot, { warmUp: false });
    await ready;
    expect(rowsOf(await db.query('SELECT $1', ['2024-01-01']))).toEqual([{ n: 9 }]);
    expect(asked).toHaveLength(1);
  });

  it('asks the engine the recorded questions once, one at a time, as it takes over; a failure stops it quietly', async () => {
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    const engine: Connector = {
      ...fakeEngine(0).engine,
      async query(sql, params = []) {
        inFlight += 1;
        most = Math.max(most, inFlight);
        asked.push(`${sql} ${JSON.stringify(params)}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        if (sql === 'FAIL') throw new Error('no such table');
        return tableFromArrays({ n: Int32Array.from([1]) });
      },
    };
    const entries = [
      { sql: 'SELECT $1', params: ['2024-01-01'], ipc: recorded(7) },
      { sql: 'SELECT 2', params: [], ipc: recorded(2) },
      { sql: 'FAIL', params: [], ipc: recorded(0) },
      { sql: 'SELECT 3', params: [], ipc: recorded(3) },
    ];
    snapshotConnector(Promise.resolve(engine), { dataKey: 'k', entries });
    await expect.poll(() => asked.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual(['SELECT $1 ["2024-01-01"]', 'SELECT 2 []', 'FAIL []']);
    expect(most).toBe(1);
    // The page's first call after the takeover stops it: nothing of it is sent after that call.
    const busy = fakeEngine(0);
    const ready = Promise.resolve(busy.engine);
    const db = snapshotConnector(ready, { dataKey: 'k', entries: entries.filter((e) => e.sql !== 'FAIL') });
    await ready;
    await db.query('BEGIN TRANSACTION');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(busy.asked).toEqual(['SELECT $1', 'BEGIN TRANSACTION']);
    // Off (a published dataset's engine reads over the network), nothing is asked.
    const quiet = fakeEngine(0);
    snapshotConnector(Promise.resolve(quiet.engine), { dataKey: 'k', entries }, { warmUp: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(quiet.asked).toEqual([]);
  });
});

describe('snapshot base64', () => {
  // Larger than one slice of the encoder, so the slices are joined.
  it('encodes as Node does and decodes to the same bytes', () => {
    const bytes = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) % 256);
    const text = encodeBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(decodeBase64(text)).toEqual(bytes);
  });
});
