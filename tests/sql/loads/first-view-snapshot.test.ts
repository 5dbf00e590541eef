import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import type { Connector } from '../../../src/lib/db/connector';
import { nodeTableToIpc } from '../../../src/lib/db/node-table-ipc';
import { decodeBase64 } from '../../../src/lib/db/snapshot';
import { snapshotConnector } from '../../../src/lib/db/snapshot-connector';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { loadNationalView } from '../../../src/lib/metrics/national/national-view';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { recordFirstView } from '../../../src/lib/state/engine/first-view-snapshot';
import { openDemoData } from '../support/demo-data';
import { openFixture } from '../support/fixture';

// An engine that never starts: every answer must come from the recording.
const noEngine = () => Promise.reject<Connector>(new Error('asked the engine: the recording lacks this query'));

/** The same data as plain JSON, so results from either copy of Arrow compare equal. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? String(v) : v)));

async function expectRecordingToAnswerTheFirstView(db: Connector): Promise<void> {
  const { snapshot, lastUpdate } = await recordFirstView(db, nodeTableToIpc, 'key');
  const extent = await dataExtent(db);
  expect(lastUpdate).toBe(extent.lastUpdate);
  expect(snapshot.dataKey).toBe('key');

  // Each recorded answer is the live answer to the same SQL and parameters.
  for (const entry of snapshot.entries) {
    const recorded = rowsOf(tableFromIPC(decodeBase64(entry.ipc)));
    expect(plain(recorded)).toEqual(plain(rowsOf(await db.query(entry.sql, entry.params))));
  }

  // The recording alone draws the first view as the engine would, with no query left over.
  const fromRecording = snapshotConnector(noEngine(), snapshot);
  expect(plain(await dataExtent(fromRecording))).toEqual(plain(extent));
  const filters = defaultFilters(extent.lastUpdate!);
  expect(plain(await loadNationalView(fromRecording, filters))).toEqual(plain(await loadNationalView(db, filters)));
}

describe('the first view recorded by the function the build script and the browser share', () => {
  it('answers the national view on the demo data exactly as the live queries do', async () => {
    await expectRecordingToAnswerTheFirstView(await openDemoData());
  });

  it('answers the national view on the hand-checked fixture exactly as the live queries do', async () => {
    await expectRecordingToAnswerTheFirstView(await openFixture());
  });

  // Data with no status update has no default date to draw the view on: only its extent is kept.
  it('records only the extent of data with no status update', async () => {
    const db = await openFixture();
    await db.query('DELETE FROM status_updates');
    await refreshPreaggregates(db);
    const { snapshot, lastUpdate } = await recordFirstView(db, nodeTableToIpc, 'empty');
    expect(lastUpdate).toBeNull();
    expect(snapshot.entries).toHaveLength(1);
    expect(plain(await dataExtent(snapshotConnector(noEngine(), snapshot)))).toEqual(plain(await dataExtent(db)));
  });
});
