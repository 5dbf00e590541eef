import { tableToIPC, type Table } from 'apache-arrow';
import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { ensureRegistry, listLoads, LOAD_COLUMNS, USER_REFERENCE_TABLES, type LoadEntry } from './load-registry';
import { REFERENCE_DEFINITIONS, REFERENCE_KINDS, sqlType, type ReferenceKind } from '../stage/reference-kinds';
import { MANIFEST_FILE, ROWS_FILE, savedDataFolder as folder, writeSavedFile as write } from './saved-data-folder';
import { writeSavedSummary, type Summarise } from './saved-summary';

/**
 * The user's data kept in this browser's origin-private file system (OPFS) between visits: the
 * loaded statuses as Arrow IPC streams (one per slice read), the user's own inspections,
 * recommendations and responses (one stream each, with the load that added them) and the list of
 * loaded files. Nothing leaves the device. Written after every change, read at start-up before any
 * view draws. Version 1 saves (statuses only, entries without a kind) and version 2 (the statuses
 * in one file) still restore.
 */
interface Manifest {
  version: 1 | 2 | 3;
  savedAt: string;
  rows: number;
  loads: (Omit<LoadEntry, 'kind'> & { kind?: LoadEntry['kind'] })[];
  /** Version 2: rows saved per reference table. */
  reference?: Record<ReferenceKind, number>;
  /** Version 3: how many files the statuses are in (sliceFile(0), sliceFile(1), …). */
  rowFiles?: number;
}

/** Version 3's files of statuses, one per slice read. */
const sliceFile = (index: number) => `status_updates-${index}.arrows`;

const referenceFile = (kind: ReferenceKind) => `user_${kind}.arrows`;


/** Writes a query result as an Arrow IPC stream; Node tests pass the engine's own arrow copy's writer. */
type TableToStream = (table: Table) => Uint8Array;

/** Status rows read per query when saving: between two, the views' queries have the engine. */
export const SAVE_SLICE_ROWS = 250_000;

/** A statement's result as an Arrow IPC stream: made by the engine where it can (the worker), else here. */
const streamOf = (db: Connector, toStream: TableToStream) => async (sql: string): Promise<Uint8Array> =>
  db.queryArrowStream ? db.queryArrowStream(sql) : toStream(await db.query(sql));

/**
 * Every status row as IPC streams, a slice of seq each; null once `superseded` says a newer change
 * came. The bounds are numbers the engine gave, written into the SQL as such.
 */
async function statusSlices(
  db: Connector, read: (sql: string) => Promise<Uint8Array>, superseded: () => boolean, sliceRows: number,
): Promise<{ rows: number; slices: Uint8Array[] } | null> {
  const [range] = resultRows<{ lo: number | null; hi: number | null; n: number }>(await db.query(
    'SELECT min(seq)::DOUBLE AS lo, max(seq)::DOUBLE AS hi, count(*)::DOUBLE AS n FROM status_updates'));
  if (!range || range.lo === null || range.hi === null) return { rows: 0, slices: [await read('SELECT * FROM status_updates')] };
  if (![range.lo, range.hi].every(Number.isSafeInteger)) throw new Error('status sequence numbers out of range');
  const count = Math.max(1, Math.ceil(range.n / sliceRows));
  const width = Math.ceil((range.hi - range.lo + 1) / count);
  const slices: Uint8Array[] = [];
  for (let from = range.lo; from <= range.hi; from += width) {
    if (superseded()) return null;
    slices.push(await read(`SELECT * FROM status_updates WHERE seq >= ${from} AND seq < ${from + width}`));
  }
  return { rows: range.n, slices };
}

/**
 * Saves the statuses, the user's reference rows and the list of loaded files, and the summary
 * `summarise` makes of them. Returns the number of status rows saved, or null when `superseded`
 * said a newer change came first: everything is read before anything is written, so a save stopped
 * there leaves the last one whole; one stopped after writes no manifest (the newer save writes its own).
 */
