import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import type { Filters } from '../../../src/lib/metrics/common/filters';
import { completionCurves } from '../../../src/lib/metrics/national/completion-curves.sql';
import { forceBenchmark } from '../../../src/lib/metrics/force/force-benchmark.sql';
import { forceRecommendations } from '../../../src/lib/metrics/force/force-recommendations.sql';
import { inspectionMatrix } from '../../../src/lib/metrics/inspection/inspection-matrix.sql';
import { forceCompliance, headline, headlineOn, regionStatusMix } from '../../../src/lib/metrics/national/national.sql';
import { onTimeByRecommendation } from '../../../src/lib/metrics/national/on-time.sql';
import { OVERDUE_SORT_KEYS, overdueList } from '../../../src/lib/metrics/national/overdue.sql';
import { peerAggregates } from '../../../src/lib/metrics/force/peer-aggregates.sql';
import { HISTORY_SEGMENTS_FAST, SEGMENT_INTERVALS } from '../../../src/lib/metrics/preagg/history-fast.sql';
import { FAST_PAIRS, FORCE_PAIRS, HEADLINE_PAIRS_FAST, OVERDUE_PAIRS } from '../../../src/lib/metrics/preagg/pair-status-fast.sql';
import { measureCountsFast } from '../../../src/lib/metrics/preagg/national-fast.sql';
import { pairMeasureCounts } from '../../../src/lib/metrics/force/force-measures.sql';
import { statusHistory } from '../../../src/lib/metrics/pairs/status-history.sql';
import { inspectionFigures } from '../../../src/lib/metrics/inspection/inspection-figures.sql';
import { complianceTrends } from '../../../src/lib/metrics/national/trends.sql';
import { forceFreshness } from '../../../src/lib/metrics/national/freshness.sql';
import { PLAIN_PAIRS } from '../../../src/lib/metrics/pairs/pair-timing.sql';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { openDemoData } from '../support/demo-data';
import { filterCombinations } from '../support/filter-combinations';
import { openFixture } from '../support/fixture';

/**
 * Every per-pair metric read from `preagg_pair_states` (FAST_PAIRS) must give exactly the rows of
 * the same metric over every update (the plain definitions), for every filter: status filters,
 * region, force, one recommendation, the counting rule, and dates around ties and deadlines.
 */
async function expectSame(db: Connector, filters: Filters, inspection: string, forces: string[], step: number): Promise<void> {
  const label = JSON.stringify(filters);
  const figures = await headline(db, filters);
  expect(await headline(db, filters, FAST_PAIRS), label).toEqual(figures);
  expect(await headlineOn(db, filters, HEADLINE_PAIRS_FAST), label).toEqual(figures);
  expect(await forceCompliance(db, filters, FAST_PAIRS), label).toEqual(await forceCompliance(db, filters));
  expect(await regionStatusMix(db, filters, FAST_PAIRS), label).toEqual(await regionStatusMix(db, filters));
  const sort = { key: OVERDUE_SORT_KEYS[step % OVERDUE_SORT_KEYS.length]!, descending: step % 3 === 0 };
  const overdue = await overdueList(db, filters, sort, 5);
  expect(await overdueList(db, filters, sort, 5, FAST_PAIRS), label).toEqual(overdue);
  expect(await overdueList(db, filters, sort, 5, OVERDUE_PAIRS), label).toEqual(overdue);
  const recommendations = await forceRecommendations(db, filters, forces);
  expect(await forceRecommendations(db, filters, forces, FAST_PAIRS), label).toEqual(recommendations);
  expect(await forceRecommendations(db, filters, forces, FORCE_PAIRS), label).toEqual(recommendations);
  // The newest report's rows and one opened older report's, the rest folded to their lines.
  const folded = { newest: 1, opened: [inspection] };
  const some = await forceRecommendations(db, filters, forces, PLAIN_PAIRS, folded);
  expect(await forceRecommendations(db, filters, forces, FORCE_PAIRS, folded), label).toEqual(some);
  const subject = { force: forces[0]!, compare: forces[1] ?? null, peers: forces };
  const benchmark = await forceBenchmark(db, filters, subject);
  const groups = await peerAggregates(db, filters, subject);
  expect(await forceBenchmark(db, filters, subject, pairMeasureCounts(FAST_PAIRS)), label).toEqual(benchmark);
  expect(await peerAggregates(db, filters, subject, pairMeasureCounts(FAST_PAIRS)), label).toEqual(groups);
  // The daily counts per force keep no status or recommendation apart: the force view sets neither.
  if (filters.statuses.length === 0 && filters.recommendation === null) {
    expect(await forceBenchmark(db, filters, subject, measureCountsFast(filters, undefined)), label).toEqual(benchmark);
    expect(await peerAggregates(db, filters, subject, measureCountsFast(filters, undefined)), label).toEqual(groups);
  }
  const matrix = await inspectionMatrix(db, filters, inspection);
  const curves = await completionCurves(db, filters, inspection);
  const onTime = await onTimeByRecommendation(db, filters, inspection);
  expect(await inspectionMatrix(db, filters, inspection, FAST_PAIRS), label).toEqual(matrix);
  expect(await completionCurves(db, filters, inspection, FAST_PAIRS), label).toEqual(curves);
  expect(await onTimeByRecommendation(db, filters, inspection, FAST_PAIRS), label).toEqual(onTime);
  // The inspection view asks the three in one statement: the same rows, in the same order, either way.
  expect(await inspectionFigures(db, filters, inspection), label).toEqual({ matrix, curves, onTime });
  expect(await inspectionFigures(db, filters, inspection, FAST_PAIRS), label).toEqual({ matrix, curves, onTime });
  for (const force of forces) {
    expect(await statusHistory(db, filters, force, HISTORY_SEGMENTS_FAST), label).toEqual(await statusHistory(db, filters, force));
    // Past the most a history holds, the same newest recommendations.
    expect(await statusHistory(db, filters, force, HISTORY_SEGMENTS_FAST, 1), label).toEqual(await statusHistory(db, filters, force, undefined, 1));
  }
  expect(await complianceTrends(db, filters, SEGMENT_INTERVALS), label).toEqual(await complianceTrends(db, filters));
  // Freshness, as every view asks it: all statuses, two thresholds.
  const every = { ...filters, statuses: [] };
  for (const staleDays of [30, 180]) {
    const plain = await forceFreshness(db, every, staleDays, PLAIN_PAIRS);
    expect(await forceFreshness(db, every, staleDays, FAST_PAIRS), label).toEqual(plain);
    // As the views ask it: from the update days and counts, or the pair states for one recommendation.
    expect(await forceFreshness(db, every, staleDays), label).toEqual(plain);
  }
}

