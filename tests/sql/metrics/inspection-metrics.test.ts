import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { inspectionMatrix } from '../../../src/lib/metrics/inspection/inspection-matrix.sql';
import { completionCurves } from '../../../src/lib/metrics/national/completion-curves.sql';
import { onTimeByRecommendation } from '../../../src/lib/metrics/national/on-time.sql';
import { inspectionList } from '../../../src/lib/metrics/common/reference-lists.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
}, 120_000); // the engine starts slowly on a loaded machine

describe('status matrix of I1 on 2024-06-30', () => {
  it('has one cell per force and recommendation, with force totals to sort by', async () => {
    const cells = await inspectionMatrix(db, on(D), 'I1');
    expect(cells).toHaveLength(10); // 2 recommendations for forces × 5 forces; R3 is not for forces
    expect(cells.map((c) => `${c.force_id}${c.rec_no}:${c.status}`)).toEqual([
      'a1:complete', 'a2:complete', 'b1:complete', 'b2:pending_closure', 'c1:complete', 'c2:no_update',
      'd1:in_progress', 'd2:complete', 'e1:superseded', 'e2:complete',
    ]);
    // d/R1 due 2024-03-31: 91 days overdue on 2024-06-30. e: R1 superseded, so 1 of 1 in scope complete.
    expect(cells.find((c) => c.force_id === 'd' && c.rec_no === 1)).toMatchObject({ overdue: true, days_overdue: 91, force_overdue: 1 });
    expect(cells.find((c) => c.force_id === 'e')).toMatchObject({ force_complete: 1, force_in_scope: 1 });
  });
});

describe('on-time rate per recommendation of I1 on 2024-06-30', () => {
  // R1 (due 2024-03-31): in scope for a, b, c, d (e superseded), all past the deadline. On time:
  // a (03-01) and b (03-31, the deadline day) → 2 of 4. c (04-01) was a day late; d is not done.
  // R2 (immediate, due 2024-01-10): on time a and e (both 01-10) → 2 of 5.
  it('divides forces done by the deadline by forces in scope whose deadline has passed', async () => {
    const rows = await onTimeByRecommendation(db, on(D), 'I1');
    expect(rows.map((r) => [r.rec_no, r.in_scope, r.complete, r.deadline_passed, r.on_time, r.on_time_rate])).toEqual([
      [1, 4, 3, 4, 2, 0.5],
      [2, 5, 3, 5, 2, 0.4],
    ]);
  });

  it('has no rate before the deadline has passed', async () => {
    const [r1] = await onTimeByRecommendation(db, on(D), 'I2');
    expect(r1).toMatchObject({ complete: 1, deadline_passed: 0, on_time: 0, on_time_rate: null });
  });

  // With pending closure counted, b's I1 R2 is done on 2024-02-01 — after its 2024-01-10 deadline.
  it('counts a pending closure after the deadline as late', async () => {
    const rows = await onTimeByRecommendation(db, on(D, { pendingCountsAsComplete: true }), 'I1');
    expect(rows.map((r) => [r.rec_no, r.complete, r.on_time])).toEqual([[1, 3, 2], [2, 4, 2]]);
  });
});

describe('completion curves of I1 on 2024-06-30', () => {
  // Days since 2024-01-10: 03-01 = 51, 03-31 = 81, 04-01 = 82, 05-01 = 112, D = 06-30 = 172.
  // R1: of 4 forces in scope, first complete a 51, b 81, c 82. Deadline day 81.
  // R2: of 5, a and e on day 0, d on day 112. Deadline day 0.
  it('steps up on each first completion, from publication to the as-of date', async () => {
    const points = await completionCurves(db, on(D), 'I1');
    expect(points.map((p) => [p.rec_no, p.day, p.complete, p.share, p.deadline_day])).toEqual([
      [1, 0, 0, 0, 81], [1, 51, 1, 0.25, 81], [1, 81, 2, 0.5, 81], [1, 82, 3, 0.75, 81], [1, 172, 3, 0.75, 81],
      [2, 0, 2, 0.4, 0], [2, 112, 3, 0.6, 0], [2, 172, 3, 0.6, 0],
    ]);
    // On the deadline day: R1 a and b of 4 (b completed on the day itself); R2 a and e of 5.
    expect([...new Set(points.map((p) => `${p.rec_no}:${p.share_at_deadline}`))]).toEqual(['1:0.5', '2:0.4']);
  });

  it('marks no height for a deadline after the as-of date', async () => {
    const points = await completionCurves(db, on(D), 'I2');
    // I2 R1: a on 2024-06-15 (day 14) of 5; due 2024-12-31 = day 213, after D (day 29).
    expect(points.map((p) => [p.day, p.share, p.deadline_day, p.share_at_deadline])).toEqual([
      [0, 0, 213, null], [14, 0.2, 213, null], [29, 0.2, 213, null],
    ]);
  });

  it('adds pending closures when they count as complete', async () => {
    const points = await completionCurves(db, on(D, { pendingCountsAsComplete: true }), 'I1');
    // b's pending closure on 2024-02-01 is day 22.
    expect(points.filter((p) => p.rec_no === 2).map((p) => [p.day, p.share])).toEqual([[0, 0.4], [22, 0.6], [112, 0.8], [172, 0.8]]);
  });
});

describe('inspection list', () => {
  it('says how many recommendations are for forces, including none', async () => {
    const rows = await inspectionList(db);
    expect(rows.map((r) => [r.inspection_id, r.recommendations, r.for_forces])).toEqual([
      ['I2', 1, 1], ['I3', 1, 0], ['I1', 3, 2],
    ]);
  });
});
