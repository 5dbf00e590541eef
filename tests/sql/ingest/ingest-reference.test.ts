import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { headlineFast } from '../../../src/lib/metrics/preagg/national-fast.sql';
import { responses } from '../../../src/lib/metrics/force/responses.sql';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { openDemoData } from '../support/demo-data';
import { fixture, problemsOf, statusFingerprint, text } from '../support/ingest-helpers';
import { nodeTableToIpc } from '../../../src/lib/db/node-table-ipc';
import { installMemoryOpfs } from '../support/memory-opfs';
import { restoreSavedData, saveLoadedData } from '../../../src/lib/data/ingest/loaded/saved-data-opfs';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import type { StagedFile } from '../../../src/lib/data/ingest/stage/stage-file';
import { describeProblem } from '../../../src/lib/data/ingest/report/problem-messages';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { listLoads, listReferenceTables, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, discardStaged, removeLoad, undoLastChange } from '../../../src/lib/data/ingest/loaded/load-changes';
import { referenceTemplateCsv } from '../../../src/lib/data/export/reference-templates';

/**
 * Inspections, recommendations and responses files: recognised from their headers, checked
 * against the loaded data and the batch's own files, loaded as entries that remove and undo.
 * The benchmark's files come from the generator itself, run here at 10,000 updates.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';
const generated = mkdtempSync(join(tmpdir(), 'oversight-generated-'));
const generatedFile = (name: string) => new Uint8Array(readFileSync(join(generated, name)));
/** The synthetic inspections the generator added to reach 10,000 rows (it depends on the demo's natural histories). */
const syntheticInspections = () =>
  readFileSync(join(generated, 'inspections.csv'), 'utf8').split('\n').filter((line) => line.startsWith('synthetic-')).length;

beforeAll(() => {
  execFileSync('npx', ['tsx', 'scripts/generate-statuses.ts', '--updates', '10000', '--out-dir', generated,
    '--out-csv', join(generated, 'statuses.csv'), '--out-arrow', join(generated, 'statuses.arrows')], { stdio: 'pipe' });
});
afterAll(() => rmSync(generated, { recursive: true, force: true }));

