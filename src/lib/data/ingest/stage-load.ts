import type { Connector } from '../../db/connector';
import { createMappingTables } from './mapping-tables';
import type { PreparedFile } from './prepared-file';
import { discardStaged } from './load-changes';
import type { ReadProgress } from './raw-table';
import { stageFile, type StagedFile } from './stage-file';

export interface LoadProgress extends ReadProgress {
  file: string;
  /** Milliseconds since the load began, for rows per second. */
  elapsedMs: number;
}

export interface StageOptions {
  /** The date given to statuses of files without a Date column (ISO), or null to require one. */
  defaultDate: string | null;
  onProgress?: (progress: LoadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Checks and stages files for loading. The loaded data is untouched until `acceptLoad`; a
 * cancelled or failed staging drops its own tables and leaves nothing behind.
 */
export async function stageFiles(db: Connector, files: readonly PreparedFile[], options: StageOptions): Promise<StagedFile[]> {
  const started = performance.now();
  await createMappingTables(db);
  const staged: StagedFile[] = [];
  try {
    for (const file of files) {
      staged.push(await stageFile(db, file, {
        defaultDate: options.defaultDate,
        signal: options.signal,
        onProgress: (progress) => options.onProgress?.({ ...progress, file: file.name, elapsedMs: performance.now() - started }),
      }));
    }
    return staged;
  } catch (cause) {
    await discardStaged(db, staged);
    throw cause;
  }
}
