import { tableToIPC } from 'apache-arrow';
import type { Connector } from '../../db/connector';
import { resultRows } from './result-rows';
import { listLoads, REGISTRY_DDL, type LoadEntry } from './load-registry';
import { MANIFEST_FILE, ROWS_FILE, savedDataFolder as folder } from './saved-data-folder';
import { writeSavedSummary, type Summarise } from './saved-summary';

/**
 * The user's data kept in this browser's origin-private file system (OPFS) between visits: the
 * loaded statuses as one Arrow IPC stream and the list of loaded files. Nothing leaves the device.
 * Written after every change, read at start-up before any view draws.
 */
interface Manifest {
  version: 1;
  savedAt: string;
  rows: number;
  loads: LoadEntry[];
}


async function write(dir: FileSystemDirectoryHandle, name: string, data: Blob | string): Promise<void> {
  const file = await dir.getFileHandle(name, { create: true });
  const writable = await file.createWritable();
  await writable.write(data);
  await writable.close();
}

/**
 * Saves the statuses and the list of loaded files, and the summary `summarise` makes of them.
 * Returns the number of rows saved.
 */
export async function saveLoadedData(db: Connector, summarise?: Summarise): Promise<number> {
  const dir = await folder(true);
  if (!dir) throw new Error('this browser offers no private file storage to this page');
  // No ORDER BY: seq travels with each row, and sorting a million rows would only cost time.
  const table = await db.query('SELECT * FROM status_updates');
  // The rows first, then the manifest that vouches for them: a save cut short is never restored.
  await dir.removeEntry(MANIFEST_FILE).catch(() => {});
  await write(dir, ROWS_FILE, new Blob([tableToIPC(table, 'stream') as Uint8Array<ArrayBuffer>]));
  const savedAt = new Date().toISOString();
  // The first view's summary, also vouched for by the manifest (saved-summary.ts).
  await writeSavedSummary(dir, savedAt, summarise);
  const manifest: Manifest = { version: 1, savedAt, rows: table.numRows, loads: await listLoads(db) };
  await write(dir, MANIFEST_FILE, JSON.stringify(manifest));
  return table.numRows;
}

/**
 * Puts saved statuses in place of the shipped ones, in one transaction. Returns when they were
 * saved, or null when there is nothing saved. A damaged save is reported and left out.
 */
export async function restoreSavedData(db: Connector): Promise<string | null> {
  const dir = await folder(false);
  if (!dir) return null;
  let manifest: Manifest;
  let rows: Uint8Array;
  try {
    manifest = JSON.parse(await (await (await dir.getFileHandle(MANIFEST_FILE)).getFile()).text()) as Manifest;
    rows = new Uint8Array(await (await (await dir.getFileHandle(ROWS_FILE)).getFile()).arrayBuffer());
  } catch {
    return null;
  }
  await db.insertArrowStream('ingest_restore', rows);
  try {
    const [count] = resultRows<{ n: number }>(await db.query('SELECT count(*)::INTEGER AS n FROM ingest_restore'));
    if (count?.n !== manifest.rows) throw new Error(`the saved file holds ${count?.n} rows where ${manifest.rows} were saved`);
    await db.query(REGISTRY_DDL);
    await db.query('BEGIN TRANSACTION');
    try {
      await db.query('DELETE FROM status_updates');
      await db.query(`INSERT INTO status_updates SELECT seq, force_id, inspection_id, rec_no, status, as_of, evidence, source FROM ingest_restore`);
      await db.query('DELETE FROM ingest_loads');
      for (const e of manifest.loads) {
        await db.query('INSERT INTO ingest_loads VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)',
          [e.load_id, e.label, e.file_name, e.origin, e.format, e.shape, e.rows, e.loaded_at, e.seq_from, e.seq_to, e.source]);
      }
      await db.query('COMMIT');
    } catch (cause) {
      await db.query('ROLLBACK');
      throw cause;
    }
  } finally {
    await db.query('DROP TABLE IF EXISTS ingest_restore');
  }
  return manifest.savedAt;
}

