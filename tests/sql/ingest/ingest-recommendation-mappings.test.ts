import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, discardStaged } from '../../../src/lib/data/ingest/loaded/load-changes';
import { problemValues } from '../../../src/lib/data/ingest/report/problem-values';
import { describeProblem } from '../../../src/lib/data/ingest/report/problem-messages';
import { addUserMappings, listUserMappings, removeUserMapping, replaceUserMappings, type MappingKind } from '../../../src/lib/data/ingest/matching/user-mappings';
import { mappingsCsv, readMappingsCsv } from '../../../src/lib/data/ingest/matching/mappings-csv';
import { isKnownMeaning, mappingChoices, recommendationChoices, suggestedMeaning } from '../../../src/lib/data/ingest/matching/mapping-choices';
import { openDemoData } from '../support/demo-data';
import { problemsOf, stage, text } from '../support/ingest-helpers';

const LOADED_AT = '2025-01-01T09:00:00.000Z';

async function openRegisteredDemo(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

const TITLE = 'How effective police forces are in the deployment of firearms';

/** A force's tracker that numbers firearms recommendations its own way ("Rec 2a", "AFI 3", "R4" where there is no 4). */
const TRACKER = [
  'Force,Inspection,Rec ref,Status,Last updated',
  'Kent Police,How effective police forces are in the deployment of firearms,Rec 2a,Complete,31/03/2024',
  'Kent Police,How effective police forces are in the deployment of firearms,Rec 2a,Complete,31/03/2024',
  'Kent Police,How effective police forces are in the deployment of firearms,AFI 3,In progress,15/02/2024',
  'Kent Police,How effective police forces are in the deployment of firearms,R4,Not started,15/02/2024',
  'Kent Police,How effective police forces are in the deployment of firearms,R2,In progress,01/12/2023',
].join('\r\n');

type Row = { force_id: string; inspection_id: string; rec_no: number; status: string; as_of: string };
const rowsFrom = async (db: Connector, source: string): Promise<Row[]> => rowsOf<Row>(await db.query(
  `SELECT force_id, inspection_id, rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of FROM status_updates WHERE source = $1 ORDER BY seq`, [source]));

describe('recommendation references the user maps once, within their inspection', { timeout: 120_000 }, () => {
  it('lists each unknown reference once with the likeliest number, then loads the file whole after mapping', async () => {
    const db = await openRegisteredDemo();
    const numbers = '2, 3, 5, 6, 7, 8, 10, 12';
    const first = await stage(db, 'kent.csv', text(TRACKER));
    expect(first.loadable).toBe(1);
    const values = await problemValues(db, [first]);
    expect(values.map((v) => [v.kind, v.column, v.value, v.rows, v.detail])).toEqual([
      ['unknown_recommendation', 'Rec ref', 'Rec 2a', 2, `firearms-2023||${numbers}|2|${TITLE}`],
      ['unknown_recommendation', 'Rec ref', 'AFI 3', 1, `firearms-2023||${numbers}|3|${TITLE}`],
      ['unknown_recommendation', 'Rec ref', 'R4', 1, `firearms-2023|4|${numbers}||${TITLE}`],
    ]);
    const [rec2a] = (await problemsOf(db, first)).filter((p) => p.value === 'Rec 2a');
    expect(describeProblem({ ...rec2a!, file: 'kent.csv' }).message).toBe(`Not a recommendation of ${TITLE} as written: Rec 2a. Did you mean recommendation 2?`);

    // "Did you mean" and the list offered are the inspection's own recommendations, by number.
    const choices = await mappingChoices(db);
    expect(suggestedMeaning(choices, 'recommendation', values[0]!.detail)).toBe('firearms-2023|2');
    expect(suggestedMeaning(choices, 'recommendation', values[2]!.detail)).toBeNull();
    expect(recommendationChoices(choices, 'firearms-2023').map((c) => c.id).join(', ')).toBe(numbers);
    expect(recommendationChoices(choices, 'firearms-2023')[0]!.name).toMatch(/^Recommendation 2: Chief constables should make sure/);
    await discardStaged(db, [first]);

    await addUserMappings(db, [
      { kind: 'recommendation', written_as: 'Rec 2a', meaning: '2', inspection: 'firearms-2023' },
      { kind: 'recommendation', written_as: 'afi-3', meaning: '3', inspection: 'firearms-2023' },
      { kind: 'recommendation', written_as: 'R4', meaning: '5', inspection: 'firearms-2023' },
      // A reference that already reads as a known number is never overridden.
      { kind: 'recommendation', written_as: 'R2', meaning: '6', inspection: 'firearms-2023' },
    ]);
    const again = await stage(db, 'kent.csv', text(TRACKER));
    expect((await problemsOf(db, again)).map((p) => p.kind)).toEqual(['duplicate_row']);
    await acceptLoad(db, [again], { kind: 'add' }, LOADED_AT);
    expect(await rowsFrom(db, 'kent.csv')).toEqual([
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 2, status: 'complete', as_of: '2024-03-31' },
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 3, status: 'in_progress', as_of: '2024-02-15' },
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 5, status: 'not_started', as_of: '2024-02-15' },
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 2, status: 'in_progress', as_of: '2023-12-01' },
    ]);

    // Removed, the reference is unknown again.
    await removeUserMapping(db, { kind: 'recommendation', written_as: 'R4', meaning: '5', inspection: 'firearms-2023' });
    const after = await stage(db, 'kent-2.csv', text(TRACKER));
    expect((await problemValues(db, [after])).map((v) => v.value)).toEqual(['R4']);
    await discardStaged(db, [after]);
  });

  it('reads a mapping only within its inspection, and never to a recommendation the inspection lacks', async () => {
    const db = await openRegisteredDemo();
    await addUserMappings(db, [
      { kind: 'recommendation', written_as: 'Rec 2a', meaning: '2', inspection: 'some-other-inspection' },
      { kind: 'recommendation', written_as: 'AFI 3', meaning: '4', inspection: 'firearms-2023' },
    ]);
    const staged = await stage(db, 'kent.csv', text(TRACKER));
    expect((await problemValues(db, [staged])).map((v) => v.value)).toEqual(['Rec 2a', 'AFI 3', 'R4']);
    await discardStaged(db, [staged]);
  });

  it('keeps the inspection in the mappings CSV, and reads it back', async () => {
    const db = await openDemoData();
    const mappings = [
      { kind: 'inspection' as const, written_as: 'Firearms 2023', meaning: 'firearms-2023' },
      { kind: 'recommendation' as const, written_as: 'Rec 2a', meaning: '2', inspection: 'firearms-2023' },
    ];
    await replaceUserMappings(db, mappings);
    expect(await listUserMappings(db)).toEqual(mappings);
    const csv = mappingsCsv(mappings);
    expect(csv).toBe('What,Written as,Means,Inspection\r\ninspection,Firearms 2023,firearms-2023,\r\nrecommendation,Rec 2a,2,firearms-2023\r\n');
    const choices = await mappingChoices(db);
    const known = (kind: MappingKind, meaning: string, inspection: string) => isKnownMeaning(choices, kind, meaning, inspection);
    expect(readMappingsCsv(csv, known)).toEqual({ mappings, problems: [] });
    const edited = `${csv}recommendation,AFI 3,4,firearms-2023\r\nrecommendation,AFI 5,5,\r\n`;
    expect(readMappingsCsv(edited, known).problems).toEqual([
      'Row 4: "4" is not a recommendation Oversight knows in firearms-2023.',
      'Row 5: a recommendation needs its Inspection.',
    ]);
  });
});