export async function saveLoadedData(
  db: Connector,
  summarise?: Summarise,
  toStream: TableToStream = (table) => tableToIPC(table, 'stream'),
  superseded: () => boolean = () => false,
  sliceRows = SAVE_SLICE_ROWS,
): Promise<number | null> {
  const dir = await folder(true);
  if (!dir) throw new Error('this browser offers no private file storage to this page');
  const read = streamOf(db, toStream);
  const statuses = await statusSlices(db, read, superseded, sliceRows);
  if (!statuses) return null;
  const loads = await listLoads(db);
  const referenceRows = new Map<ReferenceKind, { stream: Uint8Array; rows: number }>();
  for (const kind of REFERENCE_KINDS) {
    const table = USER_REFERENCE_TABLES[kind];
    const [count] = resultRows<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM ${table}`));
    referenceRows.set(kind, { stream: await read(`SELECT * FROM ${table}`), rows: count?.n ?? 0 });
  }
  if (superseded()) return null;
  const before = await previousRowFiles(dir);
  await dir.removeEntry(MANIFEST_FILE).catch(() => {});
  for (const [index, slice] of statuses.slices.entries()) await write(dir, sliceFile(index), new Blob([slice as Uint8Array<ArrayBuffer>]));
  const reference = {} as Record<ReferenceKind, number>;
  for (const [kind, { stream, rows }] of referenceRows) {
    await write(dir, referenceFile(kind), new Blob([stream as Uint8Array<ArrayBuffer>]));
    reference[kind] = rows;
  }
  const savedAt = new Date().toISOString();
  await writeSavedSummary(dir, savedAt, summarise);
  if (superseded()) return null;
  const manifest: Manifest = { version: 3, savedAt, rows: statuses.rows, rowFiles: statuses.slices.length, loads, reference };
  await write(dir, MANIFEST_FILE, JSON.stringify(manifest));
  // What an earlier save wrote and this one did not: its single file, or slices past this one's last.
  await dir.removeEntry(ROWS_FILE).catch(() => {});
  for (let index = statuses.slices.length; index < before; index++) await dir.removeEntry(sliceFile(index)).catch(() => {});
  return statuses.rows;
}

/** How many slice files the save in place wrote (0 if none, or not a version 3 save). */
async function previousRowFiles(dir: FileSystemDirectoryHandle): Promise<number> {
  try {
    const manifest = parseManifest(await (await (await dir.getFileHandle(MANIFEST_FILE)).getFile()).text());
    return manifest.rowFiles ?? 0;
  } catch {
    return 0;
  }
}

/**
 * A save that is there but cannot be read whole: `part` names what, in words for people; `detail`
 * is what the browser or DuckDB said. Nothing of it is restored.
 */
export class DamagedSave extends Error {
  constructor(readonly part: string, readonly detail: string) {
    super(`${part} could not be read (${detail})`);
    this.name = 'DamagedSave';
  }
}

const SAVED_LIST = 'the list of files you loaded';
const SAVED_STATUSES = 'the saved status updates';
const savedReference = (kind: ReferenceKind) => `your saved ${kind}`;

const detailOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

/** Runs `step`; any failure becomes a DamagedSave naming `part`. */
async function reading<T>(part: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (cause) {
    throw cause instanceof DamagedSave ? cause : new DamagedSave(part, detailOf(cause));
  }
}

function parseManifest(text: string): Manifest {
  const manifest = JSON.parse(text) as Partial<Manifest> | null;
  const valid = manifest && (manifest.version === 1 || manifest.version === 2 || manifest.version === 3) &&
    typeof manifest.savedAt === 'string' && Number.isInteger(manifest.rows) && Array.isArray(manifest.loads) &&
    (manifest.version !== 3 || (Number.isInteger(manifest.rowFiles) && manifest.rowFiles! >= 1));
  if (!valid) throw new Error('it is not a list this version of Oversight wrote');
  return manifest as Manifest;
}

/**
 * Puts saved statuses in place of the shipped ones, in one transaction. Returns when they were
 * saved, or null when there is nothing saved. A damaged save throws DamagedSave and changes nothing.
 */
export async function restoreSavedData(db: Connector): Promise<string | null> {
  const dir = await folder(false);
  if (!dir) return null;
  const file = async (name: string) => (await dir.getFileHandle(name)).getFile();
  let manifestFile: Blob;
  try {
    manifestFile = await file(MANIFEST_FILE);
  } catch {
    return null; // nothing saved, or a save cut short before its manifest: nothing vouched for
  }
  const manifest = await reading(SAVED_LIST, async () => parseManifest(await manifestFile.text()));
  const bytes = async (name: string) => new Uint8Array(await (await file(name)).arrayBuffer());
  const rowFiles = manifest.version === 3 ? Array.from({ length: manifest.rowFiles! }, (_, i) => sliceFile(i)) : [ROWS_FILE];
  const rows: Uint8Array[] = [];
  for (const name of rowFiles) rows.push(await reading(SAVED_STATUSES, () => bytes(name)));
  const reference = new Map<ReferenceKind, Uint8Array>();
  if (manifest.version >= 2) {
    for (const kind of REFERENCE_KINDS) reference.set(kind, await reading(savedReference(kind), () => bytes(referenceFile(kind))));
  }
  const restoring = (kind: ReferenceKind) => `ingest_restore_${kind}`;
  try {
    await reading(SAVED_STATUSES, async () => {
      await db.insertArrowStream('ingest_restore', rows[0]!);
      for (const slice of rows.slice(1)) {
        await db.insertArrowStream('ingest_restore_slice', slice);
        await db.query('INSERT INTO ingest_restore SELECT * FROM ingest_restore_slice');
        await db.query('DROP TABLE ingest_restore_slice');
      }
      await checkCount('ingest_restore', manifest.rows, db);
    });
    for (const [kind, saved] of reference) {
      await reading(savedReference(kind), async () => {
        await db.insertArrowStream(restoring(kind), saved);
        await checkCount(restoring(kind), manifest.reference?.[kind] ?? 0, db);
      });
    }
    await ensureRegistry(db);
    await db.query('BEGIN TRANSACTION');
    try {
      await db.query('DELETE FROM status_updates');
      await reading(SAVED_STATUSES, () => db.query(`INSERT INTO status_updates SELECT seq, force_id, inspection_id, rec_no, status, as_of, evidence, source FROM ingest_restore`));
      for (const kind of reference.keys()) await reading(savedReference(kind), () => restoreReferenceRows(db, kind, restoring(kind)));
      await db.query('DELETE FROM ingest_loads');
      await reading(SAVED_LIST, async () => {
        for (const e of manifest.loads) {
          await db.query(`INSERT INTO ingest_loads (${LOAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [e.load_id, e.label, e.file_name, e.origin, e.format, e.shape, e.rows, e.loaded_at, e.seq_from, e.seq_to, e.source, e.kind ?? 'statuses']);
        }
      });
      await db.query('COMMIT');
    } catch (cause) {
      await db.query('ROLLBACK');
      throw cause;
    }
  } finally {
    await db.query('DROP TABLE IF EXISTS ingest_restore');
    await db.query('DROP TABLE IF EXISTS ingest_restore_slice');
    for (const kind of REFERENCE_KINDS) await db.query(`DROP TABLE IF EXISTS ${restoring(kind)}`);
  }
  return manifest.savedAt;
}

