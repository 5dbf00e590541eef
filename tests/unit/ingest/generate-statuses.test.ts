import { describe, expect, it } from 'vitest';
import { CANONICAL_STATUSES } from '../../../src/lib/data/schema';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { generateStatusRows, type DemoInput, type StatusRow } from '../../../scripts/lib/demo-status-rows';
import type { ForceRow, InspectionRow, RecommendationRow } from '../../../scripts/lib/reference-rows';
import { StatusArrowStream } from '../../../scripts/lib/status-arrow-stream';

/**
 * The illustrative status generator (scripts/generate-statuses.ts) on a tiny world:
 * two forces in two regions, one inspection published 2023-07-11 with two recommendations for
 * forces (one due 2023-10-31, one "with immediate effect"), histories up to 2026-09-30.
 */
const force = (force_id: string, region: string): ForceRow => ({
  force_id,
  name: force_id,
  region,
  country: 'England',
  ons_code: '',
  aliases: '',
});
const inspection = (inspection_id: string, published: string): InspectionRow => ({
  inspection_id,
  title: inspection_id,
  published,
  kind: 'national thematic',
  source_url: '',
});
const rec = (inspection_id: string, rec_no: number, due_date: string, for_forces = 'true'): RecommendationRow => ({
  inspection_id,
  rec_no: String(rec_no),
  text: 'Fixture recommendation',
  addressee: 'Chief constables',
  for_forces,
  due_text: '',
  due_date,
  source_url: '',
});

const FIXTURE: DemoInput = {
  forces: [force('north-force', 'North'), force('south-force', 'South')],
  inspections: [inspection('firearms-2023', '2023-07-11')],
  recommendations: [rec('firearms-2023', 2, '2023-10-31'), rec('firearms-2023', 7, '2023-07-11')],
};
const PUBLISHED = '2023-07-11';
const UNTIL = '2026-09-30';
const SEED = 20230711;

const generate = (input: DemoInput, updates?: number, seed = SEED): StatusRow[] => [
  ...generateStatusRows(input, { seed, until: UNTIL, updates }),
];
const pairOf = (row: StatusRow) => `${row.force_id}|${row.inspection_id}|${row.rec_no}`;
const isQuarterEnd = (iso: string) => ['03-31', '06-30', '09-30', '12-31'].includes(iso.slice(5));
const isMonthEnd = (iso: string) => {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
};

describe('illustrative status histories', () => {
  const rows = generate(FIXTURE);

  it('covers every force × recommendation pair', () => {
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map(pairOf))).toEqual(
      new Set(['north-force|firearms-2023|2', 'north-force|firearms-2023|7', 'south-force|firearms-2023|2', 'south-force|firearms-2023|7']),
    );
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(generate(FIXTURE)).toEqual(rows);
    expect(generate(FIXTURE, undefined, SEED + 1)).not.toEqual(rows);
  });

  it('labels every row illustrative, in source and in any evidence', () => {
    for (const row of rows) {
      expect(row.source).toBe('illustrative');
      if (row.evidence !== null) expect(row.evidence).toMatch(/^Illustrative: /);
    }
  });

  it('uses only canonical statuses', () => {
    for (const row of rows) expect(CANONICAL_STATUSES).toContain(row.status);
  });

  it('dates every update at a quarter end after publication and no later than --until', () => {
    for (const row of rows) {
      expect(isQuarterEnd(row.as_of), row.as_of).toBe(true);
      expect(row.as_of > PUBLISHED && row.as_of <= UNTIL, row.as_of).toBe(true);
    }
  });

  it('never follows complete (or superseded, or not applicable) with another status', () => {
    const byPair = new Map<string, StatusRow[]>();
    for (const row of rows) byPair.set(pairOf(row), [...(byPair.get(pairOf(row)) ?? []), row]);
    for (const history of byPair.values()) {
      const dates = history.map((row) => row.as_of);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
      const finalAt = history.findIndex((row) => ['complete', 'superseded', 'not_applicable'].includes(row.status));
      if (finalAt !== -1) expect(history.slice(finalAt + 1)).toEqual([]);
    }
  });

  it('gives statuses only to recommendations for forces', () => {
    const withNational = { ...FIXTURE, recommendations: [...FIXTURE.recommendations, rec('firearms-2023', 5, '', 'false')] };
    expect(generate(withNational)).toEqual(rows);
  });

  it("leaves other inspections' histories unchanged when an inspection is added", () => {
    const withAnother: DemoInput = {
      ...FIXTURE,
      inspections: [inspection('vawg-2021', '2021-09-17'), ...FIXTURE.inspections],
      recommendations: [rec('vawg-2021', 1, '2021-09-17'), ...FIXTURE.recommendations],
    };
    const firearms = generate(withAnother).filter((row) => row.inspection_id === 'firearms-2023');
    expect(firearms).toEqual(rows);
  });
});

describe('--updates N', () => {
  const natural = generate(FIXTURE);

  it('below the natural count, keeps exactly the first N rows of the natural histories', () => {
    const n = Math.floor(natural.length / 2);
    expect(generate(FIXTURE, n)).toEqual(natural.slice(0, n));
    expect(generate(FIXTURE, 0)).toEqual([]);
  });

  it('above it, adds synthetic inspections with monthly updates until there are exactly N rows', () => {
    const n = natural.length + 2_345;
    const extended = generate(FIXTURE, n);
    expect(extended).toHaveLength(n);
    expect(extended.slice(0, natural.length)).toEqual(natural);
    const synthetic = extended.slice(natural.length);
    for (const row of synthetic) {
      expect(row.inspection_id).toMatch(/^synthetic-\d{3,}$/);
      expect(isMonthEnd(row.as_of), row.as_of).toBe(true);
      expect(row.as_of <= UNTIL).toBe(true);
    }
    expect(synthetic[0]?.inspection_id).toBe('synthetic-001');
  });
});

describe('Arrow output', () => {
  it('loads into DuckDB-wasm with the contract types and the same rows, across batches', async () => {
    const rows = generate(FIXTURE, 3_000);
    const chunks: Uint8Array[] = [];
    const stream = new StatusArrowStream(['north-force', 'south-force'], (chunk) => chunks.push(chunk));
    // Several batches, so new inspections arrive as delta dictionaries, as in the 5M-row benchmark file.
    for (let start = 0; start < rows.length; start += 1_000) await stream.write(rows.slice(start, start + 1_000));
    await stream.close();

    const db = await openNodeConnector();
    await db.insertArrowStream('status_updates', Buffer.concat(chunks));
    const types = (await db.query('DESCRIBE status_updates')).toArray().map((r) => `${r.column_name} ${r.column_type}`);
    expect(types).toEqual([
      'force_id VARCHAR',
      'inspection_id VARCHAR',
      'rec_no INTEGER',
      'status VARCHAR',
      'as_of DATE',
      'evidence VARCHAR',
      'source VARCHAR',
    ]);
    const loaded = (
      await db.query(`SELECT force_id, inspection_id, rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of,
                             evidence, source FROM status_updates`)
    )
      .toArray()
      .map((r) => ({ ...r.toJSON() }));
    expect(loaded).toEqual(rows.map((row) => ({ ...row })));
  });
});
