import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { headline } from '../../../src/lib/metrics/national/national.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { registerShippedLoads, listLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { createMappingTables, LIST_SEPARATOR } from '../../../src/lib/data/ingest/vocabulary/mapping-tables';
import { inspectionMapSql, recommendationMapSql } from '../../../src/lib/data/ingest/vocabulary/value-maps.sql';
import { refreshPreaggregates } from '../../../src/lib/metrics/preagg/refresh-preaggregates';
import { dataCoverage } from '../../../src/lib/metrics/common/data-coverage.sql';
import { openDemoData } from '../support/demo-data';
import { fixture, problemsOf, stage } from '../support/ingest-helpers';

/**
 * Real trackers name an inspection by its short title or its web address and a recommendation by
 * "Rec. 2" or "No. 5": each must read to the very rows the same file written with ids gives.
 */
const LOADED_AT = '2025-01-01T09:00:00.000Z';
const AS_OF = '2024-06-30';

async function openRegisteredDemo(): Promise<Connector> {
  const db = await openDemoData();
  await registerShippedLoads(db, LOADED_AT);
  return db;
}

const values = (list: string[]) => `SELECT unnest(string_split('${list.join(LIST_SEPARATOR)}', chr(31))) AS raw`;

type Row = { force_id: string; inspection_id: string; rec_no: number; status: string; as_of: string };
const statusRows = async (db: Connector): Promise<Row[]> => rowsOf<Row>(await db.query(
  `SELECT force_id, inspection_id, rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of FROM status_updates
   ORDER BY force_id, inspection_id, rec_no, as_of`));

/** Replaces every shipped status by the given files: the figures are then theirs alone. */
async function loadAlone(files: [string, string][]): Promise<Connector> {
  const db = await openRegisteredDemo();
  const shipped = (await listLoads(db)).map((entry) => entry.load_id);
  const staged = [];
  for (const [name, path] of files) staged.push(await stage(db, name, fixture(path)));
  for (const file of staged) expect(await problemsOf(db, file), file.name).toEqual([]);
  await acceptLoad(db, staged, { kind: 'replace', loadIds: shipped }, LOADED_AT);
  await refreshPreaggregates(db);
  return db;
}

