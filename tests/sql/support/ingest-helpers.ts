import { readFileSync } from 'node:fs';
import type { Connector } from '../../../src/lib/db/connector';
import { rowsOf } from '../../../src/lib/metrics/common/rows';
import { loadParquetCodec } from '../../../src/lib/data/ingest/read/parquet-codec-node';
import { prepareFile } from '../../../src/lib/data/ingest/read/prepare-file';
import { stageFiles } from '../../../src/lib/data/ingest/stage/stage-load';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import type { StagedFile } from '../../../src/lib/data/ingest/stage/stage-file';
import type { Problem } from '../../../src/lib/data/ingest/report/problems';

export const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));

export const text = (csv: string): Uint8Array => new TextEncoder().encode(csv);

/** Prepares and stages one file exactly as the browser does, minus the worker. */
export async function stage(db: Connector, name: string, bytes: Uint8Array, defaultDate: string | null = null, pieceBytes?: number): Promise<StagedFile> {
  const prepared = await prepareFile(name, bytes, loadParquetCodec, pieceBytes);
  const [staged] = await stageFiles(db, [prepared], { defaultDate });
  return staged!;
}

/** The problems of a staged file without the file name, for compact expectations. */
export async function problemsOf(db: Connector, staged: StagedFile): Promise<Omit<Problem, 'file'>[]> {
  return (await allProblems(db, staged)).map(({ file: _file, ...rest }) => rest);
}

/** A fingerprint of every status update: equal fingerprints, equal tables (row for row). */
export async function statusFingerprint(db: Connector): Promise<{ rows: number; hash: string }> {
  const [row] = rowsOf<{ rows: number; hash: string }>(await db.query(
    `SELECT count(*)::INTEGER AS rows,
            coalesce(sum(hash(seq, force_id, inspection_id, rec_no, status, as_of, evidence, source)::HUGEINT), 0)::VARCHAR AS hash
     FROM status_updates`));
  return row!;
}
