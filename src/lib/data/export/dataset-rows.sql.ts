/**
 * The loaded statuses as exported: readable names where the file would otherwise hold slugs, and
 * the very columns the loader reads, so an exported file loads back unchanged.
 */
export const EXPORT_HEADER = ['Force', 'Inspection', 'Recommendation', 'Status', 'Date', 'Evidence', 'Source'] as const;

/** One page of rows after `$1` (a seq), in load order: pages never repeat or skip a row. */
export const EXPORT_PAGE_SQL = `SELECT s.seq::DOUBLE AS seq, f.name AS force, s.inspection_id AS inspection, s.rec_no AS recommendation,
    s.status, strftime(s.as_of, '%Y-%m-%d') AS date, s.evidence, s.source
  FROM status_updates s JOIN forces f USING (force_id)
  WHERE s.seq > $1 ORDER BY s.seq LIMIT $2`;

/** All rows at once, typed (dates as DATE), for Parquet. */
export const EXPORT_ALL_SQL = `SELECT f.name AS "Force", s.inspection_id AS "Inspection", s.rec_no AS "Recommendation",
    s.status AS "Status", s.as_of AS "Date", s.evidence AS "Evidence", s.source AS "Source"
  FROM status_updates s JOIN forces f USING (force_id) ORDER BY s.seq`;
