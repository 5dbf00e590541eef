import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { forceBenchmark, type ForceMeasure } from '../../../src/lib/metrics/force/force-benchmark.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
}, 120_000);

const subject = { force: 'b', compare: 'd', peers: ['a', 'c', 'e'] };
const pick = (rows: ForceMeasure[], measure: string) =>
  Object.fromEntries(rows.filter((r) => r.measure === measure).map((r) => [r.force_id, [r.value, r.rank, r.percentile]]));

describe('force benchmark on 2024-06-30', () => {
  // Compliance (complete ÷ in scope): a 3/3 = 1; b 1/3 (I1 R2 pending, not signed off); c 1/3; d 1/3;
  // e 1/2 (I1 R1 superseded, so 2 in scope).
  // Rank: a 1; e 2; b, c, d share 3.
  // Percentile = (other forces worse + ½ other forces tied) ÷ 4 other forces:
  //   a (4 + 0)/4 = 1; e (3 + 0)/4 = 0.75; b, c, d (0 + ½·2)/4 = 0.25.
  it('ranks compliance with ties sharing a rank and counting half in the percentile', async () => {
    const rows = await forceBenchmark(db, on(D), subject);
    expect(pick(rows, 'compliance')).toEqual({
      a: [1, 1, 1], e: [0.5, 2, 0.75], b: [1 / 3, 3, 0.25], c: [1 / 3, 3, 0.25], d: [1 / 3, 3, 0.25],
    });
    expect(rows.filter((r) => r.measure === 'compliance').every((r) => r.ranked === 5)).toBe(true);
  });

  // Overdue share (lower is better): a 0/3, e 0/2 → 0; b (I1 R2), c (I1 R2), d (I1 R1) → 1/3.
  // a and e share rank 1: percentile (3 worse + ½·1 tied)/4 = 0.875. b, c, d: rank 3, (0 + ½·2)/4 = 0.25.
  it('treats a lower overdue share as better', async () => {
    expect(pick(await forceBenchmark(db, on(D), subject), 'overdue')).toEqual({
      a: [0, 1, 0.875], e: [0, 1, 0.875], b: [1 / 3, 3, 0.25], c: [1 / 3, 3, 0.25], d: [1 / 3, 3, 0.25],
    });
  });

  // On-time rate: denominators are in-scope pairs whose deadline passed before D (I1 R1, I1 R2; I2 R1
  // is due 2024-12-31, so a's early completion there is not counted).
  // a 2/2; b 1/2 (R1 on its deadline day; R2 never signed off); c 0/2 (R1 a day late); d 0/2;
  // e 1/1 (R1 superseded). Ranks: a, e 1 (3.5/4 = 0.875); b 3 (2/4); c, d 4 ((0 + ½)/4 = 0.125).
  it('counts the deadline day as on time and leaves not-yet-due pairs out', async () => {
    expect(pick(await forceBenchmark(db, on(D), subject), 'on_time')).toEqual({
      a: [1, 1, 0.875], e: [1, 1, 0.875], b: [0.5, 3, 0.5], c: [0, 4, 0.125], d: [0, 4, 0.125],
    });
  });

  it('marks the force, the compared force and the peers', async () => {
    const roles = Object.fromEntries(
      (await forceBenchmark(db, on(D), subject)).filter((r) => r.measure === 'compliance').map((r) => [r.force_id, r.role]),
    );
    expect(roles).toEqual({ a: 'peer', b: 'force', c: 'peer', d: 'compare', e: 'peer' });
  });

  // With pending closure counted, b's I1 R2 counts: b 2/3 moves to rank 2 behind a (1), ahead of
  // e (1/2, rank 3) and c, d (1/3, rank 4). b's percentile: 3 worse of 4 = 0.75.
  it('follows the pending-closure toggle', async () => {
    const b = (await forceBenchmark(db, on(D, { pendingCountsAsComplete: true }), subject))
      .find((r) => r.measure === 'compliance' && r.force_id === 'b');
    expect(b).toMatchObject({ value: 2 / 3, rank: 2, percentile: 0.75 });
  });

  it('has no rank and no percentile before anything is published', async () => {
    expect(await forceBenchmark(db, on('2023-12-31'), subject)).toEqual([]);
  });

  it('asks the engine the same question whoever the subject is, and marks each force\'s role', async () => {
    const asked: string[] = [];
    const recording: Connector = { ...db, query: (sql, params) => (asked.push(`${sql}\u0000${JSON.stringify(params)}`), db.query(sql, params)) };
    const first = await forceBenchmark(recording, on(D), subject);
    const second = await forceBenchmark(recording, on(D), { force: 'e', compare: null, peers: ['a'] });
    expect(asked).toHaveLength(2);
    expect(asked[1]).toBe(asked[0]); // so the coordinator's cache answers a change of force
    const roles = (rows: ForceMeasure[]) => Object.fromEntries(rows.filter((r) => r.measure === 'compliance').map((r) => [r.force_id, r.role]));
    expect(roles(first)).toEqual({ a: 'peer', b: 'force', c: 'peer', d: 'compare', e: 'peer' });
    expect(roles(second)).toEqual({ a: 'peer', b: 'other', c: 'other', d: 'other', e: 'force' });
  });
});