async function openRegisteredDemo(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

async function stageAll(db: Connector, files: Record<string, Uint8Array>): Promise<StagedFile[]> {
  const prepared = await Promise.all(Object.entries(files).map(([name, bytes]) => prepareFile(name, bytes, loadParquetCodec)));
  return stageFiles(db, prepared, { defaultDate: null });
}

const count = async (db: Connector, sql: string) => rowsOf<{ n: number }>(await db.query(`SELECT (${sql})::INTEGER AS n`))[0]!.n;

describe("the generator's files, dropped together in any order", () => {
  it('are recognised by their headers and checked against each other before anything is loaded', async () => {
    const db = await openRegisteredDemo();
    // Statuses first in the drop: they are still checked after the inspections and recommendations.
    const staged = await stageAll(db, {
      'statuses.csv': generatedFile('statuses.csv'),
      'recommendations.csv': generatedFile('recommendations.csv'),
      'inspections.csv': generatedFile('inspections.csv'),
    });
    // The generated reference files repeat the 10 shipped inspections and 20 shipped recommendations
    // as they are (already loaded), and add the synthetic inspections of 10 recommendations each.
    const added = syntheticInspections();
    expect(added).toBeGreaterThan(0);
    expect(staged.map((f) => [f.name, f.kind, f.statuses, f.loadable, f.alreadyLoaded, f.rowProblems])).toEqual([
      ['statuses.csv', 'statuses', 10_000, 10_000, 0, 0],
      ['recommendations.csv', 'recommendations', 20 + 10 * added, 10 * added, 20, 0],
      ['inspections.csv', 'inspections', 10 + added, added, 10, 0],
    ]);
    expect(await count(db, 'SELECT count(*) FROM inspections')).toBe(10);
    expect(await count(db, 'SELECT count(*) FROM recommendations')).toBe(20);
    await discardStaged(db, staged);
  });

  it('without the inspections and recommendations, the synthetic statuses are refused', async () => {
    const db = await openRegisteredDemo();
    const [staged] = await stageAll(db, { 'statuses.csv': generatedFile('statuses.csv') });
    // Rows whose second column names a synthetic inspection (the generator writes no line breaks in cells).
    const synthetic = readFileSync(join(generated, 'statuses.csv'), 'utf8').split('\n').filter((line) => /^[^,]+,synthetic-/.test(line)).length;
    const problems = await allProblems(db, staged!);
    expect(synthetic).toBeGreaterThan(0);
    expect(problems.map((p) => p.kind)).toEqual(Array(synthetic).fill('unknown_inspection'));
    expect(staged!.loadable).toBe(10_000 - synthetic);
  });

  it('load in one transaction: the headline counts the new recommendations, plain and pre-aggregated', async () => {
    const db = await openRegisteredDemo();
    const asOf = '2026-09-30';
    const before = await headline(db, defaultFilters(asOf));
    const illustrative = (await listLoads(db)).find((e) => e.source === 'illustrative')!;
    const staged = await stageAll(db, {
      'inspections.csv': generatedFile('inspections.csv'),
      'recommendations.csv': generatedFile('recommendations.csv'),
      'statuses.csv': generatedFile('statuses.csv'),
    });
    const added = await acceptLoad(db, staged, { kind: 'replace', loadIds: [illustrative.load_id] }, LOADED_AT);
    expect(added.map((e) => [e.label, e.kind, e.rows])).toEqual([
      ['inspections.csv', 'inspections', syntheticInspections()], ['recommendations.csv', 'recommendations', 10 * syntheticInspections()],
      ['statuses.csv', 'statuses', 10_000]]);
    await refreshPreaggregates(db);
    const after = await headline(db, defaultFilters(asOf));
    // Every for-forces recommendation of a report published by the date is tracked.
    const tracked = await count(db, `SELECT count(*) FROM recommendations r JOIN inspections i USING (inspection_id)
      WHERE r.for_forces AND i.published <= DATE '${asOf}'`);
    expect(after.recommendations).toBe(tracked);
    expect(after.recommendations).toBe(before.recommendations + 10 * syntheticInspections());
    expect(await headlineFast(db, defaultFilters(asOf))).toEqual(after);
    // The entries list the shipped rows apart from the user's.
    expect((await listReferenceTables(db)).map((t) => [t.table, t.rows])).toEqual([
      ['forces', 43], ['inspections', 10], ['recommendations', 20], ['responses', 3]]);
  });

  it('an inspections file is not removed while files use it; removing those first, then it, leaves the shipped rows; undo brings it back', async () => {
    const db = await openRegisteredDemo();
    const added = await acceptLoad(db, await stageAll(db, {
      'inspections.csv': generatedFile('inspections.csv'),
      'recommendations.csv': generatedFile('recommendations.csv'),
      'statuses.csv': generatedFile('statuses.csv'),
    }), { kind: 'add' }, LOADED_AT);
    const [inspections, recommendations, statuses] = added;
    await expect(removeLoad(db, inspections!.load_id)).rejects.toThrow(
      'inspections.csv cannot be removed while recommendations.csv, statuses.csv use its inspections: remove those files first.');
    await expect(removeLoad(db, recommendations!.load_id)).rejects.toThrow(
      'recommendations.csv cannot be removed while statuses.csv uses its recommendations: remove that file first.');
    await removeLoad(db, statuses!.load_id);
    await removeLoad(db, recommendations!.load_id);
    await removeLoad(db, inspections!.load_id);
    expect(await count(db, 'SELECT count(*) FROM inspections')).toBe(10);
    expect(await count(db, 'SELECT count(*) FROM recommendations')).toBe(20);
    await undoLastChange(db);
    expect(await count(db, `SELECT count(*) FROM inspections WHERE kind = 'synthetic'`)).toBe(syntheticInspections());
    expect((await listLoads(db)).map((e) => e.label)).toContain('inspections.csv');
  });
});

describe('each kind on its own', () => {
  it('inspections: a new report loads; its statuses then load in a later drop', async () => {
    const db = await openRegisteredDemo();
    const [inspections] = await stageAll(db, {
      'my-inspections.csv': text('Report ID,Report title,Date published,Type,Link\ncustody-2025,Custody suites (test),14/03/2025,force report,\n'),
    });
    expect([inspections!.kind, inspections!.loadable, inspections!.rowProblems]).toEqual(['inspections', 1, 0]);
    await acceptLoad(db, [inspections!], { kind: 'add' }, LOADED_AT);
    expect(rowsOf(await db.query(`SELECT inspection_id, title, strftime(published, '%Y-%m-%d') AS published, kind, source_url FROM inspections WHERE inspection_id = 'custody-2025'`)))
      .toEqual([{ inspection_id: 'custody-2025', title: 'Custody suites (test)', published: '2025-03-14', kind: 'force report', source_url: null }]);
    const [recs] = await stageAll(db, {
      'my-recs.csv': text('Inspection,Recommendation,Wording,Deadline\nCustody suites (test),R1,Check cells hourly,Within three months\n'),
    });
    await acceptLoad(db, [recs!], { kind: 'add' }, LOADED_AT);
    expect(rowsOf(await db.query(`SELECT rec_no, for_forces, due_text, strftime(due_date, '%Y-%m-%d') AS due_date FROM recommendations WHERE inspection_id = 'custody-2025'`)))
      .toEqual([{ rec_no: 1, for_forces: true, due_text: 'Within three months', due_date: '2025-06-14' }]);
  });

  it('responses: a dated response shows in the force view\'s section-55 responses, on time', async () => {
    const db = await openRegisteredDemo();
    const [file] = await stageAll(db, {
      'kent-responses.csv': text('Force,Inspection,Published,URL,Note\nKent Police,firearms-2023,01/09/2023,https://www.kent-pcc.gov.uk/firearms,From the PCC site\n'),
    });
    expect([file!.kind, file!.loadable, file!.rowProblems]).toEqual(['responses', 1, 0]);
    await acceptLoad(db, [file!], { kind: 'add' }, LOADED_AT);
    const rows = await responses(db, defaultFilters('2024-01-01'), { forces: ['kent'], inspection: 'firearms-2023', recordedOnly: true });
    // 11 July 2023 is day 1, so 1 September 2023 is day 53: within the 56 days.
    expect(rows.map((r) => [r.force_id, r.response_published, r.response_day, r.url, r.state]))
      .toEqual([['kent', '2023-09-01', 53, 'https://www.kent-pcc.gov.uk/firearms', 'on_time']]);
  });

  it('two inspections files in one drop: the second is checked against the first', async () => {
    const db = await openRegisteredDemo();
    const staged = await stageAll(db, {
      'a.csv': text('Inspection,Title,Published\ncustody-2025,Custody suites (test),2025-03-14\n'),
      'b.csv': text('Inspection,Title,Published\ncustody-2025,Custody suites (test),2025-03-14\ncustody-2025b,Another (test),2025-03-15\ncustody-2025,Custody (other title),2025-03-14\n'),
    });
    expect(staged.map((f) => [f.loadable, f.alreadyLoaded])).toEqual([[1, 0], [1, 1]]);
    expect((await allProblems(db, staged[1]!)).map((p) => [p.row, describeProblem(p).message])).toEqual([
      [4, 'This row gives custody-2025 again; row 2 gave it first.']]);
  });

  it('headers that fit no kind say what each kind needs', async () => {
    const db = await openRegisteredDemo();
    const [file] = await stageAll(db, { 'other.csv': text('Name,Colour\nWidget,Blue\n') });
    expect(describeProblem(file!.fileProblems[0]!).expected).toBe(
      'the columns of one kind: statuses: Force, Inspection, Recommendation, Status, Date (or Inspection, Recommendation, Date and a column per force); '
      + 'inspections: Inspection, Title, Published (Kind, Source URL optional); '
      + 'recommendations: Inspection, Recommendation (Text, Addressee, For forces, Due, Due date, Source URL optional); '
      + 'responses: Force, Inspection (Published, URL, Note optional)');
  });

  it('a recommendations file as a tracker writes it: each cell that cannot be read is named once, the clean row loads', async () => {
    const db = await openRegisteredDemo();
    const [file] = await stageAll(db, { 'recs.csv': text([
      'Inspection,Recommendation,Text,For forces,Due,Due date',
      'firearms-2023,90,A clean row,yes,By 31 July 2024,31/07/2024',
      ',91,No inspection,yes,,',
      'firearms-2099,92,An inspection nobody published,yes,,',
      'firearms-2023,nine,A number in words,yes,,',
      'firearms-2023,93,Not a yes or a no,perhaps,,',
      'firearms-2023,94,A deadline no one can date,yes,Soon-ish,',
      'firearms-2023,95,Due before the report,yes,,01/01/2020',
      'firearms-2023,96,A readable deadline but an impossible date,yes,By 31 July 2024,31/13/2024',
      'firearms-2023,,No number,yes,,',
    ].join('\n') + '\n') });
    expect((await problemsOf(db, file!)).map((p) => [p.row, p.kind]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, 'empty_value'], [4, 'unknown_inspection'], [5, 'bad_recommendation'], [6, 'bad_yes_no'],
      [7, 'due_text_unread'], [8, 'due_before_publication'], [9, 'date_impossible'], [10, 'empty_value'],
    ]);
    expect(file!.loadable).toBe(1);
  });

  it('the three reference templates load together with no problem', async () => {
    const db = await openRegisteredDemo();
    const staged = await stageAll(db, {
      'responses.csv': text(referenceTemplateCsv('responses')),
      'recommendations.csv': text(referenceTemplateCsv('recommendations')),
      'inspections.csv': text(referenceTemplateCsv('inspections')),
    });
    expect(await Promise.all(staged.map((f) => problemsOf(db, f)))).toEqual([[], [], []]);
    expect(staged.map((f) => [f.kind, f.loadable])).toEqual([['responses', 1], ['recommendations', 3], ['inspections', 1]]);
  });
});

