import type { Connector, SqlParam } from '../../../db/connector';
import { dueDateFrom } from '../../due-date';
import { resultRows } from './result-rows';
import type { BatchRelations } from './batch-relations';
import { columnName } from '../recognise/file-shape';
import { LIST_SEPARATOR } from '../vocabulary/mapping-tables';
import type { RawTable } from './raw-table';
import { sqlType, type ReferenceColumn, type ReferenceDefinition } from './reference-kinds';
import { columnMapName, type StagingNames } from './staging-names';
import { dateMapSql, forceMapSql, inspectionMapSql, recommendationMapSql } from '../vocabulary/value-maps.sql';

/**
 * From a reference file's cells to canonical rows of its table, each marked loadable or not, with
 * every problem found (spreadsheet row, column, value, kind, detail). A row whose key is already
 * loaded with the same values is `already` there (not a problem, not loaded again); with other
 * values it is refused, naming the file that holds it. Reference files are small (hundreds of
 * rows), so each check is its own plain query.
 */
export interface ReferenceStagingOptions {
  /** The file's name, which later files of the batch are told holds its rows. */
  fileName: string;
  /** Which file column each canonical column is. */
  columns: Partial<Record<string, number>>;
}

const YES = ['true', 'yes', 'y', '1', 't'];
const NO = ['false', 'no', 'n', '0', 'f'];
/** The readings whose cells can fail to read, and so have a check of their own in findProblems. */
const CHECKED_READINGS: ReadonlySet<ReferenceColumn['reading']> = new Set(['force', 'inspection', 'rec_no', 'date', 'date_or_blank', 'yes_no']);
const isDate = (c: ReferenceColumn) => c.reading === 'date' || c.reading === 'date_or_blank';

/** What a key is called in messages, from the staged row `s`. */
const KEY_TEXT: Record<ReferenceDefinition['kind'], string> = {
  inspections: `s.inspection_id`,
  recommendations: `format('{} recommendation {}', s.inspection_id, s.rec_no)`,
  responses: `format('the response of {} to {}{}', s.force_id, s.inspection_id, CASE WHEN s.published IS NULL THEN ' (date not known)' ELSE format(' published {}', strftime(s.published, '%Y-%m-%d')) END)`,
};

