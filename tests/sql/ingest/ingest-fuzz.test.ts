import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Connector } from '../../../src/lib/db/connector';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { FILE_PROBLEMS } from '../../../src/lib/data/ingest/report/problems';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import { openDemoData } from '../support/demo-data';
import { statusFingerprint } from '../support/ingest-helpers';

/**
 * Issue 15, property-based: whatever bytes a file holds (random bytes; CSV in random dialects with
 * random cells around real forces and recommendations), checking it never crashes, every problem
 * of a row names its row, every problem of a cell its column, and loading it adds exactly the rows
 * the check called loadable: no partial load.
 */
const PROBLEMS_OF_A_WHOLE_ROW = new Set(['ragged_row', 'bad_quote', 'unclosed_quote', 'unreadable_row', 'duplicate_row', 'duplicate_key', 'key_conflict', 'unknown_force_column']);

const dialect = fc.record({
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
});
const cell = fc.oneof(
  fc.constantFrom('Kent', 'Cheshire', 'West Midlands', 'kent', 'Kent Police', 'Atlantis', '', ' ', 'N/A'),
  fc.constantFrom('firearms-2023', 'Firearms 2023', 'nope-1999'),
  fc.constantFrom('R2', 'R3', '2', 'Rec 5', 'R99', 'x'),
  fc.constantFrom('Complete', 'complete', 'In progress', 'Not started', 'Done?', 'pending closure'),
  fc.constantFrom('31/05/2024', '2024-05-31', '05/31/2024', '31/02/2024', '1/1/2019', 'yesterday', '45000'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('"quoted, with comma"', 'a "quote" inside', '=HYPERLINK("x")', '<b>bold</b>', 'line\nbreak'),
);
/** A row as a real file has it, one of its cells sometimes replaced by anything. */
const likelyRow = fc.tuple(
  fc.constantFrom('Kent', 'Cheshire', 'West Midlands', 'Essex', 'Dyfed-Powys'),
  fc.constantFrom('R2', 'R3', '5'),
  fc.constantFrom('Complete', 'In progress', 'Not started'),
  fc.constantFrom('31/05/2024', '2024-01-15', '30/09/2023', '12/12/2024'),
  fc.string({ maxLength: 20 }),
  fc.option(fc.tuple(fc.nat(5), cell), { freq: 3 }),
).map(([force, rec, status, date, evidence, swap]) => {
  const row = [force, 'firearms-2023', rec, status, date, evidence];
  if (swap) row[swap[0]] = swap[1];
  return row;
});
const rows = fc.array(
  fc.oneof({ weight: 3, arbitrary: likelyRow }, { weight: 1, arbitrary: fc.array(cell, { minLength: 4, maxLength: 7 }) }),
  { minLength: 0, maxLength: 25 },
);
const HEADER = ['Force', 'Inspection', 'Rec', 'Status', 'Date', 'Evidence'];

function csvBytes(header: readonly string[], body: readonly string[][], d: { delimiter: string; lineEnd: string; bom: boolean; quoteAll: boolean }): Uint8Array {
  const field = (value: string) =>
    d.quoteAll || value.includes(d.delimiter) || value.includes('"') || /[\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  const text = [header, ...body].map((row) => row.map(field).join(d.delimiter)).join(d.lineEnd) + d.lineEnd;
  return new TextEncoder().encode((d.bom ? '\uFEFF' : '') + text);
}

const file = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(rows, dialect).map(([body, d]) => csvBytes(HEADER, body, d)) },
  { weight: 1, arbitrary: fc.tuple(fc.shuffledSubarray(HEADER, { minLength: 1 }), rows, dialect).map(([header, body, d]) => csvBytes(header, body, d)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) },
);

let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
  await registerShippedLoads(db, '2025-01-01T09:00:00.000Z');
}, 120_000);

describe('checking and loading any file', () => {
  it('never crashes, names the row and column of every problem, and loads exactly what it called loadable', async () => {
    let n = 0;
    // So the property is not vacuous: some generated files load rows, some have row problems.
    let loadedRows = 0;
    let rowProblems = 0;
    await fc.assert(
      fc.asyncProperty(file, async (bytes) => {
        n += 1;
        const prepared = await prepareFile(`fuzz-${n}.csv`, bytes, loadParquetCodec);
        const [staged] = await stageFiles(db, [prepared], { defaultDate: null });
        for (const problem of await allProblems(db, staged!)) {
          if ((FILE_PROBLEMS as readonly string[]).includes(problem.kind)) continue;
          rowProblems += 1;
          expect(problem.row, `${problem.kind} without a row`).toEqual(expect.any(Number));
          expect(problem.row).toBeGreaterThanOrEqual(2);
          if (!PROBLEMS_OF_A_WHOLE_ROW.has(problem.kind)) expect(problem.column, `${problem.kind} without a column`).toEqual(expect.any(String));
        }
        const before = await statusFingerprint(db);
        const loadable = staged!.kind === 'statuses' && staged!.fileProblems.length === 0 ? staged!.loadable : 0;
        await acceptLoad(db, [staged!], { kind: 'add' }, '2025-01-02T09:00:00.000Z');
        expect((await statusFingerprint(db)).rows).toBe(before.rows + loadable);
        loadedRows += loadable;
      }),
      { numRuns: 40, seed: 15 },
    );
    expect(loadedRows).toBeGreaterThan(0);
    expect(rowProblems).toBeGreaterThan(0);
  }, 600_000);
});
