import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { engineTableToStream } from '../support/engine-arrow';
import { openDemoData } from '../support/demo-data';
import { fixture, stage, statusFingerprint, text } from '../support/ingest-helpers';
import { registerShippedLoads, listLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, lastUndoable, removeLoad, undoLastChange } from '../../../src/lib/data/ingest/loaded/load-changes';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import { createMappingTables } from '../../../src/lib/data/ingest/vocabulary/mapping-tables';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { datasetCsv } from '../../../src/lib/data/export/dataset-csv';
import { datasetParquet } from '../../../src/lib/data/export/dataset-parquet';
import { templateCsv } from '../../../src/lib/data/export/template-csv';

const LOADED_AT = '2025-01-01T09:00:00.000Z';

async function openRegisteredDemo(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

type Row = { force_id: string; inspection_id: string; rec_no: number; status: string; as_of: string; evidence: string | null; source: string };
const userRows = async (db: Connector, source: string): Promise<Row[]> => rowsOf<Row>(await db.query(
  `SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM status_updates WHERE source = $1 ORDER BY seq`, [source]));


describe('valid files', () => {
  it('long: every way of writing a force, recommendation, status and date reads to the canonical row', async () => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, 'long.csv', fixture('valid/long.csv'));
    expect([staged.shape, staged.statuses, staged.loadable, staged.rowProblems]).toEqual(['long', 12, 12, 0]);
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    expect(await userRows(db, 'long.csv')).toEqual([
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 2, status: 'complete', as_of: '2024-05-31', evidence: 'Regional rota live', source: 'long.csv' },
      { force_id: 'kent', inspection_id: 'firearms-2023', rec_no: 3, status: 'complete', as_of: '2023-09-30', evidence: 'Tracking fitted to all ARVs', source: 'long.csv' },
      { force_id: 'surrey', inspection_id: 'firearms-2023', rec_no: 2, status: 'in_progress', as_of: '2024-05-31', evidence: 'Rota agreed with Sussex', source: 'long.csv' },
      { force_id: 'sussex', inspection_id: 'firearms-2023', rec_no: 2, status: 'in_progress', as_of: '2024-05-31', evidence: null, source: 'long.csv' },
      { force_id: 'essex', inspection_id: 'firearms-2023', rec_no: 5, status: 'pending_closure', as_of: '2024-01-15', evidence: 'Observations logged', source: 'long.csv' },
      { force_id: 'metropolitan', inspection_id: 'firearms-2023', rec_no: 5, status: 'complete', as_of: '2024-02-01', evidence: 'Commanders observed tactics, see log', source: 'long.csv' },
      { force_id: 'devon-and-cornwall', inspection_id: 'firearms-2023', rec_no: 6, status: 'not_started', as_of: '2023-11-01', evidence: null, source: 'long.csv' },
      { force_id: 'greater-manchester', inspection_id: 'group-cse-2023', rec_no: 2, status: 'in_progress', as_of: '2024-03-31', evidence: 'Review under way', source: 'long.csv' },
      { force_id: 'west-yorkshire', inspection_id: 'group-cse-2023', rec_no: 4, status: 'complete', as_of: '2024-06-30', evidence: null, source: 'long.csv' },
      { force_id: 'dyfed-powys', inspection_id: 'disproportionality-2021', rec_no: 1, status: 'complete', as_of: '2022-06-30', evidence: 'Scrutiny panel in place', source: 'long.csv' },
      { force_id: 'south-wales', inspection_id: 'disproportionality-2021', rec_no: 2, status: 'not_applicable', as_of: '2021-05-01', evidence: 'Does not use the power', source: 'long.csv' },
      { force_id: 'hampshire', inspection_id: 'acquisitive-crime-2022', rec_no: 1, status: 'complete', as_of: '2023-02-28', evidence: '<img src=x onerror=alert(1)>', source: 'long.csv' },
    ]);
  });

  it('history: titles for inspections, RAG and register words, a Source column, quoted line breaks', async () => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, 'history.csv', fixture('valid/history.csv'));
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    const rows = await userRows(db, 'Force tracker');
    expect(rows.map((r) => [r.force_id, r.rec_no, r.status, r.as_of])).toEqual([
      ['northumbria', 2, 'not_started', '2023-07-12'],
      ['northumbria', 2, 'in_progress', '2023-11-30'],
      ['northumbria', 2, 'complete', '2024-07-31'],
      ['cleveland', 3, 'in_progress', '2023-10-01'],
      ['cleveland', 3, 'pending_closure', '2023-12-01'],
    ]);
    expect(rows[1]!.evidence).toBe('Draft rota shared with\nDurham and Cleveland');
    expect((await userRows(db, 'HMICFRS register')).map((r) => r.status)).toEqual(['not_started', 'in_progress', 'complete']);
  });

  it('wide: one status per filled force cell, forces named by name, alias, ONS code and slug', async () => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, 'wide.csv', fixture('valid/wide.csv'));
    expect([staged.shape, staged.statuses, staged.loadable]).toEqual(['wide', 16, 16]);
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    const rows = await userRows(db, 'wide.csv');
    expect(rows.filter((r) => r.rec_no === 2).map((r) => [r.force_id, r.status])).toEqual([
      ['metropolitan', 'complete'], ['devon-and-cornwall', 'in_progress'], ['greater-manchester', 'complete'],
      ['kent', 'complete'], ['avon-and-somerset', 'in_progress'],
    ]);
    expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set(['2024-03-31']));
  });

  it.each(['statuses.parquet', 'statuses.arrow', 'statuses.arrows'])('%s: typed columns (integers, dates) read like CSV text', async (file) => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, file, fixture(`valid/${file}`));
    expect([staged.format, staged.loadable, staged.rowProblems]).toEqual([file.endsWith('.parquet') ? 'parquet' : 'arrow', 5, 0]);
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    expect((await userRows(db, file)).map((r) => [r.force_id, r.rec_no, r.status, r.as_of])).toEqual([
      ['lancashire', 2, 'complete', '2024-04-30'],
      ['lancashire', 3, 'complete', '2023-10-15'],
      ['merseyside', 2, 'in_progress', '2024-04-30'],
      ['cumbria', 7, 'pending_closure', '2023-10-20'],
      ['cheshire', 8, 'complete', '2023-08-01'],
    ]);
  });

  it('Windows-1252 text keeps its curly quotes and dashes', async () => {
    const db = await openRegisteredDemo();
    await acceptLoad(db, [await stage(db, 'windows-1252.csv', fixture('malformed/windows-1252.csv'))], { kind: 'add' }, LOADED_AT);
    expect((await userRows(db, 'windows-1252.csv')).map((r) => r.evidence)).toEqual(['Chief’s sign-off']);
  });

  it('a file without a Date column loads when the user gives the date', async () => {
    const db = await openRegisteredDemo();
    const csv = 'Force,Inspection,Rec,Status\nKent,firearms-2023,2,Complete\n';
    const refused = await stage(db, 'no-date.csv', text(csv));
    expect(refused.fileProblems.map((p) => p.kind)).toEqual(['missing_columns']);
    const staged = await stage(db, 'no-date.csv', text(csv), '2024-02-29');
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    expect((await userRows(db, 'no-date.csv')).map((r) => r.as_of)).toEqual(['2024-02-29']);
  });
});

