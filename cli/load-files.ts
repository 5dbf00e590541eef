import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Connector } from '../src/lib/db/connector';
import { loadShippedData } from '../src/lib/data/shipped-data';
import { readShippedData } from '../src/lib/data/shipped-data-node';
import { loadParquetCodec } from '../src/lib/data/ingest/read/parquet-codec-node';
import { prepareFile, PIECE_BYTES } from '../src/lib/data/ingest/read/prepare-file';
import { stageFiles } from '../src/lib/data/ingest/stage/stage-load';
import { problemGroups, type ProblemGroup } from '../src/lib/data/ingest/report/problem-report';
import { acceptLoad, discardStaged, type LoadMode } from '../src/lib/data/ingest/loaded/load-changes';
import { listLoads, registerShippedLoads } from '../src/lib/data/ingest/loaded/load-registry';
import type { StagedFile } from '../src/lib/data/ingest/stage/stage-file';
import { refreshPreaggregates } from '../src/lib/metrics/preagg/refresh-preaggregates';

/**
 * The largest file the command line reads: what Node reads into memory in one piece. The browser
 * stops at 512 MB (its engine has 4 GB in all); native DuckDB has the machine's memory.
 */
export const CLI_MAX_FILE_BYTES = 2 ** 31 - 1;

export interface CheckedFiles {
  staged: StagedFile[];
  groups: ProblemGroup[];
}

/** The shipped forces, inspections, recommendations and statuses, as a first visit has them. */
export async function loadShipped(db: Connector, loadedAt: string): Promise<void> {
  await loadShippedData(db, readShippedData());
  await registerShippedLoads(db, loadedAt);
}

/**
 * Reads, checks and stages files exactly as the Data view does when they are dropped together
 * (the same preparation, checks and grouped problems), against the data already loaded.
 * Every problem group, up to `perGroup` examples each, as the Data view lists them.
 */
export async function checkFiles(
  db: Connector, paths: readonly string[], defaultDate: string | null, perGroup = 50,
): Promise<CheckedFiles> {
  const prepared = [];
  for (const path of paths) {
    prepared.push(await prepareFile(basename(path), new Uint8Array(readFileSync(path)), loadParquetCodec, PIECE_BYTES, CLI_MAX_FILE_BYTES));
  }
  const staged = await stageFiles(db, prepared, { defaultDate });
  return { staged, groups: await problemGroups(db, staged, perGroup) };
}

/**
 * Loads the valid rows of checked files as the Data view's "Load the valid rows" does: status
 * files replace the illustrative statuses (the statuses read from PCC responses stay), reference
 * files add. Then builds the pre-aggregates the views read.
 */
export async function acceptFiles(db: Connector, checked: CheckedFiles, loadedAt: string): Promise<void> {
  const illustrative = (await listLoads(db)).find((entry) => entry.origin === 'shipped' && entry.source === 'illustrative');
  const mode: LoadMode = illustrative ? { kind: 'replace', loadIds: [illustrative.load_id] } : { kind: 'add' };
  if (checked.staged.some((file) => file.fileProblems.length === 0 && file.loadable > 0)) {
    await acceptLoad(db, checked.staged, mode, loadedAt);
  } else {
    await discardStaged(db, checked.staged);
  }
  await refreshPreaggregates(db);
}

/** The shipped data with the given files loaded over it; the demo data alone when none are given. */
export async function loadDataset(
  db: Connector, paths: readonly string[], defaultDate: string | null, loadedAt = new Date().toISOString(),
): Promise<CheckedFiles> {
  await loadShipped(db, loadedAt);
  if (paths.length === 0) {
    await refreshPreaggregates(db);
    return { staged: [], groups: [] };
  }
  const checked = await checkFiles(db, paths, defaultDate);
  await acceptFiles(db, checked, loadedAt);
  return checked;
}
