import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { roleOfHeader, type ColumnRole } from './column-synonyms';
import { LIST_SEPARATOR } from '../vocabulary/mapping-tables';
import { REFERENCE_DEFINITIONS, referenceColumns, type FileKind, type ReferenceKind } from '../stage/reference-kinds';
import { forceMapSql } from '../vocabulary/value-maps.sql';

/**
 * What a file holds, from its headers alone: statuses (long or wide), inspections,
 * recommendations or PCC responses; null when the headers fit no kind. A Status column, or a
 * column named after a force (a wide status file), settles it as statuses; otherwise each
 * reference kind is recognised by the columns only it has.
 */
export async function recogniseKind(db: Connector, headers: readonly string[]): Promise<FileKind | null> {
  const roles = new Set(headers.map(roleOfHeader).filter((role): role is ColumnRole => role !== null));
  if (roles.has('status') || (await namesAForce(db, headers))) return 'statuses';
  const found = (kind: ReferenceKind) => {
    const columns = referenceColumns(REFERENCE_DEFINITIONS[kind], headers);
    return { every: (names: string[]) => names.every((n) => columns[n] !== undefined), some: (names: string[]) => names.some((n) => columns[n] !== undefined) };
  };
  const recommendations = found('recommendations');
  const responses = found('responses');
  const inspections = found('inspections');

  if (!roles.has('force') && recommendations.every(['inspection_id', 'rec_no'])
    && recommendations.some(['text', 'addressee', 'for_forces', 'due_text', 'due_date'])) return 'recommendations';
  if (!roles.has('recommendation') && responses.every(['force_id', 'inspection_id']) && responses.some(['published', 'url', 'note'])) return 'responses';
  if (!roles.has('recommendation') && !roles.has('force') && inspections.every(['inspection_id', 'title', 'published'])) return 'inspections';
  // Close enough to a status file to be told which of its columns are missing.
  if (roles.has('force') || roles.has('recommendation')) return 'statuses';
  return null;
}

/** Whether any header that is not a known column is the name of a force. */
async function namesAForce(db: Connector, headers: readonly string[]): Promise<boolean> {
  const candidates = headers.map((h) => h.trim()).filter((h, i) => h && roleOfHeader(headers[i]!) === null);
  if (candidates.length === 0) return false;
  const rows = resultRows<{ force_id: string | null }>(await db.query(
    forceMapSql(`SELECT unnest(string_split($1, chr(31))) AS raw`), [candidates.join(LIST_SEPARATOR)]));
  return rows.some((row) => row.force_id !== null);
}
