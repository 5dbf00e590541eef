import type { Connector } from '../../../db/connector';
import { createMappingTables } from '../vocabulary/mapping-tables';
import type { PreparedFile } from '../read/prepared-file';
import { discardStaged } from '../loaded/load-changes';
import type { ReadProgress } from './raw-table';
import { checkStagedFile, readStagedFile, type ReadFile, type StagedFile } from './stage-file';
import { batchRelations, dropBatch, refreshBatch, type BatchMember } from './batch-relations';
import { ensureRegistry } from '../loaded/load-registry';
import type { FileKind } from './reference-kinds';

export interface LoadProgress extends ReadProgress {
  file: string;
  /** Milliseconds since the load began, for rows per second. */
  elapsedMs: number;
}

export interface StageOptions {
  /** The date given to statuses of files without a Date column (ISO), or null to require one. */
  defaultDate: string | null;
  /** prepareStaging, begun earlier (while the files were read); begun here if not. */
  prepared?: Promise<void>;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

/**
 * What staging needs of the engine before any file: the mapping tables and the load registry.
 * Nothing in it depends on the files, so a load begins it while its files are read in their worker
 * (about 0.1 s of statements in the page's engine, off the time a load takes).
 */
export async function prepareStaging(db: Connector): Promise<void> {
  await createMappingTables(db);
  await ensureRegistry(db);
}

/** Reference files first, so the files after them are checked against their valid rows. */
const CHECK_ORDER: readonly (FileKind | null)[] = ['inspections', 'recommendations', 'responses', 'statuses', null];

/**
 * Checks and stages files for loading, as one batch in any order: every file is read, then the
 * inspections, recommendations and responses files are checked (each against the loaded data and
 * the valid rows of those before it), then the status files. The loaded data is untouched until
 * `acceptLoad`; a cancelled or failed staging drops its own tables and leaves nothing behind.
 * Returns the files in the order given.
 */
export async function stageFiles(db: Connector, files: readonly PreparedFile[], options: StageOptions): Promise<StagedFile[]> {
  const started = performance.now();
  await (options.prepared ?? prepareStaging(db));
  const read: ReadFile[] = [];
  const batch = batchRelations();
  const members: BatchMember[] = [];
  const fileOptions = (name: string) => ({
    defaultDate: options.defaultDate,
    signal: options.signal,
    onProgress: (progress: ReadProgress) => options.onProgress?.({ ...progress, file: name, elapsedMs: performance.now() - started }),
  });
  try {
    for (const file of files) read.push(await readStagedFile(db, file, fileOptions(file.name)));
    const checked = new Map<ReadFile, StagedFile>();
    await refreshBatch(db, batch, members);
    for (const kind of CHECK_ORDER) {
      for (const file of read.filter((r) => r.staged.kind === kind)) {
        const staged = await checkStagedFile(db, file, batch, fileOptions(file.staged.name));
        checked.set(file, staged);
        if (staged.kind && staged.kind !== 'statuses' && staged.fileProblems.length === 0) {
          members.push({ kind: staged.kind, stage: staged.names.stage });
          await refreshBatch(db, batch, members, staged.kind);
        }
      }
    }
    return read.map((file) => checked.get(file) ?? file.staged);
  } catch (cause) {
    await discardStaged(db, read.map((file) => file.staged));
    throw cause;
  } finally {
    await dropBatch(db, batch);
  }
}
