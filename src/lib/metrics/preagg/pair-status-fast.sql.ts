import { IN_SCOPE, pairFilters, SCORED_CTE, STATUS_FILTER } from '../pairs/pair-status.sql';
import { timedCte, type PairRows } from '../pairs/pair-timing.sql';

/**
 * The per-pair rows of PAIR_STATUS_CTE and PAIR_TIMING_CTE read from `preagg_pair_states` (see
 * build-pair-states.ts): a range lookup of each pair's state on D instead of the latest of its
 * updates. Same columns first, same rows, same parameters; tests/sql/metrics/preagg-equivalence.test.ts
 * holds them equal. The rows also carry the last update and evidence as on D.
 */
const pairStatusFastCte = (table: string) => `
pair_status AS (
  SELECT s.force_id, f.name, f.region, s.inspection_id, s.rec_no, s.due_date, s.published, s.status,
         ${IN_SCOPE('s.status')} AS in_scope,
         s.last_update, s.last_source, s.evidence, s.evidence_as_of, s.evidence_source,
         s.first_complete, s.first_reported
  FROM ${table} s
  JOIN forces f ON f.force_id = s.force_id
  WHERE s.state_from <= $1::DATE AND $1::DATE < s.state_to AND s.published <= $1::DATE
    AND ${pairFilters({ inspection: 's.inspection_id', recNo: 's.rec_no', region: 'f.region', force: 's.force_id' })}
    AND ${STATUS_FILTER('s.status')}
),${SCORED_CTE}`;

/** First done: the first update that counts as complete, if it is on or before D. */
const PAIR_TIMING_FAST_CTE = `
scored_done AS (
  SELECT *, CASE WHEN done_ever <= $1::DATE THEN done_ever END AS done_on
  FROM (SELECT *, CASE WHEN $4 THEN first_reported ELSE first_complete END AS done_ever FROM scored)
),${timedCte('scored_done')}`;

/**
 * The pre-aggregated rows already hold the last update and evidence as on D, so no join: joining
 * the rows to themselves was a third of the overdue list's time at 1M.
 */
const fastWithUpdates = (chosen: string, name: string) => `
${name} AS (SELECT * FROM ${chosen})`;

const fastPairRows = (table: string): PairRows => ({
  scored: pairStatusFastCte(table),
  timed: `${pairStatusFastCte(table)}, ${PAIR_TIMING_FAST_CTE}`,
  withUpdates: fastWithUpdates,
});

export const FAST_PAIRS = fastPairRows('preagg_pair_states');

/**
 * For the overdue list only: the rows of `preagg_overdue_states`, those that can be overdue, sorted
 * by their end, so a recent D skips the rows that ended before it. Never overdue rows are missing,
 * so no other metric may read these.
 */
export const OVERDUE_PAIRS = fastPairRows('preagg_overdue_states');

/**
 * For queries about named forces: the rows of `preagg_force_states`, every row of
 * preagg_pair_states sorted by force, so a join on the forces skips to theirs.
 */
export const FORCE_PAIRS = fastPairRows('preagg_force_states');

/**
 * The headline's `headline_pairs` (see national.sql.ts) from `preagg_segments`: each pair's span
 * of one status that holds D, a third as many rows as preagg_pair_states (runs of a status, not
 * days with an update), so a status filter reads 350k rows instead of 1.09M at 1M. Spans start at
 * publication, so one holding D means the report is out by D; overdue on D is overdue_from ≤ D.
 */
export const HEADLINE_PAIRS_FAST = `
headline_pairs AS (
  SELECT s.force_id, s.inspection_id, s.rec_no, ${IN_SCOPE('s.status')} AS in_scope,
         ${IN_SCOPE('s.status')} AND (s.status = 'complete' OR ($4 AND s.status = 'pending_closure')) AS counts_complete,
         coalesce(s.overdue_from <= $1::DATE, false) AS overdue
  FROM preagg_segments s
  JOIN forces f ON f.force_id = s.force_id
  WHERE s.seg_from <= $1::DATE AND $1::DATE < s.seg_to
    AND ${pairFilters({ inspection: 's.inspection_id', recNo: 's.rec_no', region: 'f.region', force: 's.force_id' })}
    AND ${STATUS_FILTER('s.status')}
)`;
