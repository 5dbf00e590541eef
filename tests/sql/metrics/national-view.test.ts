import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { forceCompliance, headline, regionStatusMix } from '../../../src/lib/metrics/national/national.sql';
import { inspectionOptions } from '../../../src/lib/metrics/common/inspection-options.sql';
import { TREND_MARKERS_SQL, trendMarkers, type TrendMarker } from '../../../src/lib/metrics/national/trend-markers.sql';
import { recommendationKey } from '../../../src/lib/metrics/common/filters';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { openDemoData } from '../support/demo-data';
import { loadNationalView, nationalViewParts, type NationalViewData } from '../../../src/lib/metrics/national/national-view';
import { DEFAULT_OVERDUE_SORT, type OverdueSort } from '../../../src/lib/metrics/national/overdue.sql';
import { QueryCoordinator } from '../../../src/lib/query/coordinator';
import { openFixture } from '../support/fixture';

let db: Connector;
beforeAll(async () => {
  db = await openFixture();
}, 120_000);

const on = (asOf: string, more: Partial<Filters> = {}): Filters => ({ ...defaultFilters(asOf), ...more });

/** A connector that counts the queries it is asked, to check which ones a change re-runs. */
function counting(inner: Connector): Connector & { count: number } {
  const wrapped = { ...inner, count: 0, query: (sql: string, params?: readonly (string | number | boolean | null)[]) => {
    wrapped.count += 1;
    return inner.query(sql, params);
  } };
  return wrapped;
}

describe('the filters the national view adds', () => {
  // 30 Jun, status in progress or not started: b/I1/R2 alone (in progress, overdue).
  it('narrows every metric to pairs whose status on D is one of those chosen', async () => {
    expect(await headline(db, on('2024-06-30', { statuses: ['in_progress', 'not_started'] }))).toEqual({
      recommendations: 1, inScope: 1, complete: 0, complianceRate: 0, medianForceRate: 0, overdue: 1, forcesWithOverdue: 1,
    });
  });

  // Force a on 30 Jun: I1 R1 and R2 complete, I2 R1 pending → 2 of 3.
  it('narrows to the force and to the recommendation chosen', async () => {
    expect(await headline(db, on('2024-06-30', { force: 'a' }))).toMatchObject({ inScope: 3, complete: 2, overdue: 0 });
    // I1 R2: a complete; b in progress and c no update, both overdue.
    expect(await headline(db, on('2024-06-30', { recommendation: { inspectionId: 'I1', recNo: 2 } }))).toMatchObject({
      recommendations: 1, inScope: 3, complete: 1, overdue: 2, forcesWithOverdue: 2,
    });
  });

  // With only no_update pairs chosen, force a has none on 30 Jun; it is still listed, without a rate.
  it('lists every force, with no rate when nothing of it is in view, and its pending closure share', async () => {
    const rows = await forceCompliance(db, on('2024-06-30', { statuses: ['no_update'] }));
    expect(rows.map((r) => [r.force_id, r.in_scope, r.rate, r.rank])).toEqual([
      ['b', 1, 0, 1], ['c', 2, 0, 1], ['a', 0, null, 3],
    ]);
    // a on 30 Jun: 1 pending closure (I2 R1) of 3 in scope.
    const a = (await forceCompliance(db, on('2024-06-30'))).find((r) => r.force_id === 'a');
    expect([a?.pending_closure, a?.pending_share]).toEqual([1, 1 / 3]);
  });
});

describe('inspections offered and dates marked', () => {
  it('offers the inspections with recommendations for forces, oldest first', async () => {
    expect(await inspectionOptions(db)).toEqual([
      { inspection_id: 'I1', title: 'Inspection one', published: '2024-01-10', recommendations: 2 },
      { inspection_id: 'I2', title: 'Inspection two', published: '2024-06-01', recommendations: 1 },
    ]);
  });

  // On 30 Jun: I1 published 10 Jan with R2 due that day and R1 due 31 Mar; I2 published 1 Jun,
  // its deadline (31 Dec) still ahead, so not marked. R3 is not for forces and is never counted.
  it('marks publications and deadlines up to D', async () => {
    expect((await trendMarkers(db, on('2024-06-30'))).map((m) => [m.kind, m.date, m.inspection_id, m.recommendations])).toEqual([
      ['published', '2024-01-10', 'I1', 2],
      ['deadline', '2024-01-10', 'I1', 1],
      ['deadline', '2024-03-31', 'I1', 1],
      ['published', '2024-06-01', 'I2', 1],
    ]);
    expect((await trendMarkers(db, on('2024-06-30', { recommendation: { inspectionId: 'I1', recNo: 1 } }))).map((m) => m.date))
      .toEqual(['2024-01-10', '2024-03-31']);
  });

  // The markers are asked once for every date and cut at D; asked for D itself, the SQL must agree,
  // with a deadline written before its report came out too (marked only once the report is out).
  it('cuts the markers at D as the SQL asked for D does', async () => {
    const demo = await openDemoData();
    await demo.query(`INSERT INTO recommendations (inspection_id, rec_no, text, addressee, for_forces, due_text, due_date, source_url)
      SELECT inspection_id, 99, 'Due before the report', 'Chief constables', true, 'By 1 January 2023', DATE '2023-01-01', NULL
      FROM inspections WHERE published > DATE '2023-01-01' ORDER BY published LIMIT 1`);
    const dates = ['2021-03-31', '2022-12-31', '2023-01-01', '2023-07-11', '2023-09-04', '2024-08-01', '2026-09-30'];
    for (const asOf of dates) {
      for (const more of [{}, { inspections: ['firearms-2023'] }, { recommendation: { inspectionId: 'firearms-2023', recNo: 2 } }]) {
        const filters = on(asOf, more);
        const asked = rowsOf<TrendMarker & { published?: string }>(await demo.query(TREND_MARKERS_SQL, [
          asOf, filters.inspections.join(','), recommendationKey(filters.recommendation),
        ])).map(({ published: _published, ...marker }) => marker);
        expect(await trendMarkers(demo, filters), JSON.stringify(filters)).toEqual(asked);
      }
    }
  }, 120_000);
});

