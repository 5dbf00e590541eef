import type { Connector, SqlParam } from '../../db/connector';
import { roleLabel, type ColumnRole } from './column-synonyms';
import { columnName, type FileShape } from './file-shape';
import type { RawTable } from './raw-table';
import { LIST_SEPARATOR } from './mapping-tables';
import type { StagingNames } from './staging-names';
import { dateMapSql, forceMapSql, inspectionMapSql, recommendationMapSql, statusMapSql } from './value-maps.sql';

/**
 * From a file's raw cells to canonical status rows, each marked ok or not, and a table of every
 * problem found (spreadsheet row, column, value, kind, detail). Nothing here touches the loaded
 * data: it all happens in this load's own staging tables.
 */
export interface StageOptions {
  /** Names each row's source when the file has no Source column. */
  source: string;
  /** The date of every status in a file without a Date column (ISO), if the user gave one. */
  defaultDate: string | null;
}

/** The cells of a file, one row per status: `cells` is a view, so nothing is copied yet. */
async function createCellsView(db: Connector, names: StagingNames, raw: RawTable, shape: FileShape): Promise<void> {
  const cell = (role: ColumnRole) =>
    shape.columns[role] === undefined ? 'NULL::VARCHAR' : `ingest_clean(r.c${shape.columns[role]})`;
  const rowNo = raw.rowNumberSql('r');
  const from = `${names.raw} r ${raw.rowNumberJoin('r')}`;

  if (shape.kind === 'long') {
    const everyCell = raw.headers.map((_, i) => `ingest_clean(r.c${i}) IS NULL`).join(' AND ') || 'true';
    await db.query(`CREATE OR REPLACE VIEW ${names.cells} AS
      SELECT ${rowNo} AS row_no, 0 AS col, NULL::VARCHAR AS force_column, ${shape.columns.status ?? 'NULL'}::INTEGER AS status_col,
        ${cell('force')} AS force_raw, ${cell('inspection')} AS inspection_raw, ${cell('recommendation')} AS rec_raw,
        ${cell('status')} AS status_raw, ${cell('date')} AS date_raw,
        ${shape.columns.evidence === undefined ? 'NULL::VARCHAR' : `nullif(trim(r.c${shape.columns.evidence}), '')`} AS evidence,
        ${cell('source')} AS source_raw, ${everyCell} AS is_empty
      FROM ${from}`);
    return;
  }

  // Wide: one status per non-blank force cell; the force is the column's header.
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.forceColumns} AS
    SELECT unnest(string_split($1, chr(31))) AS column_key, unnest(string_split($2, chr(31))) AS force_column,
           unnest(string_split($3, chr(31)))::INTEGER AS col, unnest(string_split($4, chr(31)))::INTEGER AS status_col`,
  [
    shape.forceColumns.map((c) => `c${c.index}`).join(LIST_SEPARATOR),
    shape.forceColumns.map((c) => columnName(raw.headers, c.index)).join(LIST_SEPARATOR),
    shape.forceColumns.map((_, k) => String(k)).join(LIST_SEPARATOR),
    shape.forceColumns.map((c) => String(c.index)).join(LIST_SEPARATOR),
  ]);
  const forceCells = shape.forceColumns.map((c) => `c${c.index}`).join(', ');
  await db.query(`CREATE OR REPLACE VIEW ${names.cells} AS
    SELECT u.row_no, fc.col, fc.force_column, fc.status_col, fc.force_column AS force_raw, u.inspection_raw, u.rec_raw,
           ingest_clean(u.status_cell) AS status_raw, u.date_raw, NULL::VARCHAR AS evidence, u.source_raw,
           false AS is_empty
    FROM (UNPIVOT (
      SELECT ${rowNo} AS row_no, ${cell('inspection')} AS inspection_raw, ${cell('recommendation')} AS rec_raw,
             ${cell('date')} AS date_raw, ${cell('source')} AS source_raw, ${forceCells.split(', ').map((c) => `r.${c}`).join(', ')}
      FROM ${from})
      ON ${forceCells} INTO NAME column_key VALUE status_cell) u
    JOIN ${names.maps.forceColumns} fc USING (column_key)
    WHERE ingest_clean(u.status_cell) IS NOT NULL`);
}

export async function stageStatuses(
  db: Connector,
  names: StagingNames,
  raw: RawTable,
  shape: FileShape,
  options: StageOptions,
): Promise<void> {
  await createCellsView(db, names, raw, shape);
  const values = (column: string) => `SELECT ${column} AS raw FROM ${names.cells}`;
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.force} AS ${forceMapSql(values('force_raw'))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.inspection} AS ${inspectionMapSql(values('inspection_raw'))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.recommendation} AS ${recommendationMapSql(values('rec_raw'))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.status} AS ${statusMapSql(values('status_raw'))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.date} AS ${dateMapSql(values('date_raw'))}`);

  const hasDate = shape.columns.date !== undefined;
  await db.query(
    `CREATE OR REPLACE TABLE ${names.stage} AS
     SELECT c.row_no, c.col, c.force_column, c.status_col, c.is_empty,
       c.force_raw, fm.force_id, fm.suggestion AS force_suggestion,
       c.inspection_raw, im.inspection_id, im.suggestion AS inspection_suggestion,
       c.rec_raw, rm.rec_no, rec.rec_no IS NOT NULL AS rec_known,
       c.status_raw, sm.status,
       c.date_raw, CASE WHEN $1 THEN dm.as_of ELSE $2::DATE END AS as_of, dm.kind AS date_kind, dm.detail AS date_detail,
       i.published,
       c.evidence, coalesce(c.source_raw, $3) AS source,
       NULL::BIGINT AS duplicate_of
     FROM ${names.cells} c
     LEFT JOIN ${names.maps.force} fm ON fm.raw = c.force_raw
     LEFT JOIN ${names.maps.inspection} im ON im.raw = c.inspection_raw
     LEFT JOIN ${names.maps.recommendation} rm ON rm.raw = c.rec_raw
     LEFT JOIN recommendations rec ON rec.inspection_id = im.inspection_id AND rec.rec_no = rm.rec_no AND rec.for_forces
     LEFT JOIN ${names.maps.status} sm ON sm.raw = c.status_raw
     LEFT JOIN ${names.maps.date} dm ON dm.raw = c.date_raw
     LEFT JOIN inspections i ON i.inspection_id = im.inspection_id`,
    [hasDate, options.defaultDate, options.source],
  );
  await findProblems(db, names, raw, shape);
}

