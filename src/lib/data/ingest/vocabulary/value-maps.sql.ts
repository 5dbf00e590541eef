import { NEAR_MISS_SQL } from './name-keys.sql';

/**
 * Each distinct cell of a column, read once into its meaning: `raw` (the cell as read) → `clean`
 * (trimmed; NULL when blank) → force, inspection, recommendation number, status or date. Rows
 * then join these small maps on the raw cell, so a million rows cost a hash lookup each and the
 * reading happens once per distinct value. `values` is any SQL giving a `raw` column.
 */
const distinctCells = (values: string) =>
  `SELECT raw, ingest_clean(raw) AS clean FROM (SELECT DISTINCT raw FROM (${values}) WHERE raw IS NOT NULL)`;

export function forceMapSql(values: string): string {
  return `WITH raws AS (SELECT raw, clean, ingest_force_key(clean) AS key FROM (${distinctCells(values)})),
    matched AS (SELECT r.raw, r.clean, r.key, n.force_id FROM raws r LEFT JOIN ingest_force_names n USING (key)),
    near AS (
      SELECT m.raw, arg_max(n.name, jaro_winkler_similarity(m.key, n.key)) AS suggestion
      FROM matched m JOIN ingest_force_names n ON ${NEAR_MISS_SQL('m.key', 'n.key')}
      WHERE m.force_id IS NULL GROUP BY m.raw)
    SELECT matched.raw, matched.clean, matched.force_id, near.suggestion FROM matched LEFT JOIN near USING (raw)`;
}

export function inspectionMapSql(values: string): string {
  return `WITH raws AS (SELECT raw, clean, ingest_inspection_key(clean) AS key FROM (${distinctCells(values)})),
    matched AS (SELECT r.raw, r.clean, r.key, n.inspection_id FROM raws r LEFT JOIN ingest_inspection_names n USING (key)),
    near AS (
      SELECT m.raw, arg_max(n.title, jaro_winkler_similarity(m.key, n.key)) AS suggestion
      FROM matched m JOIN ingest_inspection_names n ON ${NEAR_MISS_SQL('m.key', 'n.key')}
      WHERE m.inspection_id IS NULL GROUP BY m.raw)
    SELECT matched.raw, matched.clean, matched.inspection_id, near.suggestion FROM matched LEFT JOIN near USING (raw)`;
}

export function statusMapSql(values: string): string {
  return `WITH matched AS (
      SELECT r.raw, r.clean, ingest_text_key(r.clean) AS key, w.status FROM (${distinctCells(values)}) r
      LEFT JOIN ingest_status_words w ON w.key = ingest_text_key(r.clean)),
    near AS (
      SELECT m.raw, arg_max(w.word, jaro_winkler_similarity(m.key, w.key)) AS suggestion
      -- Closer than for names: short words a typo apart can mean opposite things ("sorted", "started").
      FROM matched m JOIN ingest_status_words w ON jaro_winkler_similarity(m.key, w.key) >= 0.88
      WHERE m.status IS NULL AND m.key <> '' GROUP BY m.raw)
    SELECT matched.raw, matched.clean, matched.status, near.suggestion FROM matched LEFT JOIN near USING (raw)`;
}

/** "2", "2.", "R2", "R 2", "Rec 2", "Rec. 2", "Rec no 2", "No. 2", "Recommendation 2", "#2", and "2.0" from spreadsheets. */
export const RECOMMENDATION_PATTERN = '^(?:recommendation|rec|r)?\\.?\\s*(?:no\\.?|number|#)?\\s*(\\d+)(?:\\.0*)?$';

export function recommendationMapSql(values: string): string {
  // `key` finds the user's mappings (per inspection); `first_number` is what "Rec 2a" or "AFI 3"
  // most likely means, offered as "did you mean" where the inspection has that recommendation.
  return `SELECT raw, clean, TRY_CAST(nullif(regexp_extract(lower(clean), '${RECOMMENDATION_PATTERN}', 1), '') AS INTEGER) AS rec_no,
      ingest_text_key(clean) AS key, TRY_CAST(nullif(regexp_extract(clean, '(\\d+)', 1), '') AS INTEGER) AS first_number
    FROM (${distinctCells(values)})`;
}

