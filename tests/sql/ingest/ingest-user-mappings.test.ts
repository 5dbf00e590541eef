import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, discardStaged } from '../../../src/lib/data/ingest/loaded/load-changes';
import { problemValues } from '../../../src/lib/data/ingest/report/problem-values';
import { problemsCsv } from '../../../src/lib/data/ingest/report/problems-csv';
import { addUserMappings, listUserMappings, removeUserMapping, replaceUserMappings, type MappingKind } from '../../../src/lib/data/ingest/matching/user-mappings';
import { mappingsCsv, readMappingsCsv } from '../../../src/lib/data/ingest/matching/mappings-csv';
import { isKnownMeaning, mappingChoices } from '../../../src/lib/data/ingest/matching/mapping-choices';
import { readMappingTables } from '../../../src/lib/data/ingest/vocabulary/mapping-views';
import { openDemoData } from '../support/demo-data';
import { fixture, problemsOf, stage, text } from '../support/ingest-helpers';

const LOADED_AT = '2025-01-01T09:00:00.000Z';

async function openRegisteredDemo(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

type Row = { force_id: string; inspection_id: string; rec_no: number; status: string; as_of: string };
const rowsFrom = async (db: Connector, source: string): Promise<Row[]> => rowsOf<Row>(await db.query(
  `SELECT force_id, inspection_id, rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of FROM status_updates WHERE source = $1 ORDER BY seq`, [source]));

describe('one problem per distinct value', { timeout: 120_000 }, () => {
  it('reports 344 rows of one unknown title as one line, with its rows and the closest inspection', async () => {
    const db = await openRegisteredDemo();
    const lines = ['Force,Report,Rec,Status,Date'];
    const forces = ['Kent', 'Surrey', 'Sussex', 'Essex'];
    for (let k = 0; k < 344; k += 1) lines.push(`${forces[k % 4]},Inspection of how effective forces deploy firearms,${2 + (k % 2)},Complete,${String(1 + (k % 28)).padStart(2, '0')}/03/2024`);
    lines.push('Kent,firearms-2023,R2,Finished-ish,31/03/2024');
    const staged = await stage(db, 'tracker.csv', text(lines.join('\r\n')));
    expect(staged.loadable).toBe(0);
    const values = await problemValues(db, [staged]);
    expect(values).toEqual([
      { file: 'tracker.csv', kind: 'unknown_inspection', column: 'Report', value: 'Inspection of how effective forces deploy firearms', detail: 'An inspection of how effective police forces are in the deployment of firearms', rows: 344, firstRow: 2, lastRow: 345 },
      { file: 'tracker.csv', kind: 'unknown_status', column: 'Status', value: 'Finished-ish', detail: null, rows: 1, firstRow: 346, lastRow: 346 },
    ]);
    // The whole list downloads, one row per problem.
    const csv = (await problemsCsv(db, [staged])).trim().split('\r\n');
    expect(csv).toHaveLength(1 + 345);
    expect(csv[0]).toBe('File,Row,Column,Value,Problem,What was found,Expected');
    expect(csv[1]).toMatch(/^tracker\.csv,2,Report,Inspection of how effective forces deploy firearms,Unknown inspection,"Unknown inspection: Inspection of how effective forces deploy firearms\. Did you mean ""An inspection of how effective police forces are in the deployment of firearms""\?",/);
    await discardStaged(db, [staged]);
  });
});

describe('mappings the user makes once', { timeout: 120_000 }, () => {
  it('maps an inspection title, status words and a force spelling; the file then loads whole, and next quarter in one step', async () => {
    const db = await openRegisteredDemo();
    const first = await stage(db, 'essex-q1.csv', fixture('trackers/essex-firearms-own-words.csv'));
    expect(first.loadable).toBe(0);
    const values = await problemValues(db, [first]);
    expect(values.map((v) => [v.kind, v.value, v.rows, v.detail])).toEqual([
      ['unknown_inspection', 'Firearms (HMICFRS 2023)', 4, 'An inspection of how effective police forces are in the deployment of firearms'],
      ['unknown_status', 'Sorted', 2, null],
      ['unknown_status', 'WIP', 2, null],
      ['unknown_force', 'Essex Pol.', 1, 'Essex'],
    ]);
    await discardStaged(db, [first]);

    await addUserMappings(db, [
      { kind: 'inspection', written_as: 'Firearms (HMICFRS 2023)', meaning: 'firearms-2023' },
      { kind: 'status', written_as: 'Sorted', meaning: 'complete' },
      { kind: 'status', written_as: 'WIP', meaning: 'in_progress' },
      { kind: 'force', written_as: 'Essex Pol.', meaning: 'essex' },
    ]);
    const again = await stage(db, 'essex-q1.csv', fixture('trackers/essex-firearms-own-words.csv'));
    expect(await problemsOf(db, again)).toEqual([]);
    await acceptLoad(db, [again], { kind: 'add' }, LOADED_AT);
    expect(await rowsFrom(db, 'essex-q1.csv')).toEqual([
      { force_id: 'essex', inspection_id: 'firearms-2023', rec_no: 2, status: 'complete', as_of: '2024-05-31' },
      { force_id: 'essex', inspection_id: 'firearms-2023', rec_no: 3, status: 'complete', as_of: '2023-09-30' },
      { force_id: 'essex', inspection_id: 'firearms-2023', rec_no: 5, status: 'in_progress', as_of: '2024-01-15' },
      { force_id: 'essex', inspection_id: 'firearms-2023', rec_no: 6, status: 'in_progress', as_of: '2023-11-01' },
    ]);

    // Next quarter's file writes them in other cases: the same keys, so it loads in one step.
    const next = await stage(db, 'essex-q2.csv', fixture('trackers/essex-firearms-next-quarter.csv'));
    expect(await problemsOf(db, next)).toEqual([]);
    await acceptLoad(db, [next], { kind: 'add' }, LOADED_AT);
    expect((await rowsFrom(db, 'essex-q2.csv')).map((r) => [r.rec_no, r.status])).toEqual([[6, 'complete'], [7, 'in_progress']]);

    // They are in the very tables the shipped vocabulary is in, which the Data view lists.
    const tables = await readMappingTables(db);
    expect(tables.statusWords.filter((w) => w.reading === 'your mapping').map((w) => [w.word, w.status])).toEqual([['Sorted', 'complete'], ['WIP', 'in_progress']]);
    expect(tables.inspections.find((i) => i.inspection_id === 'firearms-2023')!.also.split('\n')).toEqual([
      'https://hmicfrs.justiceinspectorates.gov.uk/publication-html/how-effective-police-forces-are-in-the-deployment-of-firearms/',
      'Firearms (HMICFRS 2023)',
    ]);
    expect(tables.forceNames.filter((f) => f.kind === 'your mapping').map((f) => [f.written_as, f.name])).toEqual([['Essex Pol.', 'Essex']]);
  });

  it('never lets a mapping override a shipped word, and a removed mapping stops matching', async () => {
    const db = await openRegisteredDemo();
    await addUserMappings(db, [{ kind: 'status', written_as: 'Complete', meaning: 'not_started' }, { kind: 'status', written_as: 'Sorted', meaning: 'complete' }]);
    const csv = 'Force,Inspection,Recommendation,Status,Date\nKent,firearms-2023,2,COMPLETE,31/05/2024\nKent,firearms-2023,3,sorted,31/05/2024\n';
    const staged = await stage(db, 'kent.csv', text(csv));
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    expect((await rowsFrom(db, 'kent.csv')).map((r) => r.status)).toEqual(['complete', 'complete']);

    await removeUserMapping(db, { kind: 'status', written_as: 'Sorted', meaning: 'complete' });
    const after = await stage(db, 'kent-2.csv', text(csv));
    expect((await problemsOf(db, after)).map((p) => p.value)).toEqual(['sorted']);
    await discardStaged(db, [after]);
  });

  it('downloads as a small CSV and reads back the same, reporting rows it cannot use', async () => {
    const db = await openDemoData();
    const mappings = [
      { kind: 'inspection' as const, written_as: 'Firearms, HMICFRS "2023"', meaning: 'firearms-2023' },
      { kind: 'status' as const, written_as: 'Sorted', meaning: 'complete' },
      { kind: 'force' as const, written_as: '=Essex', meaning: 'essex' },
    ];
    await replaceUserMappings(db, mappings);
    const csv = mappingsCsv(await listUserMappings(db));
    expect(csv).toBe('What,Written as,Means\r\ninspection,"Firearms, HMICFRS ""2023""",firearms-2023\r\nstatus word,Sorted,complete\r\nforce,\'=Essex,essex\r\n');
    const choices = await mappingChoices(db);
    const known = (kind: MappingKind, meaning: string, inspection: string) => isKnownMeaning(choices, kind, meaning, inspection);
    expect(readMappingsCsv(csv, known)).toEqual({ mappings, problems: [] });
    const edited = `${csv}colour,Blue,complete\r\nstatus word,Done,finished\r\nforce,,kent\r\n`;
    expect(readMappingsCsv(edited, known).problems).toEqual([
      'Row 5: "colour" is not one of force, inspection, status word, recommendation.',
      'Row 6: "finished" is not a status word Oversight knows.',
      'Row 7: Written as is empty.',
    ]);
  });
});
