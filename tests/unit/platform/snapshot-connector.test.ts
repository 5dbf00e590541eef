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
    const db = snapshotConnector(Promise.resolve(engine), snapshot);
    expect(rowsOf(await db.query('SELECT $1', ['2025-01-01']))).toEqual([{ n: 9 }]);
    expect(asked).toEqual(['SELECT $1']);
  });

  it('stops using the snapshot once the engine is ready, so loaded data is never shadowed', async () => {
    const { engine, asked } = fakeEngine(9);
    const ready = Promise.resolve(engine);
    const db = snapshotConnector(ready, snapshot);
    await ready;
    expect(rowsOf(await db.query('SELECT $1', ['2024-01-01']))).toEqual([{ n: 9 }]);
    expect(asked).toHaveLength(1);
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
