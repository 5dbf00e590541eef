import type { Connector } from '../../../db/connector';
import { resultRows } from './result-rows';

/**
 * The names of one load's working tables. They are made from a counter, never from a file's name
 * or content, so no text from a file is ever part of SQL.
 */
export interface StagingNames {
  id: string;
  /** Prefix of the files registered with DuckDB for this load. */
  prefix: string;
  raw: string;
  arrow: string;
  rejects: string;
  rejectScans: string;
  rejected: string;
  rowNumbers: string;
  cells: string;
  maps: {
    force: string; inspection: string; recommendation: string; status: string; date: string; source: string; forceColumns: string;
    /** Each distinct (inspection cell, recommendation cell) of a status file, and what it reads as. */
    pairCells: string; pair: string;
  };
  stage: string;
  problems: string;
}

let counter = 0;

export function stagingNames(): StagingNames {
  counter += 1;
  const id = `${Date.now().toString(36)}_${counter}`;
  const name = (what: string) => `ingest_${what}_${id}`;
  return {
    id,
    prefix: `ingest/${id}`,
    raw: name('raw'),
    arrow: name('arrow'),
    rejects: name('rejects'),
    rejectScans: name('reject_scans'),
    rejected: name('rejected'),
    rowNumbers: name('row_numbers'),
    cells: name('cells'),
    maps: {
      force: name('force_map'),
      inspection: name('inspection_map'),
      recommendation: name('rec_map'),
      status: name('status_map'),
      date: name('date_map'),
      source: name('source_map'),
      forceColumns: name('force_columns'),
      pairCells: name('pair_cells'),
      pair: name('pair_map'),
    },
    stage: name('stage'),
    problems: name('problems'),
  };
}

/** The map of one column of a reference file (see stage-reference.ts). */
export function columnMapName(names: StagingNames, column: string): string {
  return `ingest_column_map_${column}_${names.id}`;
}

/** Drops every table and view a load may have made; the loaded data is not touched. */
export async function dropStaging(db: Connector, names: StagingNames): Promise<void> {
  // Views first: they depend on the tables. The raw cells are a table (CSV) or a view (Arrow).
  const relations = [names.cells, names.raw, names.arrow, names.rejected, names.rowNumbers, names.stage, names.problems,
    names.rejects, names.rejectScans, ...Object.values(names.maps)];
  const views = new Set(resultRows<{ name: string }>(await db.query(
    `SELECT view_name AS name FROM duckdb_views() WHERE view_name LIKE $1`, [`%${names.id}`])).map((row) => row.name));
  for (const name of relations) await db.query(`DROP ${views.has(name) ? 'VIEW' : 'TABLE'} IF EXISTS ${name}`);
  // The column maps of a reference file, whose names depend on its columns.
  const maps = resultRows<{ name: string }>(await db.query(
    `SELECT table_name AS name FROM duckdb_tables() WHERE starts_with(table_name, 'ingest_column_map_') AND ends_with(table_name, $1)`,
    [`_${names.id}`]));
  for (const { name } of maps) await db.query(`DROP TABLE IF EXISTS ${name}`);
}
