import { beforeAll, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { openDemoData } from '../support/demo-data';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad, undoLastChange } from '../../../src/lib/data/ingest/loaded/load-changes';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import { problemGroups } from '../../../src/lib/data/ingest/report/problem-report';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { readingReference } from '../../../src/lib/data/responses-reader/reading-reference.sql';
import { readResponse } from '../../../src/lib/data/responses-reader/read-response';
import { responseLoadFiles } from '../../../src/lib/data/responses-reader/response-load-files';
import { fixtureText } from '../../unit/responses-reader/response-fixtures';
import { shippedReference } from '../../unit/responses-reader/shipped-reference';

/**
 * What a person accepts in the review loads through the ordinary load path: status updates
 * sourced to the document with the quote as evidence, the section-55 response with its date,
 * every row valid, and one undo takes it all back.
 */
let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
  await registerShippedLoads(db, '2026-12-01T00:00:00Z');
}, 120_000);

it('the reader is given the loaded forces, inspections and recommendations, as the shipped files hold them', async () => {
  const fromTables = await readingReference(db);
  const fromFiles = shippedReference();
  expect(fromTables.forces.find((f) => f.force_id === 'west-midlands')).toEqual(fromFiles.forces.find((f) => f.force_id === 'west-midlands'));
  expect(fromTables.inspections.length).toBe(fromFiles.inspections.length);
  expect(fromTables.recommendations.filter((r) => r.inspection_id === 'firearms-2023'))
    .toEqual(fromFiles.recommendations.filter((r) => r.inspection_id === 'firearms-2023'));
});

it("Kent's accepted statuses and its response load as valid rows, and undo takes them back", async () => {
  const { structure, proposals } = readResponse(await fixtureText('kent-firearms-numbered.txt'), await readingReference(db));
  const files = responseLoadFiles({
    documentName: 'kent-firearms-numbered.txt', force_id: structure.force!.force_id, inspection_id: structure.inspection!.inspection_id,
    statusDate: structure.responseDate!, responseDate: structure.responseDate,
    decisions: proposals.filter((p) => p.status).map((p) => ({ recNo: p.recommendation.recNo, status: p.status, evidence: p.quote!.text })),
  });
  const prepared = await Promise.all(files.map(async (file) => prepareFile(file.name, new Uint8Array(await file.arrayBuffer()), loadParquetCodec)));
  const staged = await stageFiles(db, prepared, { defaultDate: null });
  expect(await problemGroups(db, staged)).toEqual([]);
  expect(staged.map((file) => [file.kind, file.loadable])).toEqual([['statuses', 6], ['responses', 1]]);
  // As in the Data view while the demo data shows: the illustrative statuses are replaced, undoably.
  const illustrative = (await listLoads(db)).find((entry) => entry.source === 'illustrative')!;
  await acceptLoad(db, staged, { kind: 'replace', loadIds: [illustrative.load_id] }, '2026-12-01T00:00:01Z');

  const loaded = rowsOf<{ rec_no: number; status: string; as_of: string; evidence: string; source: string }>(await db.query(
    `SELECT rec_no::INTEGER AS rec_no, status, strftime(as_of, '%Y-%m-%d') AS as_of, evidence, source FROM status_updates
     WHERE force_id = 'kent' AND source LIKE 'PCC response%' ORDER BY rec_no`));
  expect(loaded.map((r) => [r.rec_no, r.status, r.as_of])).toEqual([
    [2, 'not_started', '2023-08-29'], [3, 'complete', '2023-08-29'], [5, 'in_progress', '2023-08-29'],
    [6, 'in_progress', '2023-08-29'], [7, 'pending_closure', '2023-08-29'], [8, 'complete', '2023-08-29'],
  ]);
  expect(new Set(loaded.map((r) => r.source))).toEqual(new Set(['PCC response: kent-firearms-numbered.txt']));
  expect(loaded.find((r) => r.rec_no === 8)!.evidence).toBe('this arrangement is in place.');
  const responses = rowsOf<{ published: string }>(await db.query(
    `SELECT strftime(published, '%Y-%m-%d') AS published FROM responses WHERE force_id = 'kent' AND inspection_id = 'firearms-2023'`));
  expect(responses).toEqual([{ published: '2023-08-29' }]);

  await undoLastChange(db);
  const left = rowsOf<{ n: number }>(await db.query(
    `SELECT (SELECT count(*) FROM status_updates WHERE source LIKE 'PCC response: kent%')::INTEGER
          + (SELECT count(*) FROM responses WHERE force_id = 'kent')::INTEGER AS n`));
  expect(left).toEqual([{ n: 0 }]);
  expect((await listLoads(db)).some((entry) => entry.source === 'illustrative')).toBe(true);
}, 120_000);

it('an undated response records its statuses but no section-55 response', () => {
  const files = responseLoadFiles({
    documentName: 'cheshire.pdf', force_id: 'cheshire', inspection_id: 'firearms-2023', statusDate: '2023-09-04', responseDate: null,
    decisions: [{ recNo: 3, status: 'in_progress', evidence: 'Work is underway' }, { recNo: 5, status: null, evidence: '' }],
  });
  expect(files.map((file) => file.name)).toEqual(['cheshire.pdf (statuses).csv']);
});