describe('loading replaces, removes and undoes, whole or not at all', () => {
  it('replacing the illustrative statuses changes the headline and drops the illustrative label', async () => {
    const db = await openRegisteredDemo();
    const asOf = '2024-08-01';
    const before = await headline(db, defaultFilters(asOf));
    const [illustrative] = (await listLoads(db)).filter((entry) => entry.source === 'illustrative');
    const staged = await stage(db, 'long.csv', fixture('valid/long.csv'));
    await acceptLoad(db, [staged], { kind: 'replace', loadIds: [illustrative!.load_id] }, LOADED_AT);
    expect((await dataExtent(db)).sources).toEqual(['PCC response', 'long.csv']);
    const after = await headline(db, defaultFilters(asOf));
    expect(after.complete).not.toBe(before.complete);
    expect((await listLoads(db)).map((e) => [e.label, e.rows])).toEqual([
      ['Statuses read from PCC responses', 16], ['long.csv', 12]]);
    expect(await lastUndoable(db)).toEqual({ description: 'Replace of Illustrative statuses (generated demo data) by long.csv' });
  });

  it.each(['long.csv', 'wide.csv', 'history.csv', 'statuses.parquet', 'statuses.arrow', 'statuses.arrows'])(
    '%s in place of the illustrative statuses changes the national numbers', async (file) => {
      const db = await openRegisteredDemo();
      const asOf = (await dataExtent(db)).lastUpdate!;
      const before = await headline(db, defaultFilters(asOf));
      const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
      await acceptLoad(db, [await stage(db, file, fixture(`valid/${file}`))], { kind: 'replace', loadIds: [illustrative.load_id] }, LOADED_AT);
      const after = await headline(db, defaultFilters(asOf));
      // Only the file's statuses and the 16 from PCC responses remain.
      const [counted] = rowsOf<{ complete: number }>(await db.query(`SELECT count(*)::INTEGER AS complete FROM (
        SELECT arg_max(status, (as_of, seq)) AS status FROM status_updates WHERE as_of <= $1::DATE
        GROUP BY force_id, inspection_id, rec_no) WHERE status = 'complete'`, [asOf]));
      expect(after.complete).toBe(counted!.complete);
      expect(after.complete).not.toBe(before.complete);
    });

  it('undo of a replace restores the replaced rows exactly, and takes out the new ones', async () => {
    const db = await openRegisteredDemo();
    const original = await statusFingerprint(db);
    const loadsBefore = await listLoads(db);
    const staged = await stage(db, 'long.csv', fixture('valid/long.csv'));
    await acceptLoad(db, [staged], { kind: 'replace', loadIds: [loadsBefore.find((e) => e.source === 'illustrative')!.load_id] }, LOADED_AT);
    expect(await statusFingerprint(db)).not.toEqual(original);
    await undoLastChange(db);
    expect(await statusFingerprint(db)).toEqual(original);
    expect(await listLoads(db)).toEqual(loadsBefore);
    expect(await lastUndoable(db)).toBeNull();
  });

  it('remove takes out exactly one file\'s rows; undo brings them back', async () => {
    const db = await openRegisteredDemo();
    const original = await statusFingerprint(db);
    const [entry] = await acceptLoad(db, [await stage(db, 'wide.csv', fixture('valid/wide.csv'))], { kind: 'add' }, LOADED_AT);
    const withWide = await statusFingerprint(db);
    expect(withWide.rows).toBe(original.rows + 16);
    await removeLoad(db, entry!.load_id);
    expect(await statusFingerprint(db)).toEqual(original);
    await undoLastChange(db);
    expect(await statusFingerprint(db)).toEqual(withWide);
  });

  it('a load that fails half-way leaves the data as it was (one transaction)', async () => {
    const db = await openRegisteredDemo();
    const original = await statusFingerprint(db);
    const loads = await listLoads(db);
    const staged = await stage(db, 'long.csv', fixture('valid/long.csv'));
    // The engine fails on the registry insert, after the rows went in and the demo rows went out.
    const failing: Connector = {
      ...db,
      query: (sql, params) => (sql.startsWith('INSERT INTO ingest_loads') ? Promise.reject(new Error('disk full')) : db.query(sql, params)),
    };
    await expect(acceptLoad(failing, [staged], { kind: 'replace', loadIds: [loads[0]!.load_id] }, LOADED_AT)).rejects.toThrow('disk full');
    expect(await statusFingerprint(db)).toEqual(original);
    expect(await listLoads(db)).toEqual(loads);
  });

  it('a cancelled load leaves nothing behind', async () => {
    const db = await openRegisteredDemo();
    const original = await statusFingerprint(db);
    const controller = new AbortController();
    const rows = Array.from({ length: 20_000 }, (_, k) => `Kent,firearms-2023,R2,complete,2024-01-31,row ${k}\n`).join('');
    const prepared = await prepareFile('big.csv', text(`Force,Inspection,Rec,Status,Date,Evidence\n${rows}`), loadParquetCodec, 64 * 1024);
    await createMappingTables(db); // the mapping tables stay: the Data view shows them
    const tablesBefore = rowsOf<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'ingest_%'`))[0]!.n;
    await expect(stageFiles(db, [prepared], {
      defaultDate: null, signal: controller.signal, onProgress: (p) => { if (p.rows > 5_000) controller.abort(); },
    })).rejects.toThrow('The load was cancelled; nothing was changed.');
    const tablesAfter = rowsOf<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'ingest_%'`))[0]!.n;
    expect(tablesAfter).toBe(tablesBefore);
    expect(await statusFingerprint(db)).toEqual(original);
  });

  it('loads several files at once, one entry each, in the order given', async () => {
    const db = await openRegisteredDemo();
    const files = await Promise.all(['long.csv', 'wide.csv', 'statuses.parquet'].map((f) => prepareFile(f, fixture(`valid/${f}`), loadParquetCodec)));
    const staged = await stageFiles(db, files, { defaultDate: null });
    const added = await acceptLoad(db, staged, { kind: 'add' }, LOADED_AT);
    expect(added.map((e) => [e.label, e.rows, e.format, e.shape])).toEqual([
      ['long.csv', 12, 'csv', 'long'], ['wide.csv', 16, 'csv', 'wide'], ['statuses.parquet', 5, 'parquet', 'long']]);
    expect(added[0]!.seq_to).toBeLessThan(added[1]!.seq_from);
    expect(added[1]!.seq_to).toBeLessThan(added[2]!.seq_from);
  });
});

