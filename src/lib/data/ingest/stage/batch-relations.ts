import type { Connector } from '../../../db/connector';
import { createInspectionNames } from '../vocabulary/mapping-tables';
import { USER_REFERENCE_TABLES } from '../loaded/load-registry';
import { REFERENCE_DEFINITIONS, REFERENCE_KINDS, SHIPPED_HOLDER, type ReferenceKind } from './reference-kinds';

/**
 * One batch of files sees the loaded reference rows and the valid new rows of the batch's own
 * reference files, so statuses can name an inspection loaded in the same drop. Small tables, one
 * per reference table, each row with `held_by` (the file that holds it), copied rather than views
 * so a million statuses join a table whose size DuckDB knows. The loaded tables are never touched.
 */
export type BatchRelations = Record<ReferenceKind, string> & { id: string };

/** A reference file staged in this batch: its staging table and kind. */
export interface BatchMember {
  kind: ReferenceKind;
  stage: string;
}

let counter = 0;

export function batchRelations(): BatchRelations {
  counter += 1;
  const id = `${Date.now().toString(36)}_b${counter}`;
  return {
    id,
    inspections: `ingest_batch_inspections_${id}`,
    recommendations: `ingest_batch_recommendations_${id}`,
    responses: `ingest_batch_responses_${id}`,
  };
}

/** The loaded rows of a table, each with the file that holds it. */
function loadedRows(kind: ReferenceKind): string {
  const { key, columns } = REFERENCE_DEFINITIONS[kind];
  const owned = USER_REFERENCE_TABLES[kind];
  const match = key.map((column) => `u.${column} IS NOT DISTINCT FROM t.${column}`).join(' AND ');
  return `SELECT ${columns.map((c) => `t.${c.column}`).join(', ')}, coalesce(l.file_name, '${SHIPPED_HOLDER}') AS held_by
    FROM ${kind} t LEFT JOIN ${owned} u ON ${match} LEFT JOIN ingest_loads l ON l.load_id = u.load_id`;
}

/**
 * (Re)builds the batch's tables from the loaded tables and the members staged so far: every kind,
 * or only `kind`, the one a member was just added to (the others have not changed).
 */
export async function refreshBatch(db: Connector, batch: BatchRelations, members: readonly BatchMember[], kind?: ReferenceKind): Promise<void> {
  for (const each of kind ? [kind] : REFERENCE_KINDS) {
    const columns = REFERENCE_DEFINITIONS[each].columns.map((c) => c.column).join(', ');
    const staged = members.filter((member) => member.kind === each)
      .map((member) => `SELECT ${columns}, held_by FROM ${member.stage} WHERE loadable`);
    await db.query(`CREATE OR REPLACE TABLE ${batch[each]} AS ${[loadedRows(each), ...staged].join(' UNION ALL ')}`);
  }
  if (!kind || kind === 'inspections') await createInspectionNames(db, batch.inspections);
}

/** Drops the batch's tables and puts the inspection names back to the loaded inspections. */
export async function dropBatch(db: Connector, batch: BatchRelations): Promise<void> {
  for (const kind of REFERENCE_KINDS) await db.query(`DROP TABLE IF EXISTS ${batch[kind]}`);
  await createInspectionNames(db);
}
