import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { forceCompliance, headline } from '../../../src/lib/metrics/national/national.sql';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { openDemoData } from '../support/demo-data';

/**
 * The headline on the shipped demo data, checked against a second, deliberately naive reading of
 * DESIGN.md's definitions written in plain TypeScript over the raw rows.
 */
interface Update { seq: number; force_id: string; inspection_id: string; rec_no: number; status: string; as_of: string }
interface Rec { inspection_id: string; rec_no: number; due_date: string | null; published: string }

function naiveHeadline(forces: string[], recs: Rec[], updates: Update[], asOf: string) {
  let inScope = 0, complete = 0, overdue = 0;
  const forcesOverdue = new Set<string>();
  const published = recs.filter((r) => r.published <= asOf);
  for (const force of forces) {
    for (const rec of published) {
      const mine = updates.filter((u) => u.force_id === force && u.inspection_id === rec.inspection_id
        && u.rec_no === rec.rec_no && u.as_of <= asOf);
      mine.sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : a.seq - b.seq));
      const status = mine.at(-1)?.status ?? 'no_update';
      if (status === 'superseded' || status === 'not_applicable') continue;
      inScope += 1;
      if (status === 'complete') complete += 1;
      else if (rec.due_date !== null && rec.due_date < asOf) {
        overdue += 1;
        forcesOverdue.add(force);
      }
    }
  }
  return { recommendations: published.length, inScope, complete, overdue, forcesWithOverdue: forcesOverdue.size };
}

let db: Connector;
let forces: string[];
let recs: Rec[];
let updates: Update[];

beforeAll(async () => {
  db = await openDemoData();
  forces = rowsOf<{ force_id: string }>(await db.query('SELECT force_id FROM forces')).map((r) => r.force_id);
  recs = rowsOf<Rec>(await db.query(`SELECT r.inspection_id, r.rec_no, r.due_date, i.published
    FROM recommendations r JOIN inspections i USING (inspection_id) WHERE r.for_forces`));
  updates = rowsOf<Update>(await db.query('SELECT seq::INTEGER AS seq, force_id, inspection_id, rec_no, status, as_of FROM status_updates'));
}, 120_000);

describe('demo data', () => {
  it('has the 43 forces in 10 regions, and both real and illustrative statuses', async () => {
    expect(forces).toHaveLength(43);
    const regions = rowsOf<{ region: string; n: number }>(await db.query('SELECT region, count(*)::INTEGER AS n FROM forces GROUP BY region'));
    expect(Object.fromEntries(regions.map((r) => [r.region, r.n]))).toEqual({
      'North East': 3, 'North West': 5, 'Yorkshire and the Humber': 4, 'East Midlands': 5, 'West Midlands': 4,
      'East of England': 6, London: 2, 'South East': 5, 'South West': 5, Wales: 4,
    });
    expect((await dataExtent(db)).sources).toEqual(['PCC response', 'illustrative']);
  });

  it('keeps only the PCC-response statuses for the pairs those responses cover', async () => {
    const rows = rowsOf<{ source: string; n: number }>(await db.query(`SELECT source, count(*)::INTEGER AS n
      FROM status_updates WHERE inspection_id = 'firearms-2023' AND force_id IN ('cheshire', 'west-midlands') GROUP BY source`));
    expect(rows).toEqual([{ source: 'PCC response', n: 16 }]);
  });

  it.each(['2023-09-30', '2024-08-01', '2025-06-30', 'last update'])('headline on %s equals the naive reading', async (date) => {
    const asOf = date === 'last update' ? (await dataExtent(db)).lastUpdate! : date;
    const sql = await headline(db, defaultFilters(asOf));
    const naive = naiveHeadline(forces, recs, updates, asOf);
    expect(sql).toMatchObject(naive);
    expect(sql.complianceRate).toBeCloseTo(naive.complete / naive.inScope, 12);
    const byForce = await forceCompliance(db, defaultFilters(asOf));
    expect(byForce).toHaveLength(43);
    expect(byForce.reduce((sum, f) => sum + f.overdue, 0)).toBe(naive.overdue);
  });
});
