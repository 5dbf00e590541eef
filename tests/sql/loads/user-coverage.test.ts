import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { userCoverage } from '../../../src/lib/metrics/common/user-coverage.sql';
import { nodeTableToIpc } from '../../../src/lib/db/node-table-ipc';
import { snapshotConnector } from '../../../src/lib/db/snapshot-connector';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { loadNationalView } from '../../../src/lib/metrics/national/national-view';
import { recordFirstView } from '../../../src/lib/state/engine/first-view-snapshot';
import { openDemoData } from '../support/demo-data';
import { fixture, problemsOf, stage } from '../support/ingest-helpers';

/**
 * What the user's statuses cover, apart from the shipped ones: a Kent and Essex tracker of the
 * firearms inspection covers that one inspection and those two forces, whatever the demo data
 * and the PCC responses (Cheshire, West Midlands) hold.
 */
const LOADED_AT = '2026-12-06T10:15:00.000Z';
let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
}, 120_000);

describe('the coverage of the user\'s statuses', () => {
  it('is nothing before the registry exists and while only the shipped statuses are loaded', async () => {
    expect(await userCoverage(db)).toBeNull();
    await registerShippedLoads(db, LOADED_AT);
    expect(await userCoverage(db)).toBeNull();
  });

  it('names the one inspection and counts the two forces of a tracker that replaced the illustrative statuses', async () => {
    const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
    const staged = await stage(db, 'kent-essex-firearms-tracker.csv', fixture('trackers/kent-essex-firearms-tracker.csv'));
    expect(await problemsOf(db, staged)).toEqual([]);
    await acceptLoad(db, [staged], { kind: 'replace', loadIds: [illustrative.load_id] }, LOADED_AT);
    expect(await userCoverage(db)).toEqual({
      inspections: ['firearms-2023'],
      forces: 2,
      allForces: 43,
      files: [{ name: 'kent-essex-firearms-tracker.csv', loadedAt: LOADED_AT }],
    });
  });

  it('leaves out the shipped PCC-response statuses, which cover other forces of the same inspection', async () => {
    const [row] = (await db.query(`SELECT count(DISTINCT force_id)::INTEGER AS n FROM status_updates WHERE source = 'PCC response'`)).toArray();
    expect(row!.n).toBeGreaterThan(0);
    expect((await userCoverage(db))!.forces).toBe(2);
  });

  it('is what the summary saved with the data records the first view on, so a reload draws the scoped view at once', async () => {
    const { snapshot, lastUpdate } = await recordFirstView(db, nodeTableToIpc, 'saved');
    const fromRecording = snapshotConnector(Promise.reject(new Error('asked the engine')), snapshot);
    const scope = await userCoverage(fromRecording);
    expect(scope?.inspections).toEqual(['firearms-2023']);
    const filters = { ...defaultFilters(lastUpdate!), inspections: scope!.inspections };
    expect(JSON.stringify(await loadNationalView(fromRecording, filters))).toBe(JSON.stringify(await loadNationalView(db, filters)));
  });
});