async function checkCount(table: string, saved: number, db: Connector): Promise<void> {
  const [count] = resultRows<{ n: number }>(await db.query(`SELECT count(*)::INTEGER AS n FROM ${table}`));
  if (count?.n !== saved) throw new Error(`the saved file holds ${count?.n} rows where ${saved} were saved`);
}

/**
 * The user's rows of one reference table, back in the table and its list. A key the shipped data
 * has since gained is left to the shipped row.
 */
async function restoreReferenceRows(db: Connector, kind: ReferenceKind, restoring: string): Promise<void> {
  const { columns, key } = REFERENCE_DEFINITIONS[kind];
  const names = columns.map((c) => c.column);
  const typed = columns.map((c) => `r.${c.column}::${sqlType(c.reading)} AS ${c.column}`);
  const fresh = `SELECT r.load_id::INTEGER AS load_id, ${typed.join(', ')} FROM ${restoring} r
    WHERE NOT EXISTS (SELECT 1 FROM ${kind} t WHERE ${key.map((k) => `t.${k} IS NOT DISTINCT FROM r.${k}`).join(' AND ')})`;
  await db.query(`DELETE FROM ${USER_REFERENCE_TABLES[kind]}`);
  await db.query(`INSERT INTO ${USER_REFERENCE_TABLES[kind]} (load_id, ${names.join(', ')}) ${fresh}`);
  await db.query(`INSERT INTO ${kind} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${USER_REFERENCE_TABLES[kind]}`);
}