describe('saved in this browser', () => {
  const referenceRows = async (db: Connector) => rowsOf(await db.query(
    `SELECT (SELECT count(*) FROM inspections)::INTEGER AS inspections, (SELECT count(*) FROM recommendations)::INTEGER AS recommendations,
            (SELECT count(*) FROM responses)::INTEGER AS responses, (SELECT count(*) FROM status_updates)::INTEGER AS statuses`));

  it("the user's inspections, recommendations and responses come back after a reload, with their entries", async () => {
    const root = installMemoryOpfs();
    const db = await openRegisteredDemo();
    await acceptLoad(db, await stageAll(db, {
      'inspections.csv': generatedFile('inspections.csv'),
      'recommendations.csv': generatedFile('recommendations.csv'),
      'statuses.csv': generatedFile('statuses.csv'),
      'responses.csv': text('Force,Inspection,Published\nKent,synthetic-001,2023-05-20\n'),
    }), { kind: 'add' }, LOADED_AT);
    await saveLoadedData(db, undefined, nodeTableToIpc);
    const saved = JSON.parse(await root.folders.get('oversight')!.files.get('loads.json')!.text());
    expect([saved.version, saved.reference]).toEqual([3, { inspections: syntheticInspections(), recommendations: 10 * syntheticInspections(), responses: 1 }]);

    const fresh = await openDemoData();
    expect(await restoreSavedData(fresh)).toBe(saved.savedAt);
    expect(await referenceRows(fresh)).toEqual(await referenceRows(db));
    expect(await listLoads(fresh)).toEqual(await listLoads(db));
    // Entries restored with their rows: the inspections still refuse removal while used.
    const inspections = (await listLoads(fresh)).find((e) => e.label === 'inspections.csv')!;
    await expect(removeLoad(fresh, inspections.load_id)).rejects.toThrow('inspections.csv cannot be removed while');
  });

  it('a save from before reference files (version 1: statuses only, entries without a kind) still restores', async () => {
    const root = installMemoryOpfs();
    const db = await openRegisteredDemo();
    await acceptLoad(db, await stageAll(db, { 'long.csv': fixture('valid/long.csv') }), { kind: 'add' }, LOADED_AT);
    await saveLoadedData(db, undefined, nodeTableToIpc);
    const folder = root.folders.get('oversight')!;
    const current = JSON.parse(await folder.files.get('loads.json')!.text());
    const version1 = { version: 1, savedAt: current.savedAt, rows: current.rows,
      loads: current.loads.map(({ kind: _kind, ...entry }: { kind: string }) => entry) };
    folder.files.set('loads.json', new Blob([JSON.stringify(version1)]));
    for (const name of [...folder.files.keys()]) if (name.startsWith('user_')) folder.files.delete(name);
    // Version 1 kept the statuses in one file (this save is one slice).
    folder.files.set('status_updates.arrows', folder.files.get('status_updates-0.arrows')!);
    folder.files.delete('status_updates-0.arrows');

    const fresh = await openDemoData();
    expect(await restoreSavedData(fresh)).toBe(current.savedAt);
    expect((await listLoads(fresh)).map((e) => [e.label, e.kind])).toEqual([
      ['Illustrative statuses (generated demo data)', 'statuses'], ['Statuses read from PCC responses', 'statuses'], ['long.csv', 'statuses']]);
    expect(await statusFingerprint(fresh)).toEqual(await statusFingerprint(db));
    const { statuses: _restored, ...reference } = (await referenceRows(fresh))[0] as Record<string, number>;
    expect(reference).toEqual({ inspections: 10, recommendations: 20, responses: 3 });
  });
});