/** Month names as trackers write them: full, three letters, or "Sept". */
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthNumberSql = (name: string) => `coalesce(
  list_position([${MONTH_NAMES.map((m) => `'${m}'`).join(', ')}], lower(${name})),
  list_position([${MONTH_NAMES.map((m) => `'${m.slice(0, 3)}'`).join(', ')}], lower(${name})),
  CASE WHEN lower(${name}) = 'sept' THEN 9 END)`;

/**
 * Dates: ISO (2024-07-31, with or without a time), UK day-first (31/07/2024, 31-07-2024,
 * 31.07.2024, with or without a time; a two-digit year is this century's, 31.07.24), or day,
 * month name and year (31 Jul 2024, 31 July 2024, 31-Jul-24, 1st July 2024). Never month-first.
 * `kind` says why a value is not a date: date_format (not written as any of these),
 * date_month_first (day-first reading has no such month but month-first would), date_impossible
 * (no such day); `detail` carries what the message needs.
 */
export function dateMapSql(values: string): string {
  return `WITH raws AS (${distinctCells(values)}),
    parts AS (
      SELECT raw, clean,
        regexp_extract(clean, '^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?$', ['y', 'm', 'd']) AS iso,
        regexp_extract(clean, '^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?$', ['d', 'm', 'y']) AS uk,
        regexp_extract(clean, '^(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+([A-Za-z]+)\\.?,?[\\s-]+(\\d{4}|\\d{2})$', ['d', 'm', 'y']) AS named
      FROM raws),
    fields AS (
      SELECT raw, clean, iso.y <> '' AS is_iso, uk.y <> '' AS is_uk,
        named.y <> '' AND ${monthNumberSql('named.m')} IS NOT NULL AS is_named,
        CASE WHEN iso.y <> '' THEN iso.y WHEN uk.y <> '' THEN uk.y ELSE named.y END AS year_text,
        CASE WHEN iso.y <> '' THEN iso.m WHEN uk.y <> '' THEN uk.m ELSE ${monthNumberSql('named.m')}::VARCHAR END AS month_text,
        CASE WHEN iso.y <> '' THEN iso.d WHEN uk.y <> '' THEN uk.d ELSE named.d END AS day_text
      FROM parts),
    numbers AS (
      SELECT raw, clean, is_iso, is_uk OR is_named AS is_uk, is_named,
        TRY_CAST(year_text AS INTEGER) + CASE WHEN length(year_text) = 2 THEN 2000 ELSE 0 END AS y,
        TRY_CAST(month_text AS INTEGER) AS m, TRY_CAST(day_text AS INTEGER) AS d
      FROM fields),
    checked AS (
      -- CASE guards make_date: DuckDB evaluates a branch only for the rows that take it.
      SELECT *, coalesce(CASE WHEN (is_iso OR is_uk) AND m BETWEEN 1 AND 12 AND d >= 1
                              THEN d <= day(last_day(make_date(y, m, 1))) END, false) AS real
      FROM numbers)
    SELECT raw, clean,
      CASE WHEN real THEN make_date(y, m, d) END AS as_of,
      CASE WHEN real THEN NULL
           WHEN NOT (is_iso OR is_uk) THEN 'date_format'
           WHEN is_uk AND NOT is_named AND m > 12 AND d BETWEEN 1 AND 12 THEN 'date_month_first'
           ELSE 'date_impossible' END AS kind,
      CASE WHEN real OR NOT (is_iso OR is_uk) THEN NULL
           WHEN is_uk AND NOT is_named AND m > 12 AND d BETWEEN 1 AND 12 THEN m::VARCHAR
           ELSE format('{}-{}-{}', y, m, d) END AS detail
    FROM checked`;
}
