import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector, SqlParam } from '../../../src/lib/db/connector';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { nationalViewParts } from '../../../src/lib/metrics/national/national-view';
import { forceViewParts } from '../../../src/lib/metrics/force/force-view';
import { inspectionViewParts } from '../../../src/lib/metrics/inspection/inspection-view';
import { DERIVED_BUILDS } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { openDemoData } from '../support/demo-data';

/**
 * A join DuckDB cannot hash compares every row of one side with every row of the other. On the
 * demo data that costs nothing anyone would notice; at a million updates it cost the update days
 * 10 s (a for-forces test in a SEMI JOIN's ON clause). The plans do not depend on the data's size,
 * so the demo data shows them: no build and no view query may plan a nested loop.
 */
const NESTED_LOOPS = /\b(BLOCKWISE_NL_JOIN|NESTED_LOOP_JOIN)\b/g;

async function loopsIn(db: Connector, sql: string, params: readonly SqlParam[] = []): Promise<string[]> {
  const plan = rowsOf<{ explain_value: string }>(await db.query(`EXPLAIN ${sql}`, params)).map((r) => r.explain_value).join('\n');
  return [...new Set(plan.match(NESTED_LOOPS) ?? [])];
}

let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
}, 120_000);

describe('query plans', () => {
  it('no pre-aggregate build compares every row with every row', async () => {
    const found: string[] = [];
    for (const build of DERIVED_BUILDS) {
      // EXPLAIN reads the query a CREATE TABLE … AS runs.
      const query = build.replace(/^\s*CREATE (OR REPLACE )?TABLE \w+ AS/, '');
      for (const loop of await loopsIn(db, query)) found.push(`${loop} in ${build.slice(0, 60)}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it.each([
    ['the pre-aggregates', true],
    ['the plain SQL (while they are built)', false],
  ])('no query of the national, force or inspection view does, read from %s', async (_, preaggregated) => {
    const asked = new Map<string, readonly SqlParam[]>();
    const recording: Connector = { ...db, preaggregated, query: (sql, params = []) => (asked.set(sql, params), db.query(sql, params)) };
    const filters = defaultFilters('2025-06-30');
    const [inspection] = rowsOf<{ id: string }>(await db.query('SELECT min(inspection_id) AS id FROM recommendations WHERE for_forces'));
    const parts = [
      nationalViewParts(recording, filters),
      nationalViewParts(recording, { ...filters, region: 'South East', statuses: ['in_progress'] }),
      forceViewParts(recording, filters, { force: 'kent', compare: 'essex', peers: ['surrey', 'sussex'] }),
      inspectionViewParts(recording, filters, inspection!.id),
    ];
    for (const view of parts) for (const part of Object.values(view)) await part.run();
    expect(asked.size).toBeGreaterThan(10);
    const found: string[] = [];
    for (const [sql, params] of asked) {
      for (const loop of await loopsIn(db, sql, params)) found.push(`${loop} in ${sql.replace(/\s+/g, ' ').slice(0, 80)}`);
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('the pair states are stored by recommendation, force and day, so a query about one report skips the rest', async () => {
    const [row] = rowsOf<{ rows: number; out_of_order: number }>(await db.query(`
      SELECT count(*)::INTEGER AS rows,
             count(*) FILTER (WHERE (inspection_id, rec_no, force_id, state_from) < previous)::INTEGER AS out_of_order
      FROM (SELECT *, lag((inspection_id, rec_no, force_id, state_from)) OVER (ORDER BY rowid) AS previous FROM preagg_pair_states)`));
    expect(row!.rows).toBeGreaterThan(1000);
    expect(row!.out_of_order).toBe(0);
  });
});
