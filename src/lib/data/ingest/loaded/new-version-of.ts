import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import type { StagedFile } from '../stage/stage-file';
import { LOADABLE_SQL } from '../stage/stage-statuses';
import type { LoadEntry } from './load-registry';
import { ownedRows } from './load-changes';

/**
 * A user's status file loaded earlier that a new status file looks like a new version of: the
 * same file name (as a browser saves a repeated download, "tracker (1).csv" is "tracker.csv"), or
 * statuses of exactly the same forces and inspections. A drop is added to what is loaded unless
 * the user says which file it replaces; these are offered as that file.
 */
export interface LoadedVersion {
  entry: LoadEntry;
  /** The staged file that looks like its new version. */
  file: string;
  reason: 'same name' | 'same forces and inspections';
}

/** A file's name without case, extension or a browser's " (2)" for a repeated download. */
export function versionName(fileName: string): string {
  return fileName.toLowerCase().replace(/\.[a-z0-9]+$/, '').replace(/\s*\(\d+\)$/, '').trim();
}

interface Coverage {
  forces: string;
  inspections: string;
}

const COVERAGE = `string_agg(DISTINCT force_id, ',' ORDER BY force_id) AS forces,
  string_agg(DISTINCT inspection_id, ',' ORDER BY inspection_id) AS inspections`;

async function stagedCoverage(db: Connector, file: StagedFile): Promise<Coverage | null> {
  const [row] = resultRows<Coverage>(await db.query(`SELECT ${COVERAGE} FROM ${file.names.stage} WHERE ${LOADABLE_SQL}`));
  return row?.forces ? row : null;
}

async function loadedCoverage(db: Connector, entry: LoadEntry): Promise<Coverage | null> {
  const owned = ownedRows([entry], 1);
  const [row] = resultRows<Coverage>(await db.query(`SELECT ${COVERAGE} FROM status_updates WHERE ${owned.sql}`, owned.params));
  return row?.forces ? row : null;
}

/** The loaded user status files the staged status files look like new versions of (each once). */
export async function loadedVersionsOf(db: Connector, staged: readonly StagedFile[], loads: readonly LoadEntry[]): Promise<LoadedVersion[]> {
  const files = staged.filter((file) => file.kind === 'statuses' && file.fileProblems.length === 0 && file.loadable > 0);
  const candidates = loads.filter((entry) => entry.origin === 'user' && entry.kind === 'statuses');
  const found: LoadedVersion[] = [];
  for (const entry of candidates) {
    const named = files.find((file) => versionName(file.name) === versionName(entry.file_name));
    if (named) {
      found.push({ entry, file: named.name, reason: 'same name' });
      continue;
    }
    const loaded = await loadedCoverage(db, entry);
    if (!loaded) continue;
    for (const file of files) {
      const coverage = await stagedCoverage(db, file);
      if (coverage && coverage.forces === loaded.forces && coverage.inspections === loaded.inspections) {
        found.push({ entry, file: file.name, reason: 'same forces and inspections' });
        break;
      }
    }
  }
  return found;
}
