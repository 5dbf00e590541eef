import type { Connector } from '../../../db/connector';
import { resultRows } from './result-rows';
import { LIST_SEPARATOR } from '../vocabulary/mapping-tables';
import type { PreparedArrow, PreparedCsv } from '../read/prepared-file';
import type { StagingNames } from './staging-names';

/**
 * A file's cells in DuckDB, all as text, one column per file column (`c0`, `c1`, …, never the
 * file's own names, which are only data). Rows keep file order, so the spreadsheet row number of
 * each is its position plus 2, shifted past any rows the CSV reader had to reject.
 */
export interface RawTable {
  headers: string[];
  rows: number;
  /** The spreadsheet row number of raw row `alias` (a table alias in the caller's SQL). */
  rowNumberSql(alias: string): string;
  /** The join that `rowNumberSql` needs, '' when no row was rejected. Always the first join after the raw table. */
  rowNumberJoin(alias: string): string;
}

export interface ReadProgress {
  rows: number;
  bytesDone: number;
  bytesTotal: number;
}

export class LoadCancelled extends Error {
  constructor() {
    super('The load was cancelled; nothing was changed.');
    this.name = 'LoadCancelled';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new LoadCancelled();
}

const DELIMITERS = [',', ';', '\t', '|'];
const count = async (db: Connector, sql: string, params: string[] = []) =>
  resultRows<{ n: number }>(await db.query(sql, params))[0]?.n ?? 0;

export async function readCsvIntoRaw(
  db: Connector,
  names: StagingNames,
  file: PreparedCsv,
  onProgress: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<RawTable> {
  const headers = file.dialect.header;
  const width = Math.max(headers.length, 1);
  const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
  const delimiter = DELIMITERS.includes(file.dialect.delimiter) ? file.dialect.delimiter : ',';
  await db.query(`CREATE OR REPLACE TABLE ${names.raw} (${Array.from({ length: width }, (_, i) => `c${i} VARCHAR`).join(', ')})`);

  const bytesTotal = file.bytesTotal;
  let bytesDone = 0;
  let rows = 0; // rows read into the raw table
  let records = 0; // records read so far, rejected ones included: the next piece starts at row records + 2
  // The reject tables number lines within each piece: remember where each rejecting scan began.
  const scanStarts: string[] = [];
  let lastScan = -1;
  let k = 0;
  for await (const piece of file.pieces) {
    throwIfCancelled(signal);
    const path = `${names.prefix}-${k}.csv`;
    await db.registerFile(path, piece);
    try {
      // Explicit dialect and all-text columns: nothing is guessed, so nothing is silently retyped.
      // The insert answers how many rows it added, so no count is asked for around it.
      const [inserted] = resultRows<{ Count: number | bigint }>(await db.query(
        `INSERT INTO ${names.raw} SELECT * FROM read_csv($1, auto_detect = false, header = false,
           delim = $2, quote = '"', escape = '"', store_rejects = true,
           rejects_table = '${names.rejects}', rejects_scan = '${names.rejectScans}', columns = {${columns}})`,
        [path, delimiter],
      ));
      const added = Number(inserted?.Count ?? 0);
      const [scan] = resultRows<{ scan: number; lines: number }>(await db.query(
        `SELECT coalesce(max(scan_id), -1)::INTEGER AS scan, count(DISTINCT line)::INTEGER AS lines
         FROM ${names.rejects} WHERE scan_id > $1`, [lastScan]));
      if (scan && scan.scan > lastScan) {
        scanStarts.push(`${scan.scan}:${records}`);
        lastScan = scan.scan;
      }
      rows += added;
      records += added + (scan?.lines ?? 0);
    } finally {
      await db.dropFile(path);
    }
    bytesDone += piece.length;
    k += 1;
    onProgress({ rows: records, bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal });
  }

  const rejected = scanStarts.length > 0 && (await collectRejects(db, names, scanStarts, width, file.endsInsideQuote()));
  return rawTable(headers, rows, rejected ? names.rowNumbers : null);
}

/**
 * Rejected records become problems, numbered as spreadsheet rows, and a table of the spreadsheet
 * row number of every row read around them. Returns whether any record was rejected.
 */
async function collectRejects(db: Connector, names: StagingNames, scanStarts: string[], width: number, endsInsideQuote: boolean): Promise<boolean> {
  await db.query(
    `CREATE OR REPLACE TABLE ${names.rejected} AS
     WITH starts AS (
       SELECT split_part(s, ':', 1)::BIGINT AS scan_id, split_part(s, ':', 2)::BIGINT AS start
       FROM (SELECT unnest(string_split($1, chr(31))) AS s)
     )
     SELECT starts.start + j.line + 1 AS row_no, first(j.error_type ORDER BY j.column_idx) AS error_type,
            left(first(j.csv_line), 200) AS csv_line,
            -- A short row is reported once per missing column, each "Found" one higher: the least is right.
            coalesce(min(TRY_CAST(regexp_extract(j.error_message, 'Found: (\\d+)', 1) AS INTEGER)) FILTER (WHERE j.error_type = 'MISSING COLUMNS'),
                     max(TRY_CAST(regexp_extract(j.error_message, 'Found: (\\d+)', 1) AS INTEGER))) AS found
     FROM ${names.rejects} j JOIN starts USING (scan_id)
     GROUP BY ALL`,
    [scanStarts.join(LIST_SEPARATOR)],
  );
  await db.query(
    `INSERT INTO ${names.problems}
     SELECT row_no, NULL, NULL, csv_line,
            CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'ragged_row'
                 WHEN $1 AND row_no = (SELECT max(row_no) FROM ${names.rejected}) THEN 'unclosed_quote'
                 WHEN error_type = 'UNQUOTED VALUE' THEN 'bad_quote'
                 ELSE 'unreadable_row' END,
            CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN format('{}|{}', found, $2::INTEGER)
                 ELSE error_type END
     FROM ${names.rejected}`,
    [endsInsideQuote, width],
  );
  // Row k read (0-based) sits after every rejected row whose position among the read rows is ≤ k.
  // Numbered once, in read order, so every later read of the cells pairs the rows by position
  // (a positional join costs next to nothing; the ASOF join here sorts every row).
  await db.query(
    `CREATE OR REPLACE TABLE ${names.rowNumbers} AS
     WITH shifts AS (
       SELECT p, max(n) AS shift FROM (
         SELECT row_no - 2 - (row_number() OVER (ORDER BY row_no) - 1) AS p, row_number() OVER (ORDER BY row_no) AS n
         FROM ${names.rejected})
       GROUP BY p)
     SELECT r.rowid + 2 + coalesce(s.shift, 0) AS row_no
     FROM ${names.raw} r ASOF LEFT JOIN shifts s ON r.rowid >= s.p
     ORDER BY r.rowid`,
  );
  return true;
}

/**
 * `position`: the raw row's 0-based place in the file (a table's rowid, or a view's column).
 * `numbers`: a table of each raw row's spreadsheet row number, in the raw table's order, when
 * rows were rejected (the rows after one are numbered past it).
 */
function rawTable(headers: string[], rows: number, numbers: string | null, position = 'rowid'): RawTable {
  return {
    headers,
    rows,
    rowNumberSql: (alias) => (numbers ? `${alias}_no.row_no` : `(${alias}.${position} + 2)`),
    rowNumberJoin: (alias) => (numbers ? `POSITIONAL JOIN ${numbers} ${alias}_no` : ''),
  };
}

/**
 * Parquet and Arrow: typed columns, read as text like CSV cells so one set of checks serves all.
 * A view over the inserted table, not a copy: each cell becomes text where it is read, and a
 * million rows are not copied once more.
 */
export async function readArrowIntoRaw(db: Connector, names: StagingNames, file: PreparedArrow): Promise<RawTable> {
  await db.insertArrowStream(names.arrow, file.ipcStream);
  const headers = resultRows<{ column_name: string }>(await db.query(
    `SELECT column_name FROM duckdb_columns() WHERE table_name = $1 ORDER BY column_index`, [names.arrow],
  )).map((row) => row.column_name);
  // Positional references (#1, #2…): the file's column names never enter the SQL text.
  const select = headers.map((_, i) => `CAST(#${i + 1} AS VARCHAR) AS c${i}`).join(', ');
  await db.query(`CREATE OR REPLACE VIEW ${names.raw} AS SELECT rowid AS position, ${select || 'NULL::VARCHAR AS c0'} FROM ${names.arrow}`);
  const rows = await count(db, `SELECT count(*)::INTEGER AS n FROM ${names.arrow}`);
  return rawTable(headers, rows, null, 'position');
}
