import { inListParam } from '../common/list-param.sql';
/**
 * The filters every per-pair query applies, over columns named by the caller: inspection ($2),
 * region ($3), force ($6) and recommendation ($7). Parameters as in `filterParams`.
 *
 * The recommendation's inspection (all of $7 before its last ':') is also compared on its own:
 * implied by the key matching, but a plain equality that DuckDB checks against each block's range
 * of a table sorted by inspection, so it reads that report's rows only (80 -> 16 ms at 1M).
 */
export const pairFilters = (c: { inspection: string; recNo: string; region: string; force: string }) =>
  `${inListParam('$2', c.inspection)}
    AND ($3 = '' OR ${c.region} = $3)
    AND ($6 = '' OR ${c.force} = $6)
    AND ($7 = '' OR (${c.inspection} = regexp_extract($7, '^(.*):', 1)
                     AND ${c.inspection} || ':' || CAST(${c.recNo} AS VARCHAR) = $7))`;

/**
 * The force × recommendation pairs in the filters: for-forces recommendations of reports published
 * on or before D, narrowed by inspection, region, force and recommendation. Parameters as in
 * `filterParams` ($1, $2, $3, $6, $7).
 */
export const FILTERED_PAIRS_CTE = `
pairs AS (
  SELECT f.force_id, f.name, f.region, r.inspection_id, r.rec_no, r.due_date, i.published
  FROM recommendations r
  JOIN inspections i ON i.inspection_id = r.inspection_id
  CROSS JOIN forces f
  WHERE r.for_forces
    AND i.published <= $1::DATE
    AND ${pairFilters({ inspection: 'r.inspection_id', recNo: 'r.rec_no', region: 'f.region', force: 'f.force_id' })}
)`;

/** True when a status passes the status filter ($5: comma-separated statuses, '' = all). */
export const STATUS_FILTER = (status: string) => inListParam('$5', status);

/** In scope on D, given the status on D ('no_update' included). */
export const IN_SCOPE = (status: string) => `${status} NOT IN ('superseded', 'not_applicable')`;

/**
 * Follows a `pair_status` CTE (one row per pair in the filters: force_id, name, region,
 * inspection_id, rec_no, due_date, published, status on D, in_scope): adds the flags the
 * definitions need. `scoredCte(date, from, name)` scores another date's pair statuses the same way
 * (the changes between two dates compare two of them).
 */
export const scoredCte = (date = '$1', from = 'pair_status', name = 'scored') => `
${name} AS (
  SELECT *,
         in_scope AND (status = 'complete' OR ($4 AND status = 'pending_closure')) AS counts_complete,
         in_scope AND coalesce(due_date < ${date}::DATE, false) AND status <> 'complete' AS overdue,
         CASE WHEN in_scope AND due_date < ${date}::DATE AND status <> 'complete'
              THEN (${date}::DATE - due_date) END AS days_overdue
  FROM ${from}
)`;
export const SCORED_CTE = scoredCte();

/**
 * Status on date D of every force × recommendation pair with an update on or before D, as `name`
 * (force_id, inspection_id, rec_no, status); D is the date parameter given. `from` names another
 * relation of status updates (the loaded ones with a new file's, for a load's preview), and
 * `withDate` adds `as_of`, the date of that latest update.
 */
export const latestStatusCte = (date = '$1', name = 'latest', from = 'status_updates', withDate = false) => `
${name} AS (
  SELECT force_id, inspection_id, rec_no, arg_max(status, (as_of, seq)) AS status${withDate ? ', max(as_of) AS as_of' : ''}
  FROM ${from}
  WHERE as_of <= ${date}::DATE
  GROUP BY force_id, inspection_id, rec_no
)`;

/**
 * The shared core of every metric: one row per force × recommendation in the filters, with its
 * status on the as-of date and the flags the definitions need. Parameters as in `filterParams`.
 *
 * - Status on date D: the latest update with as_of ≤ D (ties: the later-loaded row); none = no_update.
 * - In scope on D: for-forces recommendations of reports published on or before D, except those
 *   whose status is superseded or not_applicable.
 * - Counts as complete: complete, or pending_closure when $4 is true.
 * - Overdue on D: in scope, due_date < D, status not complete.
 * - The status filter keeps only pairs whose status on D is one of those chosen.
 */
export const PAIR_STATUS_CTE = `${FILTERED_PAIRS_CTE},
${latestStatusCte()},
pair_status AS (
  SELECT p.*, coalesce(l.status, 'no_update') AS status,
         ${IN_SCOPE("coalesce(l.status, '')")} AS in_scope
  FROM pairs p
  LEFT JOIN latest l
    ON l.force_id = p.force_id AND l.inspection_id = p.inspection_id AND l.rec_no = p.rec_no
  WHERE ${STATUS_FILTER("coalesce(l.status, 'no_update')")}
),${SCORED_CTE}`;