export async function stageReference(
  db: Connector,
  names: StagingNames,
  raw: RawTable,
  definition: ReferenceDefinition,
  batch: BatchRelations,
  options: ReferenceStagingOptions,
): Promise<void> {
  const { columns } = options;
  const present = definition.columns.filter((c) => columns[c.column] !== undefined);
  const cell = (c: ReferenceColumn) => `c.${c.column}_cell`;
  const everyCell = raw.headers.map((_, i) => `r.c${i}`);
  await db.query(`CREATE OR REPLACE VIEW ${names.cells} AS
    SELECT ${raw.rowNumberSql('r')} AS row_no, 0 AS col,
      ${definition.columns.map((c) => `${columns[c.column] === undefined ? 'NULL::VARCHAR' : `r.c${columns[c.column]}`} AS ${c.column}_cell`).join(', ')},
      ${everyCell.map((c) => `ingest_clean(${c}) IS NULL`).join(' AND ')} AS is_empty
    FROM ${names.raw} r ${raw.rowNumberJoin('r')}`);

  // One small map per column that needs reading; the rest are taken as written (trimmed).
  const values = (c: ReferenceColumn) => `SELECT ${c.column}_cell AS raw FROM ${names.cells}`;
  const joins: string[] = [];
  const value: Record<string, string> = {};
  for (const c of definition.columns) {
    const clean = `ingest_clean(${cell(c)})`;
    if (columns[c.column] === undefined) {
      value[c.column] = c.reading === 'yes_no' ? 'true' : c.column === 'kind' ? `'not stated'` : `NULL::${sqlType(c.reading)}`;
      continue;
    }
    const map = columnMapName(names, c.column);
    switch (c.reading) {
      case 'force':
        await db.query(`CREATE OR REPLACE TABLE ${map} AS ${forceMapSql(values(c))}`);
        joins.push(`LEFT JOIN ${map} ON ${map}.raw = ${cell(c)}`);
        value[c.column] = `${map}.force_id`;
        break;
      case 'inspection':
        await db.query(`CREATE OR REPLACE TABLE ${map} AS ${inspectionMapSql(values(c))}`);
        joins.push(`LEFT JOIN ${map} ON ${map}.raw = ${cell(c)}`);
        value[c.column] = `${map}.inspection_id`;
        break;
      case 'rec_no':
        await db.query(`CREATE OR REPLACE TABLE ${map} AS ${recommendationMapSql(values(c))}`);
        joins.push(`LEFT JOIN ${map} ON ${map}.raw = ${cell(c)}`);
        value[c.column] = `CASE WHEN ${map}.rec_no > 0 THEN ${map}.rec_no END`;
        break;
      case 'date':
      case 'date_or_blank':
        await db.query(`CREATE OR REPLACE TABLE ${map} AS ${dateMapSql(values(c))}`);
        joins.push(`LEFT JOIN ${map} ON ${map}.raw = ${cell(c)}`);
        value[c.column] = `${map}.as_of`;
        break;
      case 'yes_no':
        // Blank is yes: most recommendations are for forces, and the schema needs a value.
        value[c.column] = `CASE WHEN ${clean} IS NULL THEN true WHEN ingest_text_key(${clean}) IN (${YES.map((w) => `'${w}'`).join(', ')}) THEN true
          WHEN ingest_text_key(${clean}) IN (${NO.map((w) => `'${w}'`).join(', ')}) THEN false END`;
        break;
      default:
        value[c.column] = c.column === 'kind' ? `coalesce(${clean}, 'not stated')` : clean;
    }
  }
  const inspection = definition.columns.find((c) => c.reading === 'inspection');
  const published = inspection ? `bi.published` : 'NULL::DATE';
  await db.query(`CREATE OR REPLACE TABLE ${names.stage} AS
    SELECT c.row_no, c.col, c.is_empty,
      ${definition.columns.map((c) => `${value[c.column]} AS ${c.column}`).join(', ')},
      ${published} AS inspection_published, false AS already, false AS loadable, $1::VARCHAR AS held_by
    FROM ${names.cells} c ${joins.join(' ')}
    ${inspection ? `LEFT JOIN ${batch.inspections} bi ON bi.inspection_id = ${value.inspection_id}` : ''}
    WHERE NOT c.is_empty`, [options.fileName]);

  if (definition.kind === 'recommendations') await deriveDueDates(db, names);
  await findProblems(db, names, raw, definition, present, batch, options);
}

/** A deadline as written becomes the due date where none is given (due-date.ts, the one reading). */
async function deriveDueDates(db: Connector, names: StagingNames): Promise<void> {
  const pairs = resultRows<{ due_text: string; published: string }>(await db.query(
    `SELECT DISTINCT due_text, strftime(inspection_published, '%Y-%m-%d') AS published FROM ${names.stage}
     WHERE due_date IS NULL AND due_text IS NOT NULL AND inspection_published IS NOT NULL`));
  const read = pairs.flatMap((p) => {
    const due = dueDateFrom(p.due_text, p.published);
    return due ? [{ ...p, due }] : [];
  });
  if (read.length === 0) return;
  await db.query(`UPDATE ${names.stage} s SET due_date = d.due::DATE
    FROM (SELECT unnest(string_split($1, chr(31))) AS due_text, unnest(string_split($2, chr(31)))::DATE AS published,
                 unnest(string_split($3, chr(31))) AS due) d
    WHERE s.due_date IS NULL AND s.due_text = d.due_text AND s.inspection_published = d.published`,
  [read.map((r) => r.due_text).join(LIST_SEPARATOR), read.map((r) => r.published).join(LIST_SEPARATOR), read.map((r) => r.due).join(LIST_SEPARATOR)]);
}

