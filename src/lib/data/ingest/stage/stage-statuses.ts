import type { Connector, SqlParam } from '../../../db/connector';
import { resultRows } from './result-rows';
import { roleLabel, type ColumnRole } from '../recognise/column-synonyms';
import { columnName, type FileShape } from '../recognise/file-shape';
import { LIST_SEPARATOR } from '../vocabulary/mapping-tables';
import type { RawTable } from './raw-table';
import type { StagingNames } from './staging-names';
import { dateMapSql, forceMapSql, inspectionMapSql, recommendationMapSql, statusMapSql } from '../vocabulary/value-maps.sql';
import { findStatusWarnings, warningSuspectsSql, type WarningSuspects } from '../warnings/status-warnings';
import { warningDetailSql } from '../warnings/warning-kinds';
import { localToday } from '../warnings/local-today';

/**
 * From a file's raw cells to canonical status rows, each marked loadable or not, and a table of
 * every problem found (spreadsheet row, column, value, kind, detail). Nothing here touches the
 * loaded data: it all happens in this load's own staging tables.
 */
export interface StatusStagingOptions {
  /** Names each row's source when the file has no Source column. */
  source: string;
  /** The date of every status in a file without a Date column (ISO), if the user gave one. */
  defaultDate: string | null;
  /** The inspections and recommendations statuses may name: loaded, and valid in this batch. */
  relations: { inspections: string; recommendations: string };
}

/**
 * The cells of a file, one row per status, as read (not yet trimmed): a view, so nothing is
 * copied. Long: one row per file row. Wide: one row per filled force cell, the force its header.
 */
async function createCellsView(db: Connector, names: StagingNames, raw: RawTable, shape: FileShape): Promise<void> {
  const cell = (role: ColumnRole) => (shape.columns[role] === undefined ? 'NULL::VARCHAR' : `r.c${shape.columns[role]}`);
  const rowNo = raw.rowNumberSql('r');
  const from = `${names.raw} r ${raw.rowNumberJoin('r')}`;

  if (shape.kind === 'long') {
    // Blank rows: every cell NULL (the reader's empty) or only spaces. The first character of the
    // first non-NULL cell settles almost every row (trimming a million cells would cost seconds).
    const everyCell = raw.headers.map((_, i) => `r.c${i}`);
    const first = `coalesce(${everyCell.join(', ')})`;
    const blank = `CASE WHEN ${first} IS NULL THEN true WHEN ascii(${first}) > 32 AND ascii(${first}) <> 160 THEN false
      ELSE ${everyCell.map((c) => `ingest_clean(${c}) IS NULL`).join(' AND ')} END`;
    await db.query(`CREATE OR REPLACE VIEW ${names.cells} AS
      SELECT ${rowNo} AS row_no, 0 AS col, NULL::VARCHAR AS force_column, ${shape.columns.status ?? 'NULL'}::INTEGER AS status_col,
        ${cell('force')} AS force_cell, ${cell('inspection')} AS inspection_cell, ${cell('recommendation')} AS rec_cell,
        ${cell('status')} AS status_cell, ${cell('date')} AS date_cell, ${cell('evidence')} AS evidence,
        ${cell('source')} AS source_cell, ${blank} AS is_empty
      FROM ${from}`);
    return;
  }

  await db.query(`CREATE OR REPLACE TABLE ${names.maps.forceColumns} AS
    SELECT unnest(string_split($1, chr(31))) AS column_key, unnest(string_split($2, chr(31))) AS force_column,
           unnest(string_split($3, chr(31)))::INTEGER AS col, unnest(string_split($4, chr(31)))::INTEGER AS status_col`,
  [
    shape.forceColumns.map((c) => `c${c.index}`).join(LIST_SEPARATOR),
    shape.forceColumns.map((c) => columnName(raw.headers, c.index)).join(LIST_SEPARATOR),
    shape.forceColumns.map((_, k) => String(k)).join(LIST_SEPARATOR),
    shape.forceColumns.map((c) => String(c.index)).join(LIST_SEPARATOR),
  ]);
  const forceCells = shape.forceColumns.map((c) => `c${c.index}`);
  await db.query(`CREATE OR REPLACE VIEW ${names.cells} AS
    SELECT u.row_no, fc.col, fc.force_column, fc.status_col, fc.force_column AS force_cell, u.inspection_cell, u.rec_cell,
           u.status_cell, u.date_cell, NULL::VARCHAR AS evidence, u.source_cell, false AS is_empty
    FROM (UNPIVOT (
      SELECT ${rowNo} AS row_no, ${cell('inspection')} AS inspection_cell, ${cell('recommendation')} AS rec_cell,
             ${cell('date')} AS date_cell, ${cell('source')} AS source_cell, ${forceCells.map((c) => `r.${c}`).join(', ')}
      FROM ${from})
      ON ${forceCells.join(', ')} INTO NAME column_key VALUE status_cell) u
    JOIN ${names.maps.forceColumns} fc USING (column_key)`);
}

