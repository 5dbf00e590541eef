import type { Connector } from '../../db/connector';
import { rowsOf } from './rows';
import { defaultFilters, type Filters } from './filters';

/**
 * What the user's own status files cover (the shipped statuses left out): the inspections and
 * forces with a status from them, and the files themselves. The views default the inspections
 * filter to these, so a file about one inspection does not turn every other into "no update".
 */
export interface UserCoverage {
  /** Inspection ids, in id order (the order the URL's default holds them in). */
  inspections: string[];
  forces: number;
  allForces: number;
  files: { name: string; loadedAt: string }[];
}

// The registry exists only once the Data view or a load has made it (never in the shipped snapshot).
const REGISTRY_SQL = `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'ingest_loads'`;

const COVERAGE_SQL = `WITH files AS (SELECT * FROM ingest_loads WHERE origin = 'user' AND kind = 'statuses'),
  own AS (
    SELECT s.force_id, s.inspection_id FROM status_updates s
    JOIN files l ON s.seq BETWEEN l.seq_from AND l.seq_to AND (l.source IS NULL OR s.source = l.source)
  )
  SELECT coalesce((SELECT list(DISTINCT inspection_id ORDER BY inspection_id) FROM own), []) AS inspections,
    (SELECT count(DISTINCT force_id) FROM own)::INTEGER AS forces,
    (SELECT count(*) FROM forces)::INTEGER AS all_forces,
    coalesce((SELECT list(file_name ORDER BY load_id) FROM files), []) AS file_names,
    coalesce((SELECT list(loaded_at ORDER BY load_id) FROM files), []) AS loaded_at`;

type ListOf<T> = { toArray(): T[] };

/** Null when no status file of the user's is loaded (the demo data, or only reference files). */
export async function userCoverage(db: Connector): Promise<UserCoverage | null> {
  const [registry] = rowsOf<{ n: number }>(await db.query(REGISTRY_SQL));
  if (!registry?.n) return null;
  const [row] = rowsOf<{ inspections: ListOf<string>; forces: number; all_forces: number; file_names: ListOf<string>; loaded_at: ListOf<string> }>(
    await db.query(COVERAGE_SQL),
  );
  const names = row ? [...row.file_names.toArray()] : [];
  if (!row || names.length === 0) return null;
  const loadedAt = [...row.loaded_at.toArray()];
  return {
    inspections: [...row.inspections.toArray()],
    forces: row.forces,
    allForces: row.all_forces,
    files: names.map((name, k) => ({ name, loadedAt: loadedAt[k] ?? '' })),
  };
}

/** The filters a fresh visit opens on: as on `asOf`, over the inspections the user's statuses cover (every one without). */
export function openingFilters(asOf: string, scope: UserCoverage | null): Filters {
  return { ...defaultFilters(asOf), inspections: scope?.inspections ?? [] };
}