async function findProblems(
  db: Connector,
  names: StagingNames,
  raw: RawTable,
  definition: ReferenceDefinition,
  present: readonly ReferenceColumn[],
  batch: BatchRelations,
  options: ReferenceStagingOptions,
): Promise<void> {
  const { columns } = options;
  const insert = (sql: string, params: SqlParam[] = []) => db.query(`INSERT INTO ${names.problems} ${sql}`, params);
  const header = (c: ReferenceColumn) => columnName(raw.headers, columns[c.column]!);
  const from = `FROM ${names.stage} s JOIN ${names.cells} c USING (row_no)`;

  // One statement counts the suspects of every check first: a clean file (the usual case) then
  // costs one query here, not one per column (in the browser each statement costs tens of ms).
  const checked = present.filter((c) => c.required || CHECKED_READINGS.has(c.reading));
  const clean = (c: ReferenceColumn) => `ingest_clean(c.${c.column}_cell)`;
  const dueText = definition.kind === 'recommendations' ? present.find((c) => c.column === 'due_text') : undefined;
  const dueUnread = `s.due_date IS NULL AND s.due_text IS NOT NULL AND s.inspection_published IS NOT NULL AND ingest_clean(c.due_date_cell) IS NULL`;
  const dueEarly = 's.due_date < s.inspection_published';
  const counts = [
    ...checked.flatMap((c, i) => [
      `count(*) FILTER (WHERE ${clean(c)} IS NULL)::INTEGER AS empty_${i}`,
      // A date left unread may have been filled from the deadline as written since (deriveDueDates): its
      // check reads the column's map, so it always runs.
      isDate(c) ? `1 AS unread_${i}` : `count(*) FILTER (WHERE s.${c.column} IS NULL AND ${clean(c)} IS NOT NULL)::INTEGER AS unread_${i}`,
    ]),
    `count(*) FILTER (WHERE ${dueText ? dueUnread : 'false'})::INTEGER AS due_unread`,
    `count(*) FILTER (WHERE ${definition.kind === 'recommendations' ? dueEarly : 'false'})::INTEGER AS due_early`,
  ];
  const [suspects] = resultRows<Record<string, number>>(await db.query(`SELECT ${counts.join(', ')} ${from}`));

  for (const [i, c] of checked.entries()) {
    const where = (condition: string) => `${from} WHERE ${condition}`;
    const at: SqlParam[] = [columns[c.column]!, header(c)];
    const map = columnMapName(names, c.column);
    if (c.required && suspects![`empty_${i}`]! > 0) {
      await insert(`SELECT s.row_no, $1, $2, NULL, 'empty_value', $3 ${where(`${clean(c)} IS NULL`)}`, [...at, c.label]);
    }
    if (suspects![`unread_${i}`] === 0) continue;
    switch (c.reading) {
      case 'force':
      case 'inspection':
        await insert(`SELECT s.row_no, $1, $2, m.clean, '${c.reading === 'force' ? 'unknown_force' : 'unknown_inspection'}', m.suggestion
          ${from} JOIN ${map} m ON m.raw = c.${c.column}_cell WHERE s.${c.column} IS NULL AND m.clean IS NOT NULL`, at);
        break;
      case 'rec_no':
        await insert(`SELECT s.row_no, $1, $2, ${clean(c)}, 'bad_recommendation', 'positive' ${where(`s.rec_no IS NULL AND ${clean(c)} IS NOT NULL`)}`, at);
        break;
      case 'date':
      case 'date_or_blank':
        await insert(`SELECT s.row_no, $1, $2, m.clean, m.kind, m.detail
          ${from} JOIN ${map} m ON m.raw = c.${c.column}_cell WHERE m.as_of IS NULL AND m.clean IS NOT NULL`, at);
        break;
      case 'yes_no':
        await insert(`SELECT s.row_no, $1, $2, ${clean(c)}, 'bad_yes_no', NULL ${where(`s.${c.column} IS NULL AND ${clean(c)} IS NOT NULL`)}`, at);
        break;
      default:
    }
  }

  if (dueText && suspects!.due_unread! > 0) {
    await insert(`SELECT s.row_no, $1, $2, s.due_text, 'due_text_unread', NULL ${from} WHERE ${dueUnread}`, [columns.due_text!, header(dueText)]);
  }
  if (definition.kind === 'recommendations' && suspects!.due_early! > 0) {
    const shown = present.find((c) => c.column === 'due_date') ?? dueText;
    await insert(`SELECT s.row_no, $1, $2, strftime(s.due_date, '%Y-%m-%d'), 'due_before_publication',
        format('{}|{}', s.inspection_id, strftime(s.inspection_published, '%Y-%m-%d'))
      FROM ${names.stage} s WHERE ${dueEarly}`,
    [shown ? columns[shown.column]! : null, shown ? header(shown) : null]);
  }

  // The rows with no problem so far: a duplicate or a conflict is only worth saying of those.
  const clear = `s.row_no NOT IN (SELECT row_no FROM ${names.problems} WHERE row_no IS NOT NULL)`;
  const key = definition.key.map((column) => `s.${column}`).join(', ');
  await insert(`SELECT s.row_no, NULL, NULL, NULL, 'duplicate_key', format('{}|{}', f.first_row, ${KEY_TEXT[definition.kind]})
    FROM ${names.stage} s
    JOIN (SELECT ${key}, min(row_no) AS first_row FROM ${names.stage} s WHERE ${clear} GROUP BY ALL) f
      ON ${definition.key.map((column) => `f.${column} IS NOT DISTINCT FROM s.${column}`).join(' AND ')}
    WHERE ${clear} AND s.row_no > f.first_row`);

  // Against what is loaded and what earlier files of this batch hold.
  const sameKey = definition.key.map((column) => `b.${column} IS NOT DISTINCT FROM s.${column}`).join(' AND ');
  // A column the file does not have is not given, so it cannot differ.
  const sameValues = present.map((c) => `b.${c.column} IS NOT DISTINCT FROM s.${c.column}`).join(' AND ');
  await insert(`SELECT s.row_no, NULL, NULL, NULL, 'key_conflict', format('{}|{}', ${KEY_TEXT[definition.kind]}, b.held_by)
    FROM ${names.stage} s JOIN ${batch[definition.kind]} b ON ${sameKey}
    WHERE ${clear} AND NOT (${sameValues})`);
  await db.query(`UPDATE ${names.stage} s SET already = true FROM ${batch[definition.kind]} b
    WHERE ${sameKey} AND ${sameValues} AND ${clear}`);
  await db.query(`UPDATE ${names.stage} s SET loadable = NOT already AND ${clear}`);
}

interface ReferenceCounts { found: number; loadable: number; already: number; problems: number; empty: number }

/** Counts for the report: rows found, rows that will load, rows already loaded as they are. */
export async function referenceCounts(db: Connector, names: StagingNames): Promise<ReferenceCounts> {
  const [row] = resultRows<ReferenceCounts>(await db.query(
    `SELECT count(*)::INTEGER AS found, count(*) FILTER (loadable)::INTEGER AS loadable,
            count(*) FILTER (already AND row_no NOT IN (SELECT row_no FROM ${names.problems} WHERE row_no IS NOT NULL))::INTEGER AS already,
            (SELECT count(*) FROM ${names.problems})::INTEGER AS problems,
            (SELECT count(*) FROM ${names.cells} WHERE is_empty)::INTEGER AS empty
     FROM ${names.stage}`));
  return row!;
}
