import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';

/**
 * Engine memory a load needs per byte of file: the file read as text, checked and loaded, and its
 * pre-aggregates built after it (in the background since issue 17; one that fails only leaves the
 * views on the plain SQL). Measured before that change, with the build inside the load: a CSV of 400,000 statuses (about 34 MB) fails under a 72 MB limit and
 * loads under 112 MB; a 99 MB CSV of 1M loads in the browser's 3.1 GiB; about 500 MB (5M) runs
 * out while building the pre-aggregates. Parquet and Arrow are denser, so they are underestimated:
 * for them the load's own rollback (load-changes.ts) is what keeps a failure whole.
 */
export const MEMORY_PER_FILE_BYTE = 7;

export interface MemoryVerdict {
  fits: boolean;
  /** Bytes the files would need. */
  needed: number;
  /** Bytes the engine can still take: its limit less what it holds. */
  available: number;
}

export function memoryVerdict(fileBytes: number, limit: number, used: number): MemoryVerdict {
  const needed = fileBytes * MEMORY_PER_FILE_BYTE;
  const available = Math.max(0, limit - used);
  return { fits: needed <= available, needed, available };
}

const UNITS: Record<string, number> = {
  b: 1, bytes: 1, kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12, kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

/** DuckDB's memory setting as bytes: '3.1 GiB', '72.0 MiB', '512MB'; null when unreadable. */
export function parseMemorySize(text: string): number | null {
  const match = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = match ? UNITS[match[2]!.toLowerCase()] : undefined;
  return match && unit ? Number(match[1]) * unit : null;
}

/** What the engine may hold and what it holds now. */
export async function engineMemory(db: Connector): Promise<{ limit: number | null; used: number }> {
  const [row] = resultRows<{ limit: string; used: number }>(await db.query(
    `SELECT current_setting('memory_limit') AS "limit",
            coalesce((SELECT sum(memory_usage_bytes) FROM duckdb_memory()), 0)::DOUBLE AS used`));
  return { limit: row ? parseMemorySize(row.limit) : null, used: row?.used ?? 0 };
}

/** "about 190 MB", "about 3.5 GB": rounded, as an estimate should be. */
export function aboutBytes(bytes: number): string {
  if (bytes >= 1e9) return `about ${(bytes / 1e9).toFixed(1)} GB`;
  return `about ${Math.max(1, Math.round(bytes / 1e6))} MB`;
}

/** The refusal shown before anything is read: which files, how big, what they need, and what to do instead. */
export function memoryRefusal(files: readonly { name: string; size: number }[], verdict: MemoryVerdict): string {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  const size = (bytes: number) => aboutBytes(bytes).replace(/^about /, '');
  const what = files.length === 1 ? `${files[0]!.name} (${size(total)}) needs` : `These files (${size(total)} in all) need`;
  const names = files.length === 1 ? files[0]!.name : 'FILES';
  return `${what} ${aboutBytes(verdict.needed)} of memory to load; this browser can hold ${aboutBytes(verdict.available)} more. ` +
    'Nothing was read and your data is as it was. The command line is not held to a browser\'s memory: ' +
    `"npx oversight figures ${names}" gives the figures on your computer, and "npx oversight build-site ${names}" makes a site ` +
    'that opens them without loading them. Or split the file into smaller ones and load them one after another.';
}
