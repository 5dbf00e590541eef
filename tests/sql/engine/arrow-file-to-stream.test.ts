import { describe, expect, it } from 'vitest';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { arrowFileToStream } from '../../../src/lib/db/arrow-file-to-stream';
import { rowsOf } from '../../../src/lib/metrics/common/rows';

describe('a result as the engine encodes it (what the save writes)', () => {
  it('is a whole IPC stream that loads back into the same rows', async () => {
    const db = await openNodeConnector();
    await db.query("CREATE TABLE kept AS SELECT range::INTEGER AS seq, 'note ' || range AS note, DATE '2024-07-31' + range::INTEGER AS as_of FROM range(300000)");
    const stream = await db.queryArrowStream!('SELECT * FROM kept');
    // It ends with the end-of-stream marker, which loading waits for.
    expect([...stream.subarray(-8)]).toEqual([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);
    await db.insertArrowStream('loaded_back', stream);
    const [same] = rowsOf<{ n: number; differ: number }>(await db.query(
      'SELECT (SELECT count(*) FROM loaded_back)::INTEGER AS n, (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM loaded_back))::INTEGER AS differ'));
    expect(same).toEqual({ n: 300000, differ: 0 });
  }, 120_000);

  it('refuses bytes that are not an Arrow IPC file, rather than loading nothing', () => {
    expect(() => arrowFileToStream(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0]))).toThrow('not an Arrow IPC file');
    expect(() => arrowFileToStream(new Uint8Array([0x41, 0x52]))).toThrow('not an Arrow IPC file');
  });
});