describe('loading the national view', () => {
  it('shows every force and region whatever the region and force chosen, and narrows the rest', async () => {
    const data = await loadNationalView(db, on('2024-06-30', { region: 'South', force: 'c' }));
    expect(data.forces.map((f) => f.force_id).sort()).toEqual(['a', 'b', 'c']);
    expect(data.regionMix).toEqual(await regionStatusMix(db, on('2024-06-30')));
    expect(data.headline).toEqual(await headline(db, on('2024-06-30', { region: 'South', force: 'c' })));
    expect(data.overdue.items.map((i) => i.force_id)).toEqual(['c']);
    // Force c's own mix: R1 superseded, R2 and I2 R1 no update.
    expect(data.forceMix.map((m) => [m.status, m.pairs])).toEqual([['no_update', 2], ['superseded', 1]]);
    expect(data.forceTrend.at(-1)).toMatchObject({ date: '2024-06-30', region: null, in_scope: 2, complete: 0, overdue: 1 });
    expect(new Set(data.trends.map((p) => p.region))).toEqual(new Set([null, 'North', 'South']));
  });

  it('on the coordinator, re-runs only the queries whose inputs changed, and asks nothing twice', async () => {
    const db2 = counting(db);
    const coordinator = new QueryCoordinator(60_000);
    coordinator.connect(db2, 1);
    type State = { filters: Filters; overdueSort: OverdueSort };
    // What the view holds: every part's rows as last handed over.
    const shown: Partial<Omit<NationalViewData, 'filters' | 'overdueSort'>> = {};
    const view = coordinator.view((d, s: State) => nationalViewParts(d, s.filters, s.overdueSort), {
      settled: (changed) => Object.assign(shown, changed),
      failed: (message) => {
        throw new Error(message);
      },
    });
    const byForce: OverdueSort = { key: 'force', descending: false };
    const step = async (filters: Filters, overdueSort = DEFAULT_OVERDUE_SORT) => {
      db2.count = 0;
      await view.request({ filters, overdueSort });
      return db2.count;
    };
    // Options, the figures (headline, forces, region mix, the trends' point on D and every force's
    // freshness: one question), overdue, the trends' horizon and their series up to it, markers.
    expect(await step(on('2024-06-30'))).toBe(6);
    expect(await step(on('2024-06-30'))).toBe(0);
    expect(await step(on('2024-06-30'), byForce)).toBe(1);
    expect(shown.overdue!.items.map((i) => i.force)).toEqual(['Force B', 'Force C']);
    // The region highlights the force and region charts: only the headline and the list narrow.
    expect(await step(on('2024-06-30', { region: 'North' }), byForce)).toBe(2);
    // A force: the headline, its mix and its trend's point on D (one question, the same filters),
    // the list, its trend's series.
    expect(await step(on('2024-06-30', { force: 'a' }), byForce)).toBe(3);
    // Back to no force: the headline and the list are as first asked, and the cache has them.
    expect(await step(on('2024-06-30'), byForce)).toBe(0);
    // The as-of date changes everything but the inspections offered and the trends' series and
    // markers, which are cut at the new date: the figures and the list.
    expect(await step(on('2024-05-31'), byForce)).toBe(2);
    // The rows handed over, part by part, are the same numbers as a fresh load.
    const last = on('2024-06-30', { force: 'a', pendingCountsAsComplete: true });
    await step(last, byForce);
    const { filters: _f, overdueSort: _s, ...fresh } = await loadNationalView(db, last, { overdueSort: byForce });
    expect(shown).toEqual(fresh);
  });
});
