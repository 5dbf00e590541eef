import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { CANONICAL_STATUSES } from '../../../src/lib/data/schema';
import { createMappingTables, LIST_SEPARATOR } from '../../../src/lib/data/ingest/vocabulary/mapping-tables';
import { dateMapSql, forceMapSql, recommendationMapSql } from '../../../src/lib/data/ingest/vocabulary/value-maps.sql';
import { STATUS_VOCABULARY } from '../../../src/lib/data/ingest/vocabulary/status-vocabulary';
import { openDemoData } from '../support/demo-data';

let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
  await createMappingTables(db);
}, 120_000);

const values = (list: string[]) => `SELECT unnest(string_split('${list.join(LIST_SEPARATOR)}', chr(31))) AS raw`;

describe('status vocabulary', () => {
  it('gives each word one meaning: no two words share a key', async () => {
    const [row] = rowsOf<{ words: number; keys: number }>(await db.query(
      'SELECT count(*)::INTEGER AS words, count(DISTINCT key)::INTEGER AS keys FROM ingest_status_words'));
    expect(row).toEqual({ words: STATUS_VOCABULARY.length, keys: STATUS_VOCABULARY.length });
  });

  it('maps only onto canonical statuses, and covers each of them', () => {
    expect(new Set(STATUS_VOCABULARY.map((w) => w.status))).toEqual(new Set(CANONICAL_STATUSES));
  });

  it.each([
    ['awaiting-review', 'not_started'], ['Being progressed', 'in_progress'], ['COMPLETE', 'complete'],
    ['Red', 'not_started'], ['amber', 'in_progress'], ['Green', 'complete'], ['Closed', 'complete'],
    ['Ongoing', 'in_progress'], ['Open', 'in_progress'], ['Incomplete', 'in_progress'], ['Completed', 'complete'],
    ['Met', 'complete'], ['Not met', 'not_started'], ['Pending sign-off', 'pending_closure'],
    ['Awaiting allocation', 'not_started'], ['Actions in progress', 'in_progress'], ['Superseded', 'superseded'],
    ['N/A', 'not_applicable'], ['Not applicable', 'not_applicable'], ['not_started', 'not_started'], ['In Progress', 'in_progress'],
  ])('%s means %s', async (word, status) => {
    const [row] = rowsOf<{ status: string }>(await db.query(
      'SELECT status FROM ingest_status_words WHERE key = ingest_text_key($1)', [word]));
    expect(row?.status).toBe(status);
  });
});

describe('force names', () => {
  it('never lead to two forces from one key', async () => {
    const [row] = rowsOf<{ n: number }>(await db.query(
      'SELECT count(*)::INTEGER AS n FROM (SELECT key FROM ingest_force_names GROUP BY key HAVING count(DISTINCT force_id) > 1)'));
    expect(row!.n).toBe(0);
  });

  it('find every force by name, with its usual suffix, by slug and by ONS code', async () => {
    const forces = rowsOf<{ force_id: string; name: string; ons_code: string }>(await db.query('SELECT force_id, name, ons_code FROM forces'));
    const spellings = forces.flatMap((f) => [f.name, `${f.name} Police`, `${f.name} Constabulary`, f.name.toUpperCase().replace(/ AND /g, ' & '), f.force_id, f.ons_code]);
    const rows = rowsOf<{ raw: string; force_id: string | null }>(await db.query(forceMapSql(values(spellings))));
    const found = new Map(rows.map((r) => [r.raw, r.force_id]));
    for (const f of forces) {
      for (const spelling of [f.name, `${f.name} Police`, `${f.name} Constabulary`, f.force_id, f.ons_code]) expect(found.get(spelling), spelling).toBe(f.force_id);
    }
  });

  it.each([
    ['Hampshire & Isle of Wight Constabulary', 'hampshire'], ['Metropolitan Police Service', 'metropolitan'], ['MPS', 'metropolitan'],
    ['the Met', 'metropolitan'], ['Devon & Cornwall', 'devon-and-cornwall'], ['Dyfed Powys Police', 'dyfed-powys'],
    ['GMP', 'greater-manchester'], ['City of London Police', 'city-of-london'], ['  kent  ', 'kent'],
  ])('%s is %s', async (name, forceId) => {
    const [row] = rowsOf<{ force_id: string }>(await db.query(forceMapSql(values([name]))));
    expect(row?.force_id).toBe(forceId);
  });

  it('suggests the nearest force for a near miss, and nothing for a stranger', async () => {
    const rows = rowsOf<{ raw: string; suggestion: string | null }>(await db.query(forceMapSql(values(['Northumbira', 'Lancshire Police', 'Police Scotland']))));
    expect(Object.fromEntries(rows.map((r) => [r.raw, r.suggestion]))).toEqual({
      Northumbira: 'Northumbria', 'Lancshire Police': 'Lancashire', 'Police Scotland': null });
  });
});

describe('recommendation numbers', () => {
  it.each([['2', 2], ['R2', 2], ['r 2', 2], ['Rec 2', 2], ['Rec. 2', 2], ['Rec no. 12', 12], ['Recommendation 2', 2], ['#3', 3], ['2.0', 2],
    ['R2a', null], ['2 and 3', null], ['Part 2', null]])('%s is %s', async (text, number) => {
    const [row] = rowsOf<{ rec_no: number | null }>(await db.query(recommendationMapSql(values([text]))));
    expect(row?.rec_no).toBe(number);
  });
});

describe('dates', () => {
  it.each([
    ['2024-07-31', '2024-07-31', null], ['31/07/2024', '2024-07-31', null], ['31-07-2024', '2024-07-31', null], ['31.07.2024', '2024-07-31', null],
    ['1/2/2024', '2024-02-01', null], ['2024-07-31T10:00:00Z', '2024-07-31', null], ['2024-07-31 10:00:00', '2024-07-31', null],
    ['31/07/2024 09:30', '2024-07-31', null], ['29/02/2024', '2024-02-29', null],
    ['31/02/2024', null, 'date_impossible'], ['29/02/2023', null, 'date_impossible'], ['2024-13-01', null, 'date_impossible'],
    ['07/31/2024', null, 'date_month_first'], ['13/13/2024', null, 'date_impossible'],
    // A two-digit year is this century's; a month by name, full, short or "Sept".
    ['31/07/24', '2024-07-31', null], ['31.07.24', '2024-07-31', null], ['31 Jul 2024', '2024-07-31', null],
    ['31 July 2024', '2024-07-31', null], ['1st Sept 2024', '2024-09-01', null], ['31-Jul-24', '2024-07-31', null],
    ['30 Feb 2024', null, 'date_impossible'], ['31 Foo 2024', null, 'date_format'],
    ['July 2024', null, 'date_format'], ['2024/07/31', null, 'date_format'], ['31/07/202', null, 'date_format'],
  ])('%s reads as %s (%s)', async (text, date, kind) => {
    const [row] = rowsOf<{ as_of: string | null; kind: string | null }>(await db.query(dateMapSql(values([text]))));
    expect([row?.as_of, row?.kind]).toEqual([date, kind]);
  });
});
