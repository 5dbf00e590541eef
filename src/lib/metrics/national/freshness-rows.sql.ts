/** Days without an update after which a force's data is called stale, unless the user says otherwise. */
export const DEFAULT_STALE_DAYS = 180;

/**
 * `freshness_rows`: each force in the region and force filters ($3, $6) with its last update on D
 * ($1), the days since, its open items and whether it is stale, and how many forces are. Stale:
 * more than `threshold` days since an update, or no update at all, while it has open items (in
 * scope and not complete on D): a force with nothing left open has nothing to report. Reads
 * `last_updates` and `open_items` per force. Freshness's own statement (freshness.sql.ts) and the
 * national figures statement (preagg/national-fast.sql.ts) both end with it.
 */
export const freshnessRowsCte = (threshold: `$${number}`): string => `freshness_forces AS (
  SELECT f.force_id, f.name, f.region, l.last_update,
         ($1::DATE - l.last_update)::INTEGER AS days_since,
         coalesce(o.open_items, 0)::INTEGER AS open_items
  FROM forces f
  LEFT JOIN last_updates l ON l.force_id = f.force_id
  LEFT JOIN open_items o ON o.force_id = f.force_id
  WHERE ($3 = '' OR f.region = $3) AND ($6 = '' OR f.force_id = $6)
),
freshness_judged AS (
  SELECT *, open_items > 0 AND coalesce(days_since > ${threshold}, true) AS stale FROM freshness_forces
),
freshness_rows AS (
  SELECT *, (count(*) FILTER (stale) OVER ())::INTEGER AS stale_forces FROM freshness_judged
)`;

/** The order the forces are listed in: the stale first, then the longest since an update. */
export const FRESHNESS_ORDER = 'stale DESC, days_since DESC NULLS FIRST, name';