describe('per-pair and history pre-aggregates equal the plain definitions', () => {
  let fixture: Connector;
  let demo: Connector;
  beforeAll(async () => {
    fixture = await openFixture();
    // More edges than the shared fixture: not applicable; evidence older than the last update and
    // blank evidence after it; an update before publication, the same status again after it; pending then complete on one day and
    // complete then in progress on another; a complete that is later reopened.
    await fixture.query(`INSERT INTO status_updates VALUES
      (10, 'b', 'I1', 2, 'in_progress', DATE '2024-03-01', 'Plan agreed', 'PCC response'),
      (11, 'b', 'I1', 2, 'in_progress', DATE '2024-05-20', '   ', 'tracker'),
      (12, 'c', 'I2', 1, 'not_applicable', DATE '2024-07-01', 'Not relevant here', 'tracker'),
      (13, 'b', 'I2', 1, 'in_progress', DATE '2024-05-15', 'Started before publication', 'tracker'),
      (14, 'a', 'I1', 1, 'in_progress', DATE '2024-04-10', NULL, 'tracker'),
      (15, 'c', 'I1', 2, 'pending_closure', DATE '2024-02-20', 'Done, awaiting sign-off', 'tracker'),
      (16, 'c', 'I1', 2, 'complete', DATE '2024-02-20', NULL, 'tracker'),
      (17, 'b', 'I2', 1, 'in_progress', DATE '2024-06-10', NULL, 'tracker')`);
    await refreshPreaggregates(fixture);
    demo = await openDemoData();
  }, 120_000);

  it('on the hand-made fixture', { timeout: 300_000 }, async () => {
    const dates = ['2023-12-31', '2024-01-10', '2024-01-11', '2024-02-20', '2024-03-31', '2024-04-01', '2024-04-10',
      '2024-05-01', '2024-05-20', '2024-06-01', '2024-07-01', '2025-01-01'];
    const recs = [null, { inspectionId: 'I1', recNo: 2 }, null, { inspectionId: 'I2', recNo: 1 }];
    const combos = filterCombinations(dates, [[], ['I2'], ['I1', 'I2']], [null, 'North', 'South'], [null, 'a', 'c', 'b'], recs);
    for (const [step, filters] of combos.entries()) {
      await expectSame(fixture, filters, step % 2 ? 'I1' : 'I2', step % 3 ? ['b'] : ['a', 'c'], step);
    }
  });

  it('on the demo data', { timeout: 300_000 }, async () => {
    const dates = ['2021-03-31', '2023-07-11', '2023-09-04', '2023-09-05', '2024-08-01', '2026-09-30'];
    const inspections = [[], ['firearms-2023'], ['group-cse-2023', 'disproportionality-2021']];
    const recs = [null, { inspectionId: 'firearms-2023', recNo: 2 }, null, { inspectionId: 'disproportionality-2021', recNo: 2 }];
    const combos = filterCombinations(dates, inspections, [null, 'Wales', 'North West'], [null, 'cheshire', 'west-midlands'], recs);
    for (const [step, filters] of combos.entries()) {
      await expectSame(demo, filters, step % 2 ? 'firearms-2023' : 'group-cse-2023', step % 3 ? ['cheshire'] : ['west-midlands', 'dyfed-powys'], step);
    }
  });
});