export async function stageStatuses(
  db: Connector,
  names: StagingNames,
  raw: RawTable,
  shape: FileShape,
  options: StatusStagingOptions,
): Promise<void> {
  await createCellsView(db, names, raw, shape);
  const values = (column: string, from = names.cells) => `SELECT ${column} AS raw FROM ${from}`;
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.force} AS ${forceMapSql(values('force_cell'))}`);
  // An inspection and its recommendation are read as a pair: a file names a few thousand pairs at
  // most, so each is resolved once here and a million rows then make one join for it, not six.
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.pairCells} AS SELECT DISTINCT inspection_cell, rec_cell FROM ${names.cells}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.inspection} AS ${inspectionMapSql(values('inspection_cell', names.maps.pairCells))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.recommendation} AS ${recommendationMapSql(values('rec_cell', names.maps.pairCells))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.pair} AS
    SELECT p.inspection_cell, p.rec_cell, im.inspection_id,
      -- A reference read as a known number stands; where it does not, the user's mapping for that inspection.
      CASE WHEN rec.rec_no IS NULL AND mapped.rec_no IS NOT NULL THEN mapped.rec_no ELSE rm.rec_no END AS rec_no,
      rec.rec_no IS NOT NULL OR mapped.rec_no IS NOT NULL AS rec_known, i.published
    FROM ${names.maps.pairCells} p
    LEFT JOIN ${names.maps.inspection} im ON im.raw = p.inspection_cell
    LEFT JOIN ${names.maps.recommendation} rm ON rm.raw = p.rec_cell
    LEFT JOIN ${options.relations.recommendations} rec ON rec.inspection_id = im.inspection_id AND rec.rec_no = rm.rec_no AND rec.for_forces
    LEFT JOIN ingest_recommendation_names um ON um.inspection_id = im.inspection_id AND um.key = rm.key
    LEFT JOIN ${options.relations.recommendations} mapped ON mapped.inspection_id = um.inspection_id AND mapped.rec_no = um.rec_no AND mapped.for_forces
    LEFT JOIN ${options.relations.inspections} i ON i.inspection_id = im.inspection_id`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.status} AS ${statusMapSql(values('status_cell'))}`);
  await db.query(`CREATE OR REPLACE TABLE ${names.maps.date} AS ${dateMapSql(values('date_cell'))}`);
  if (shape.columns.source !== undefined) {
    await db.query(`CREATE OR REPLACE TABLE ${names.maps.source} AS
      SELECT raw, ingest_clean(raw) AS clean FROM (SELECT DISTINCT source_cell AS raw FROM ${names.cells} WHERE source_cell IS NOT NULL)`);
  }

  const hasDate = shape.columns.date !== undefined;
  // A blank cell in a wide file is a force without a status, not a problem.
  const wideBlank = shape.kind === 'wide' ? 'WHERE sm.clean IS NOT NULL' : '';
  // Narrow on purpose: copying a million rows costs per column. What problems need beyond these
  // is read again from the cells and maps, for the few rows that have problems.
  await db.query(
    `CREATE OR REPLACE TABLE ${names.stage} AS
     SELECT c.row_no, c.col, c.is_empty,
       fm.force_id, pm.inspection_id, pm.rec_no, pm.rec_known, sm.status,
       CASE WHEN $1 THEN dm.as_of ELSE $2::DATE END AS as_of, pm.published,
       c.evidence, ${shape.columns.source === undefined ? '$3' : `coalesce(${names.maps.source}.clean, $3)`} AS source,
       NULL::BIGINT AS duplicate_of
     FROM ${names.cells} c
     LEFT JOIN ${names.maps.force} fm ON fm.raw = c.force_cell
     -- Blank cells are pairs too: matched as equal, as DISTINCT grouped them.
     LEFT JOIN ${names.maps.pair} pm ON pm.inspection_cell IS NOT DISTINCT FROM c.inspection_cell AND pm.rec_cell IS NOT DISTINCT FROM c.rec_cell
     LEFT JOIN ${names.maps.status} sm ON sm.raw = c.status_cell
     LEFT JOIN ${names.maps.date} dm ON dm.raw = c.date_cell
     ${shape.columns.source === undefined ? '' : `LEFT JOIN ${names.maps.source} ON ${names.maps.source}.raw = c.source_cell`}
     ${wideBlank}`,
    [hasDate, options.defaultDate, options.source],
  );
  await findProblems(db, names, raw, shape, options.relations.recommendations);
}

/**
 * Every problem with the staged rows, then the duplicates among the rows with none. One statement
 * counts the suspects of every check first: a clean file of a million rows then costs a few scans
 * in one statement, not one join per kind of problem (each statement is planned anew, too).
 */
async function findProblems(db: Connector, names: StagingNames, raw: RawTable, shape: FileShape, recommendations: string): Promise<void> {
  const today = localToday();
  const [suspects] = resultRows<{ force: number; inspection: number; rec: number; status: number; date: number; early: number } & WarningSuspects & { repeats: number }>(
    await db.query(`SELECT count(*) FILTER (WHERE force_id IS NULL)::INTEGER AS force,
        count(*) FILTER (WHERE inspection_id IS NULL)::INTEGER AS inspection,
        count(*) FILTER (WHERE NOT rec_known)::INTEGER AS rec,
        count(*) FILTER (WHERE status IS NULL)::INTEGER AS status,
        count(*) FILTER (WHERE as_of IS NULL)::INTEGER AS date,
        count(*) FILTER (WHERE as_of < published)::INTEGER AS early,
        ${warningSuspectsSql(names.stage, OK_SQL)},
        -- Grouping on one hash is much faster than on five columns; a collision can only make this
        -- count too high, and the rows are then compared column by column. Most files have none.
        (SELECT count(*) - count(DISTINCT hash(force_id, inspection_id, rec_no, as_of, status))
         FROM ${names.stage} WHERE ${OK_SQL})::INTEGER AS repeats
      FROM ${names.stage} WHERE NOT is_empty`, [today]));
  const header = (role: ColumnRole) => (shape.columns[role] === undefined ? null : columnName(raw.headers, shape.columns[role]!));
  const insert = async (sql: string, params: SqlParam[] = []) => db.query(`INSERT INTO ${names.problems} ${sql}`, params);
  // In a wide file a row's inspection, recommendation and date serve many cells: report them once.
  const once = shape.kind === 'wide' ? 'DISTINCT' : '';
  // The rows of one suspect kind, with their cells and that column's map.
  const suspectCells = (where: string, cell: string, map: string) =>
    `FROM (SELECT row_no, col FROM ${names.stage} WHERE NOT is_empty AND ${where}) s
     JOIN ${names.cells} c USING (row_no, col) LEFT JOIN ${map} m ON m.raw = c.${cell}`;

  const checks: { role: ColumnRole; count: number; where: string; cell: string; map: string; unknown: string | null }[] = [
    { role: 'force', count: suspects!.force, where: 'force_id IS NULL', cell: 'force_cell', map: names.maps.force, unknown: 'unknown_force' },
    { role: 'inspection', count: suspects!.inspection, where: 'inspection_id IS NULL', cell: 'inspection_cell', map: names.maps.inspection, unknown: 'unknown_inspection' },
    { role: 'recommendation', count: suspects!.rec, where: 'rec_no IS NULL', cell: 'rec_cell', map: names.maps.recommendation, unknown: null },
    { role: 'status', count: suspects!.status, where: 'status IS NULL', cell: 'status_cell', map: names.maps.status, unknown: null },
    { role: 'date', count: shape.columns.date === undefined ? 0 : suspects!.date, where: 'as_of IS NULL', cell: 'date_cell', map: names.maps.date, unknown: null },
  ];
  for (const check of checks) {
    if (check.count === 0 || shape.columns[check.role] === undefined) continue;
    const index = shape.columns[check.role]!;
    await insert(`SELECT ${once} s.row_no, $1, $2, NULL, 'empty_value', $3 ${suspectCells(check.where, check.cell, check.map)}
      WHERE m.clean IS NULL`, [index, header(check.role), roleLabel(check.role)]);
    if (check.unknown) {
      await insert(`SELECT ${once} s.row_no, $1, $2, m.clean, '${check.unknown}', m.suggestion ${suspectCells(check.where, check.cell, check.map)}
        WHERE m.clean IS NOT NULL`, [index, header(check.role), roleLabel(check.role)].slice(0, 2));
    }
  }
  if (suspects!.rec > 0) {
    // Without a known inspection a reference cannot be read or mapped; within one, it can.
    await insert(`SELECT ${once} s.row_no, $1, $2, m.clean, 'bad_recommendation', NULL
      ${suspectCells('rec_no IS NULL AND inspection_id IS NULL', 'rec_cell', names.maps.recommendation)} WHERE m.clean IS NOT NULL`,
    [shape.columns.recommendation!, header('recommendation')]);
    // Detail: inspection | number read (blank when none) | its numbers | the likeliest one ("Rec 2a" → 2)
    // | the inspection as the file wrote it (what the message names).
    await insert(`SELECT ${once} s.row_no, $1, $2, m.clean, 'unknown_recommendation',
        format('{}|{}|{}|{}|{}', st.inspection_id, coalesce(st.rec_no::VARCHAR, ''), known.numbers,
          CASE WHEN list_contains(known.list, m.first_number) THEN m.first_number::VARCHAR ELSE '' END,
          (SELECT min(im.clean) FROM ${names.maps.inspection} im WHERE im.inspection_id = st.inspection_id))
      ${suspectCells('NOT rec_known AND inspection_id IS NOT NULL', 'rec_cell', names.maps.recommendation)}
      JOIN ${names.stage} st USING (row_no, col)
      JOIN (SELECT inspection_id, string_agg(rec_no::VARCHAR, ', ' ORDER BY rec_no) AS numbers, list(rec_no) AS list
            FROM ${recommendations} WHERE for_forces GROUP BY inspection_id) known ON known.inspection_id = st.inspection_id
      WHERE m.clean IS NOT NULL`,
    [shape.columns.recommendation!, header('recommendation')]);
  }
  if (suspects!.status > 0) {
    const column = shape.kind === 'wide' ? 'fc.status_col, fc.force_column' : '$1::INTEGER, $2';
    const forceColumns = shape.kind === 'wide' ? `JOIN ${names.maps.forceColumns} fc USING (col)` : '';
    await insert(`SELECT s.row_no, ${column}, m.clean, 'unknown_status', m.suggestion
      ${suspectCells('status IS NULL', 'status_cell', names.maps.status)} ${forceColumns} WHERE m.clean IS NOT NULL`,
    shape.kind === 'wide' ? [] : [shape.columns.status!, header('status')]);
  }
  if (shape.columns.date !== undefined && suspects!.date > 0) {
    await insert(`SELECT ${once} s.row_no, $1, $2, m.clean, m.kind, m.detail
      ${suspectCells('as_of IS NULL', 'date_cell', names.maps.date)} WHERE m.clean IS NOT NULL`,
    [shape.columns.date, header('date')]);
  }
  // A warning, not an error: the row loads (one per status, so each names its force).
  if (suspects!.early > 0) {
    await insert(`SELECT s.row_no, $1, $2, coalesce(m.clean, strftime(st.as_of, '%Y-%m-%d')), 'date_before_publication',
        ${warningDetailSql("strftime(st.published, '%Y-%m-%d')", names.maps.inspection)}
      ${suspectCells(`as_of < published AND ${OK_SQL}`, 'date_cell', names.maps.date)}
      JOIN ${names.stage} st USING (row_no, col) JOIN forces f ON f.force_id = st.force_id`, [shape.columns.date ?? null, header('date')]);
  }
  await findStatusWarnings(db, names, OK_SQL, {
    date: shape.columns.date ?? null, dateHeader: header('date'),
    status: shape.kind === 'wide' ? null : shape.columns.status ?? null, statusHeader: shape.kind === 'wide' ? null : header('status'),
  }, today, suspects!);

  // The join compares the columns, so a hash collision can never make two different rows duplicates.
  if (suspects!.repeats === 0) return;
  await db.query(`UPDATE ${names.stage} SET duplicate_of = d.first_row
    FROM (
      WITH repeated AS (
        SELECT hash(force_id, inspection_id, rec_no, as_of, status) AS h FROM ${names.stage} WHERE ${OK_SQL}
        GROUP BY h HAVING count(*) > 1),
      candidates AS (
        SELECT row_no, col, force_id, inspection_id, rec_no, as_of, status FROM ${names.stage}
        WHERE ${OK_SQL} AND hash(force_id, inspection_id, rec_no, as_of, status) IN (SELECT h FROM repeated)),
      firsts AS (
        SELECT force_id, inspection_id, rec_no, as_of, status, min(row_no) AS first_row FROM candidates GROUP BY ALL)
      SELECT c.row_no, c.col, f.first_row FROM candidates c JOIN firsts f USING (force_id, inspection_id, rec_no, as_of, status)
      WHERE c.row_no > f.first_row
    ) d
    WHERE ${names.stage}.row_no = d.row_no AND ${names.stage}.col = d.col`);
  await insert(`SELECT st.row_no, NULL, NULL, NULL, 'duplicate_row', ${warningDetailSql('st.duplicate_of', names.maps.inspection)}
    FROM ${names.stage} st JOIN forces f USING (force_id) WHERE st.duplicate_of IS NOT NULL`);
}

/** A staged row that can be loaded (before duplicates are looked for). Warnings do not stop a row. */
export const OK_SQL = `(NOT is_empty AND force_id IS NOT NULL AND inspection_id IS NOT NULL AND rec_known
  AND status IS NOT NULL AND as_of IS NOT NULL)`;

/** A staged row that will be loaded. */
export const LOADABLE_SQL = `(${OK_SQL} AND duplicate_of IS NULL)`;
