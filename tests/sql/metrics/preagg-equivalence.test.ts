import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { forceBenchmark } from '../../../src/lib/metrics/force/force-benchmark.sql';
import { forceFreshness } from '../../../src/lib/metrics/national/freshness.sql';
import { PLAIN_PAIRS } from '../../../src/lib/metrics/pairs/pair-timing.sql';
import { forceCompliance, headline, regionStatusMix } from '../../../src/lib/metrics/national/national.sql';
import { complianceTrends } from '../../../src/lib/metrics/national/trends.sql';
import {
  complianceTrendsFast, forceComplianceFast, headlineFast, measureCountsFast, nationalFiguresFast, regionStatusMixFast,
} from '../../../src/lib/metrics/preagg/national-fast.sql';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { openDemoData } from '../support/demo-data';
import { openFixture } from '../support/fixture';
import { filterCombinations } from '../support/filter-combinations';

/**
 * The pre-aggregated queries must give exactly the rows of the plain queries, which read the
 * definitions straight off every pair. Checked over many filter combinations on the hand-made
 * fixture (ties on one day, superseded, no update, immediate deadlines) and on the demo data.
 */
async function expectSame(db: Connector, filters: Filters): Promise<void> {
  const label = JSON.stringify(filters);
  expect(await forceComplianceFast(db, filters), label).toEqual(await forceCompliance(db, filters));
  expect(await regionStatusMixFast(db, filters), label).toEqual(await regionStatusMix(db, filters));
  expect(await complianceTrendsFast(db, filters), label).toEqual(await complianceTrends(db, filters));
  if (filters.statuses.length === 0) expect(await headlineFast(db, filters), label).toEqual(await headline(db, filters));
  // Freshness read off the figures statement for every force, under any status filter (it counts
  // every status); none with a region or force filter, which the national view never asks it for.
  for (const staleDays of [180, 30]) {
    const every = { ...filters, region: null, force: null };
    expect((await nationalFiguresFast(db, every, staleDays)).freshness, label)
      .toEqual(await forceFreshness(db, every, staleDays, PLAIN_PAIRS));
  }
  if (filters.region !== null || filters.force !== null) expect((await nationalFiguresFast(db, filters)).freshness).toBeNull();
}

describe('pre-aggregates equal the plain definitions', () => {
  let fixture: Connector;
  let demo: Connector;
  beforeAll(async () => {
    // Both build status_runs and the pre-aggregates, as every load does.
    fixture = await openFixture();
    demo = await openDemoData();
  }, 120_000);

  // Dozens of filter combinations, four queries each, twice: slow on a busy two-core machine.
  it('on the hand-made fixture', { timeout: 180_000 }, async () => {
    // Before any report, mid-month, month ends and starts, and long after the last change.
    const dates = ['2019-06-15', '2023-12-31', '2024-01-11', '2024-03-31', '2024-04-01', '2024-05-01', '2024-06-30', '2031-02-14'];
    for (const filters of filterCombinations(dates, [[], ['I2'], ['I1', 'I2']], [null, 'North', 'South'], [null, 'a', 'c'])) {
      await expectSame(fixture, filters);
    }
  });

  it('on the demo data', { timeout: 180_000 }, async () => {
    const dates = ['2021-03-31', '2023-07-11', '2023-09-04', '2023-11-01', '2024-08-01', '2026-09-30', '2032-05-17'];
    const inspections = [[], ['firearms-2023'], ['group-cse-2023', 'disproportionality-2021']];
    for (const filters of filterCombinations(dates, inspections, [null, 'Wales', 'North West'], [null, 'cheshire', 'west-midlands'])) {
      await expectSame(demo, filters);
    }
  });

  // The views open on the inspections the user's statuses cover; the build keeps monthly counts
  // for them too (Connector.preaggregatedScope), read instead of every daily change.
  it('on the demo data, over the scope the pre-aggregates were built for', { timeout: 180_000 }, async () => {
    const scope = ['disproportionality-2021', 'group-cse-2023'];
    await refreshPreaggregates(demo, scope);
    const scoped: Connector = { ...demo, preaggregatedScope: scope.join(',') };
    const dates = ['2021-03-31', '2023-09-04', '2023-11-01', '2026-09-30', '2032-05-17'];
    const subject = { force: 'cheshire', compare: 'dyfed-powys', peers: ['cheshire', 'north-wales'] };
    for (const filters of filterCombinations(dates, [scope, [], ['firearms-2023']], [null, 'Wales'], [null, 'cheshire'])) {
      await expectSame(scoped, filters);
      const label = JSON.stringify(filters);
      const every = { ...filters, statuses: [] };
      expect(await forceFreshness(scoped, every), label).toEqual(await forceFreshness(scoped, every, 180, PLAIN_PAIRS));
      expect(await forceBenchmark(scoped, every, subject, measureCountsFast(every, scoped.preaggregatedScope)), label)
        .toEqual(await forceBenchmark(scoped, every, subject));
    }
    // The monthly SQL cannot run with a scope it was not built for.
    const elsewhere: Connector = { ...demo, preaggregatedScope: 'firearms-2023' };
    const foreign = { ...defaultFilters('2023-11-01'), inspections: ['firearms-2023'] };
    await expect(headlineFast(elsewhere, foreign)).rejects.toThrow(/built scope/);
    // Each statement that reads the rows kept for a scope (by its key, not its list) tests it too.
    await expect(complianceTrendsFast(elsewhere, foreign)).rejects.toThrow(/built scope/);
    await expect(forceFreshness(elsewhere, foreign)).rejects.toThrow(/built scope/);
  });
});