/** Every problem with the staged rows, then the duplicates among the rows with none. */
async function findProblems(db: Connector, names: StagingNames, raw: RawTable, shape: FileShape): Promise<void> {
  const header = (role: ColumnRole) => (shape.columns[role] === undefined ? null : columnName(raw.headers, shape.columns[role]!));
  const insert = async (sql: string, params: SqlParam[] = []) => db.query(`INSERT INTO ${names.problems} ${sql}`, params);
  // In a wide file a row's inspection, recommendation and date serve many cells: report them once.
  const once = shape.kind === 'wide' ? 'DISTINCT' : '';

  const roleChecks: { role: ColumnRole; raw: string }[] = [
    { role: 'force', raw: 'force_raw' },
    { role: 'inspection', raw: 'inspection_raw' },
    { role: 'recommendation', raw: 'rec_raw' },
    { role: 'status', raw: 'status_raw' },
    { role: 'date', raw: 'date_raw' },
  ];
  for (const { role, raw: column } of roleChecks) {
    if (shape.columns[role] === undefined) continue;
    await insert(`SELECT ${once} row_no, ${shape.columns[role]}, $1, NULL, 'empty_value', $2
      FROM ${names.stage} WHERE NOT is_empty AND ${column} IS NULL`, [header(role), roleLabel(role)]);
  }
  // Wide files name the force in the header, checked before staging; long files name it per row.
  if (shape.kind === 'long') {
    await insert(`SELECT row_no, $1, $2, force_raw, 'unknown_force', force_suggestion
      FROM ${names.stage} WHERE force_raw IS NOT NULL AND force_id IS NULL`, [shape.columns.force!, header('force')]);
  }
  await insert(`SELECT ${once} row_no, $1, $2, inspection_raw, 'unknown_inspection', inspection_suggestion
    FROM ${names.stage} WHERE inspection_raw IS NOT NULL AND inspection_id IS NULL`, [shape.columns.inspection!, header('inspection')]);
  await insert(`SELECT ${once} row_no, $1, $2, rec_raw, 'bad_recommendation', NULL
    FROM ${names.stage} WHERE rec_raw IS NOT NULL AND rec_no IS NULL`, [shape.columns.recommendation!, header('recommendation')]);
  await insert(`SELECT ${once} s.row_no, $1, $2, s.rec_raw, 'unknown_recommendation',
      format('{}|{}|{}', s.inspection_id, s.rec_no, known.numbers)
    FROM ${names.stage} s
    JOIN (SELECT inspection_id, string_agg(rec_no::VARCHAR, ', ' ORDER BY rec_no) AS numbers
          FROM recommendations WHERE for_forces GROUP BY inspection_id) known USING (inspection_id)
    WHERE s.rec_no IS NOT NULL AND NOT s.rec_known`, [shape.columns.recommendation!, header('recommendation')]);
  await insert(`SELECT row_no, status_col, coalesce(force_column, $1), status_raw, 'unknown_status', NULL
    FROM ${names.stage} WHERE status_raw IS NOT NULL AND status IS NULL`, [header('status')]);
  if (shape.columns.date !== undefined) {
    await insert(`SELECT ${once} row_no, $1, $2, date_raw, date_kind, date_detail
      FROM ${names.stage} WHERE date_raw IS NOT NULL AND as_of IS NULL`, [shape.columns.date, header('date')]);
  }
  await insert(`SELECT ${once} row_no, $1, $2, coalesce(date_raw, strftime(as_of, '%Y-%m-%d')), 'date_before_publication',
      format('{}|{}', inspection_id, strftime(published, '%Y-%m-%d'))
    FROM ${names.stage} WHERE as_of < published`, [shape.columns.date ?? null, header('date')]);

  // A row repeating an earlier one exactly (force, inspection, recommendation, date, status).
  await db.query(`UPDATE ${names.stage} SET duplicate_of = d.first_row
    FROM (
      SELECT s.row_no, s.col, g.first_row
      FROM ${names.stage} s
      JOIN (SELECT force_id, inspection_id, rec_no, as_of, status, min(row_no) AS first_row
            FROM ${names.stage} WHERE ${OK_SQL} GROUP BY ALL HAVING count(*) > 1) g
        USING (force_id, inspection_id, rec_no, as_of, status)
      WHERE s.row_no > g.first_row
    ) d
    WHERE ${names.stage}.row_no = d.row_no AND ${names.stage}.col = d.col`);
  await insert(`SELECT ${once} row_no, NULL, NULL, NULL, 'duplicate_row', duplicate_of::VARCHAR
    FROM ${names.stage} WHERE duplicate_of IS NOT NULL`);
}

/** A staged row that can be loaded (before duplicates are looked for). */
export const OK_SQL = `(NOT is_empty AND force_id IS NOT NULL AND inspection_id IS NOT NULL AND rec_known
  AND status IS NOT NULL AND as_of IS NOT NULL AND as_of >= published)`;

/** A staged row that will be loaded. */
export const LOADABLE_SQL = `(${OK_SQL} AND duplicate_of IS NULL)`;