describe('matching references the way people write them', { timeout: 120_000 }, () => {
  it('reads an inspection by id, full title, short title, any case, quotes, dashes and its web addresses', async () => {
    const db = await openDemoData();
    await createMappingTables(db);
    const written = [
      'firearms-2023',
      'An inspection of how effective police forces are in the deployment of firearms',
      'How effective police forces are in the deployment of firearms',
      '“How Effective Police Forces Are In The Deployment Of Firearms.”',
      'https://hmicfrs.justiceinspectorates.gov.uk/publication-html/how-effective-police-forces-are-in-the-deployment-of-firearms/',
      'https://www.justiceinspectorates.gov.uk/hmicfrs/publications/how-effective-police-forces-are-in-the-deployment-of-firearms/?utm_source=x#r2',
      'www.justiceinspectorates.gov.uk/hmicfrs/wp-content/uploads/how-effective-police-forces-are-in-the-deployment-of-firearms.pdf',
      'how-effective-police-forces-are-in-the-deployment-of-firearms',
      'vetting, misconduct & misogyny in the police service',
      'https://www.justiceinspectorates.gov.uk/hmicfrs/publication-html/an-inspection-of-vetting-misconduct-and-misogyny-in-the-police-service/',
      'Police response to burglary, robbery and other acquisitive crime',
      'The police response to burglary, robbery and other acquisitive crime - Finding time for crime',
      'Inspection of firearms',
    ];
    const rows = rowsOf<{ raw: string; inspection_id: string | null }>(await db.query(inspectionMapSql(values(written))));
    const read = new Map(rows.map((row) => [row.raw, row.inspection_id]));
    expect(written.map((w) => read.get(w))).toEqual([
      ...Array(8).fill('firearms-2023'),
      'vetting-misconduct-2022', 'vetting-misconduct-2022',
      'acquisitive-crime-2022', 'acquisitive-crime-2022',
      null, // too little to be sure: reported, with a "did you mean"
    ]);
  });

  it('reads a recommendation as 2, 2., R2, Rec 2, Rec. 2, No. 2, Recommendation 2 and 2.0', async () => {
    const db = await openDemoData();
    await createMappingTables(db);
    const written = ['2', '2.', 'R2', 'r 2', 'Rec 2', 'Rec. 2', 'No. 2', 'no 2', 'Recommendation 2', 'Recommendation no. 2', '#2', '2.0', '2.5', 'Rec two'];
    const rows = rowsOf<{ raw: string; rec_no: number | null }>(await db.query(recommendationMapSql(values(written))));
    const read = new Map(rows.map((row) => [row.raw, row.rec_no]));
    expect(written.map((w) => read.get(w))).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, null, null]);
  });

  it('a Windows-1252 tracker with short titles and "Rec. 2" loads in one step with the rows and figures of the id version', async () => {
    const messy = await loadAlone([['kent-firearms-short-title.csv', 'trackers/kent-firearms-short-title.csv']]);
    const ids = await loadAlone([['canonical-ids.csv', 'trackers/canonical-ids.csv']]);
    const kent = (await statusRows(ids)).filter((row) => row.force_id === 'kent');
    expect(await statusRows(messy)).toEqual(kent);
    // Kent on 30 June 2024: 2, 3, 8 and 12 complete; 10 in progress; 5 awaiting sign-off; 6 not started; 7 no update.
    const [kentFigures] = rowsOf<{ complete: number; in_progress: number; pending: number; not_started: number }>(await messy.query(
      `SELECT count(*) FILTER (WHERE status = 'complete')::INTEGER AS complete,
              count(*) FILTER (WHERE status = 'in_progress')::INTEGER AS in_progress,
              count(*) FILTER (WHERE status = 'pending_closure')::INTEGER AS pending,
              count(*) FILTER (WHERE status = 'not_started')::INTEGER AS not_started
       FROM (SELECT arg_max(status, as_of) AS status FROM status_updates WHERE as_of <= $1::DATE GROUP BY rec_no)`, [AS_OF]));
    expect(kentFigures).toEqual({ complete: 4, in_progress: 1, pending: 1, not_started: 1 });
    // What the data covers: one inspection, one force; every other inspection has nothing.
    const coverage = await dataCoverage(messy);
    expect(coverage.filter((c) => c.statuses > 0)).toEqual([{
      inspectionId: 'firearms-2023', title: 'An inspection of how effective police forces are in the deployment of firearms',
      forces: 1, statuses: 8, sources: ['kent-firearms-short-title.csv'],
    }]);
    expect(coverage.length).toBeGreaterThan(1);
  });

  it('a tracker naming inspections by web address, slug and title loads in one step with the figures of the id version', async () => {
    const messy = await loadAlone([
      ['kent-firearms-short-title.csv', 'trackers/kent-firearms-short-title.csv'],
      ['surrey-firearms-web-addresses.csv', 'trackers/surrey-firearms-web-addresses.csv'],
    ]);
    const ids = await loadAlone([['canonical-ids.csv', 'trackers/canonical-ids.csv']]);
    expect(await statusRows(messy)).toEqual(await statusRows(ids));
    for (const inspections of [['firearms-2023'], ['acquisitive-crime-2022'], []]) {
      const filters = { ...defaultFilters(AS_OF), inspections };
      expect(await headline(messy, filters), inspections.join()).toEqual(await headline(ids, filters));
    }
  });

  it('a responses file naming the inspection by short title and web address reads them as firearms-2023', async () => {
    const db = await openRegisteredDemo();
    const staged = await stage(db, 'responses-short-titles.csv', fixture('trackers/responses-short-titles.csv'));
    expect(await problemsOf(db, staged)).toEqual([]);
    await acceptLoad(db, [staged], { kind: 'add' }, LOADED_AT);
    expect(rowsOf<{ force_id: string; inspection_id: string; published: string }>(await db.query(
      `SELECT force_id, inspection_id, strftime(published, '%Y-%m-%d') AS published FROM responses
       WHERE force_id IN ('kent', 'surrey') ORDER BY force_id`))).toEqual([
      { force_id: 'kent', inspection_id: 'firearms-2023', published: '2023-09-04' },
      { force_id: 'surrey', inspection_id: 'firearms-2023', published: '2023-09-01' },
    ]);
  });
});