describe('downloads', () => {
  it('the CSV export loads back to the same statuses, and neutralises formulas', async () => {
    const db = await openRegisteredDemo();
    await acceptLoad(db, [await stage(db, 'formula-cells.csv', fixture('malformed/formula-cells.csv'))], { kind: 'add' }, LOADED_AT);
    const csv = (await datasetCsv(db)).join('');
    expect(csv.startsWith('Force,Inspection,Recommendation,Status,Date,Evidence,Source\r\n')).toBe(true);
    expect(csv).toContain(`Kent,firearms-2023,3,complete,2024-01-31,"'=HYPERLINK(""http://example.invalid"",""click"")",formula-cells.csv\r\n`);

    const exported = rowsOf<Row>(await db.query(`SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM status_updates
      WHERE source <> 'formula-cells.csv' ORDER BY seq`));
    const fresh = await openDemoData();
    await fresh.query('DELETE FROM status_updates');
    await acceptLoad(fresh, [await stage(fresh, 'export.csv', text(csv))], { kind: 'add' }, LOADED_AT);
    const reloaded = rowsOf<Row>(await fresh.query(`SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM status_updates
      WHERE source <> 'formula-cells.csv' ORDER BY seq`));
    expect(reloaded).toEqual(exported);
  });

  it('the Parquet export loads back to the same statuses', async () => {
    const db = await openRegisteredDemo();
    const parquet = await datasetParquet(db, await loadParquetCodec(), engineTableToStream);
    const expected = rowsOf<Row>(await db.query('SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM status_updates ORDER BY seq'));
    const fresh = await openDemoData();
    await fresh.query('DELETE FROM status_updates');
    await acceptLoad(fresh, [await stage(fresh, 'export.parquet', parquet)], { kind: 'add' }, LOADED_AT);
    expect(rowsOf<Row>(await fresh.query('SELECT force_id, inspection_id, rec_no, status, as_of, evidence, source FROM status_updates ORDER BY seq')))
      .toEqual(expected);
  });

  it('the template loads with no problem', async () => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, 'template.csv', text(templateCsv()));
    expect([staged.fileProblems, staged.rowProblems, staged.loadable]).toEqual([[], 0, 4]);
  });
});
