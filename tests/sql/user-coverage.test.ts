import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/db/connector';
import { acceptLoad } from '../../src/lib/data/ingest/loaded/load-changes';
import { listLoads, registerShippedLoads } from '../../src/lib/data/ingest/loaded/load-registry';
import { userCoverage } from '../../src/lib/metrics/common/user-coverage.sql';
import { openDemoData } from './demo-data';
import { fixture, stage } from './ingest-helpers';

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
});
