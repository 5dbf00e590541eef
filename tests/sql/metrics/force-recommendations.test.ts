import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { forceRecommendations } from '../../../src/lib/metrics/force/force-recommendations.sql';
import { statusHistory } from '../../../src/lib/metrics/pairs/status-history.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
});

describe("force b's recommendations on 2024-06-30", () => {
  it('lists status, deadline, days overdue, last update and the latest evidence, newest report first', async () => {
    const rows = (await forceRecommendations(db, on(D), ['b'])).flatMap((report) => report.rows ?? []);
    expect(rows.map((r) => [r.inspection_id, r.rec_no, r.status, r.due_date, r.days_overdue, r.last_update, r.last_source])).toEqual([
      ['I2', 1, 'no_update', '2024-12-31', null, null, null],
      // Two updates on 2024-03-31: the later-loaded (complete) stands.
      ['I1', 1, 'complete', '2024-03-31', null, '2024-03-31', 'test'],
      // Due 2024-01-10 with immediate effect and not signed off: 2024-06-30 − 2024-01-10 = 172 days.
      ['I1', 2, 'pending_closure', '2024-01-10', 172, '2024-03-01', 'tracker'],
    ]);
    // The last update (2024-03-01) carries no evidence, so the latest evidence is shown with its own date.
    expect(rows[2]).toMatchObject({ evidence: 'Evidence submitted', evidence_as_of: '2024-02-01', evidence_source: 'test' });
  });

  it("counts each report's rows and overdue rows, for the report's folded line", async () => {
    const reports = await forceRecommendations(db, on(D), ['b']);
    // I2 is not yet due; of I1's two, only R2 (172 days) is overdue.
    expect(reports.map((r) => [r.inspection_id, r.row_count, r.overdue_count])).toEqual([['I2', 1, 0], ['I1', 2, 1]]);
  });

  it('gives the rows of the newest reports and of those opened, the others folded to their line', async () => {
    const rowsOf = (reports: Awaited<ReturnType<typeof forceRecommendations>>) =>
      reports.map((r) => [r.inspection_id, r.newest, r.rows?.map((row) => row.rec_no) ?? null]);
    expect(rowsOf(await forceRecommendations(db, on(D), ['b'], undefined, { newest: 1 }))).toEqual([['I2', true, [1]], ['I1', false, null]]);
    expect(rowsOf(await forceRecommendations(db, on(D), ['b'], undefined, { newest: 1, opened: ['I1'] }))).toEqual([['I2', true, [1]], ['I1', false, [1, 2]]]);
    // Folded or not, a report's line counts all its rows.
    const folded = await forceRecommendations(db, on(D), ['b'], undefined, { newest: 0 });
    expect(folded.map((r) => [r.inspection_id, r.row_count, r.overdue_count, r.rows])).toEqual([['I2', 1, 0, null], ['I1', 2, 1, null]]);
  });

  it('gives one row per force and recommendation when two forces are compared', async () => {
    const rows = (await forceRecommendations(db, on(D), ['b', 'd'])).flatMap((report) => report.rows ?? []);
    expect(rows.filter((r) => r.inspection_id === 'I1' && r.rec_no === 1).map((r) => [r.force_id, r.status])).toEqual([
      ['b', 'complete'], ['d', 'in_progress'],
    ]);
  });
});

describe('status history', () => {
  // a/I1/R1: no update from publication (2024-01-10) to 2024-02-01; in progress twice (merged) until
  // complete on 2024-03-01, held to D. a/I1/R2 was complete on publication day, so no empty stretch.
  it('merges repeats and runs from publication to the as-of date', async () => {
    const rows = await statusHistory(db, on(D), 'a');
    expect(rows.filter((r) => r.inspection_id === 'I1').map((r) => [r.rec_no, r.status, r.start, r.end])).toEqual([
      [1, 'no_update', '2024-01-10', '2024-02-01'],
      [1, 'in_progress', '2024-02-01', '2024-03-01'],
      [1, 'complete', '2024-03-01', D],
      [2, 'complete', '2024-01-10', D],
    ]);
  });

  it('keeps the later-loaded of two updates on one date', async () => {
    const rows = await statusHistory(db, on(D), 'b');
    expect(rows.filter((r) => r.inspection_id === 'I1' && r.rec_no === 1).map((r) => r.status)).toEqual(['no_update', 'complete']);
  });

  it('holds the newest recommendations only, newest report first, and counts them all', async () => {
    const all = await statusHistory(db, on(D), 'a');
    expect(new Set(all.map((r) => `${r.held} of ${r.recommendations}`))).toEqual(new Set(['3 of 3']));
    const newest = await statusHistory(db, on(D), 'a', undefined, 2);
    expect([...new Set(newest.map((r) => `${r.inspection_id} ${r.rec_no}`))]).toEqual(['I2 1', 'I1 1']);
    expect(newest).toEqual(all.filter((r) => r.inspection_id === 'I2' || r.rec_no === 1).map((r) => ({ ...r, held: 2 })));
  });

  it('stops at the as-of date', async () => {
    const rows = await statusHistory(db, on('2024-02-20'), 'a');
    expect(rows.map((r) => [r.inspection_id, r.rec_no, r.status, r.end])).toEqual([
      ['I1', 1, 'no_update', '2024-02-01'],
      ['I1', 1, 'in_progress', '2024-02-20'],
      ['I1', 2, 'complete', '2024-02-20'],
    ]);
  });
});
