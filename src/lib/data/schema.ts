/**
 * The canonical tables (DESIGN.md, "Data contract"). Every loader fills these and nothing else;
 * every metric reads only these.
 */
export const CANONICAL_STATUSES = [
  'not_started',
  'in_progress',
  'pending_closure',
  'complete',
  'superseded',
  'not_applicable',
] as const;
export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

/** What a pair (force × recommendation) shows before its first update. */
export const NO_UPDATE = 'no_update' as const;
export type PairStatus = CanonicalStatus | typeof NO_UPDATE;

export const CREATE_TABLES = [
  `CREATE OR REPLACE TABLE forces (
     force_id VARCHAR NOT NULL, name VARCHAR NOT NULL, region VARCHAR NOT NULL,
     country VARCHAR NOT NULL, ons_code VARCHAR NOT NULL, aliases VARCHAR[] NOT NULL)`,
  `CREATE OR REPLACE TABLE inspections (
     inspection_id VARCHAR NOT NULL, title VARCHAR NOT NULL, published DATE NOT NULL,
     kind VARCHAR NOT NULL, source_url VARCHAR)`,
  `CREATE OR REPLACE TABLE recommendations (
     inspection_id VARCHAR NOT NULL, rec_no INTEGER NOT NULL, text VARCHAR, addressee VARCHAR,
     for_forces BOOLEAN NOT NULL, due_text VARCHAR, due_date DATE, source_url VARCHAR)`,
  // seq keeps load order: of two updates on the same date, the later-loaded one stands.
  `CREATE OR REPLACE TABLE status_updates (
     seq BIGINT NOT NULL, force_id VARCHAR NOT NULL, inspection_id VARCHAR NOT NULL,
     rec_no INTEGER NOT NULL, status VARCHAR NOT NULL, as_of DATE NOT NULL,
     evidence VARCHAR, source VARCHAR NOT NULL)`,
  `CREATE OR REPLACE TABLE responses (
     force_id VARCHAR NOT NULL, inspection_id VARCHAR NOT NULL, published DATE, url VARCHAR,
     note VARCHAR)`,
] as const;
