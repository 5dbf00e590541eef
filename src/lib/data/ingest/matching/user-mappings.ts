import type { Connector } from '../../../db/connector';
import { resultRows } from '../stage/result-rows';
import { createKeyMacros } from './key-macros';

/**
 * The user's own mappings: "this force name / inspection title / status word, as written in my
 * files, means that one", and "this recommendation reference, within that inspection, means that
 * recommendation number" ("Rec 2a", "AFI 3"). They join the shipped vocabulary in the very same mapping tables
 * (mapping-tables.ts), so a mapped value is read exactly as a shipped spelling is.
 */
export const MAPPING_KINDS = ['force', 'inspection', 'status', 'recommendation'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

export interface UserMapping {
  kind: MappingKind;
  /** The value as written in the file (trimmed). */
  written_as: string;
  /** The force id, inspection id, canonical status, or recommendation number it means. */
  meaning: string;
  /** For a recommendation: the inspection (id) whose references it reads; otherwise absent. */
  inspection?: string | null;
}

export const USER_MAPPINGS_DDL = `CREATE TABLE IF NOT EXISTS ingest_user_mappings (
  kind VARCHAR NOT NULL, written_as VARCHAR NOT NULL, meaning VARCHAR NOT NULL, ord INTEGER NOT NULL, inspection VARCHAR)`;

/** The key each kind is matched by: the same macro the file's cells are keyed with. */
export const MAPPING_KEY_SQL: Record<MappingKind, (value: string) => string> = {
  force: (value) => `ingest_force_key(${value})`,
  inspection: (value) => `ingest_inspection_key(${value})`,
  status: (value) => `ingest_text_key(${value})`,
  recommendation: (value) => `ingest_text_key(${value})`,
};

export async function listUserMappings(db: Connector): Promise<UserMapping[]> {
  await db.query(USER_MAPPINGS_DDL);
  const rows = resultRows<UserMapping>(await db.query('SELECT kind, written_as, meaning, inspection FROM ingest_user_mappings ORDER BY ord'));
  // Only a recommendation is read within an inspection.
  return rows.map(({ inspection, ...mapping }) => (mapping.kind === 'recommendation' ? { ...mapping, inspection } : mapping));
}

/**
 * Adds mappings; one that spells a value already mapped (by its key) replaces the older one, so
 * the last word the user said stands. Mappings are kept even when their meaning is not loaded
 * (an inspection of a file yet to come); the mapping tables simply do not use them until it is.
 */
export async function addUserMappings(db: Connector, mappings: readonly UserMapping[]): Promise<void> {
  await createKeyMacros(db);
  await db.query(USER_MAPPINGS_DDL);
  for (const mapping of mappings) {
    const written = mapping.written_as.trim();
    if (!written || !mapping.meaning) continue;
    const key = MAPPING_KEY_SQL[mapping.kind];
    const inspection = mapping.kind === 'recommendation' ? mapping.inspection ?? '' : '';
    await db.query(`DELETE FROM ingest_user_mappings
      WHERE kind = $1 AND ${key('written_as')} = ${key('$2')} AND coalesce(inspection, '') = $3`, [mapping.kind, written, inspection]);
    await db.query(`INSERT INTO ingest_user_mappings
      SELECT $1, $2, $3, coalesce((SELECT max(ord) FROM ingest_user_mappings), 0) + 1, nullif($4, '')`,
    [mapping.kind, written, mapping.meaning, inspection]);
  }
}

export async function removeUserMapping(db: Connector, mapping: UserMapping): Promise<void> {
  await db.query(USER_MAPPINGS_DDL);
  await db.query(`DELETE FROM ingest_user_mappings WHERE kind = $1 AND written_as = $2 AND coalesce(inspection, '') = $3`,
    [mapping.kind, mapping.written_as, mapping.inspection ?? '']);
}

export async function replaceUserMappings(db: Connector, mappings: readonly UserMapping[]): Promise<void> {
  await db.query(USER_MAPPINGS_DDL);
  await db.query('DELETE FROM ingest_user_mappings');
  await addUserMappings(db, mappings);
}
