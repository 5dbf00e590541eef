import type { Connector } from '../../../db/connector';
import { createKeyMacros } from '../matching/key-macros';
import { USER_MAPPINGS_DDL } from '../matching/user-mappings';
import { STATUS_VOCABULARY } from './status-vocabulary';

/** Lists travel to SQL as one bound string split on the ASCII unit separator. */
export const LIST_SEPARATOR = '\u001f';

/**
 * The mapping tables, created in DuckDB from their one definition each, so normalisation runs as
 * joins (fast at a million rows) and the Data view shows the very tables that were used:
 * - `ingest_status_words`: status words → canonical status (from STATUS_VOCABULARY);
 * - `ingest_force_names`: force names, slugs, ONS codes and aliases → force (from `forces`);
 * - `ingest_inspection_names`: inspection ids, titles and web addresses → inspection (from `inspections`);
 * - `ingest_recommendation_names`: references a file writes its own way, within one inspection →
 *   recommendation number ("Rec 2a" in firearms-2023 → 2). Shipped spellings ("R2", "Rec. 2") are
 *   read by a pattern (value-maps.sql.ts), and a reference that reads as a known number is never
 *   overridden: these are consulted only where that reading fails.
 * Each also holds the user's own mappings (`ingest_user_mappings`, matching/user-mappings.ts),
 * after the shipped spellings: a shipped spelling is never overridden.
 * Rebuilt before every load, because the user can load inspections too.
 */
export async function createMappingTables(db: Connector): Promise<void> {
  await createKeyMacros(db);
  await db.query(USER_MAPPINGS_DDL);

  await db.query(
    `CREATE OR REPLACE TABLE ingest_status_words AS
     SELECT ingest_text_key(w.word) AS key, w.word, w.status, w.reading, w.ord
     FROM (SELECT unnest(string_split($1, chr(31))) AS word, unnest(string_split($2, chr(31))) AS status,
                  unnest(string_split($3, chr(31))) AS reading, unnest(range(len(string_split($1, chr(31))))) AS ord) w`,
    [
      STATUS_VOCABULARY.map((w) => w.word).join(LIST_SEPARATOR),
      STATUS_VOCABULARY.map((w) => w.status).join(LIST_SEPARATOR),
      STATUS_VOCABULARY.map((w) => w.reading).join(LIST_SEPARATOR),
    ],
  );
  await db.query(`INSERT INTO ingest_status_words
    SELECT ingest_text_key(m.written_as), m.written_as, m.meaning, 'your mapping', 1000 + m.ord
    FROM ingest_user_mappings m
    WHERE m.kind = 'status' AND m.meaning IN (SELECT DISTINCT status FROM ingest_status_words)
      AND ingest_text_key(m.written_as) NOT IN (SELECT key FROM ingest_status_words)
    QUALIFY row_number() OVER (PARTITION BY ingest_text_key(m.written_as) ORDER BY m.ord DESC) = 1`);

  // One row per way of writing a force; the first kind wins where two spell the same key.
  await db.query(`CREATE OR REPLACE TABLE ingest_force_names AS
    WITH spellings AS (
      SELECT force_id, name AS written_as, 'name' AS kind, 1 AS rank FROM forces
      UNION ALL SELECT force_id, force_id, 'slug', 2 FROM forces
      UNION ALL SELECT force_id, ons_code, 'ONS code', 3 FROM forces
      UNION ALL SELECT force_id, unnest(aliases), 'alias', 4 FROM forces
      UNION ALL SELECT meaning, written_as, 'your mapping', 5 FROM ingest_user_mappings WHERE kind = 'force'
    )
    SELECT ingest_force_key(s.written_as) AS key, s.force_id, f.name, s.written_as, s.kind
    FROM spellings s JOIN forces f USING (force_id)
    WHERE ingest_force_key(s.written_as) <> ''
    QUALIFY row_number() OVER (PARTITION BY ingest_force_key(s.written_as) ORDER BY s.rank, s.written_as) = 1
    ORDER BY f.name, s.rank`);

  await db.query(`CREATE OR REPLACE TABLE ingest_recommendation_names AS
    SELECT inspection AS inspection_id, ingest_text_key(written_as) AS key, TRY_CAST(meaning AS INTEGER) AS rec_no, written_as
    FROM ingest_user_mappings
    WHERE kind = 'recommendation' AND inspection IS NOT NULL AND TRY_CAST(meaning AS INTEGER) IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY inspection, ingest_text_key(written_as) ORDER BY ord DESC) = 1`);

  await createInspectionNames(db);
}

/**
 * The inspection names from `inspections`, or, while a batch is checked, from the loaded
 * inspections and those of the batch's inspections files (`relation`, a name of ours, never text
 * from a file).
 */
export async function createInspectionNames(db: Connector, relation = 'inspections'): Promise<void> {
  await db.query(USER_MAPPINGS_DDL);
  // The title's key drops its "An inspection of…" prefix, and a web address's key is its last
  // path segment, so the short title, the address and its slug all match (reference-keys.sql.ts).
  await db.query(`CREATE OR REPLACE TABLE ingest_inspection_names AS
    WITH spellings AS (
      SELECT inspection_id, inspection_id AS written_as, 'id' AS kind, 1 AS rank FROM ${relation}
      UNION ALL SELECT inspection_id, title, 'title', 2 FROM ${relation}
      UNION ALL SELECT inspection_id, source_url, 'web address', 3 FROM ${relation} WHERE source_url IS NOT NULL
      UNION ALL SELECT meaning, written_as, 'your mapping', 4 FROM ingest_user_mappings WHERE kind = 'inspection'
    )
    SELECT ingest_inspection_key(s.written_as) AS key, s.inspection_id, i.title, s.written_as, s.kind
    FROM spellings s JOIN ${relation} i USING (inspection_id)
    WHERE ingest_inspection_key(s.written_as) <> ''
    QUALIFY row_number() OVER (PARTITION BY ingest_inspection_key(s.written_as) ORDER BY s.rank, i.published, s.inspection_id) = 1
    ORDER BY i.published, s.rank`);
}
