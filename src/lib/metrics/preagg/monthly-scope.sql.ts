/**
 * The key of the rows kept for $2's scope in the pre-aggregates that keep a scope
 * (`preagg_force_month`, `preagg_scope_update_days`): '' for every inspection, 'built' for the
 * built scope (BUILD_SCOPE). Rows keep this key, not the scope's list of inspections: compared on
 * every row, the 210 inspections' ids of the bench's 1M file (about 3 kB) cost 10 of the national
 * figures' 40 ms at each as-of change. A statement that reads with it also tests
 * MONTHLY_SCOPE_GUARD, which fails for any other $2.
 */
export const BUILT_SCOPE_KEY = 'built';
export const SCOPE_KEY = `(CASE WHEN $2 = '' THEN '' ELSE '${BUILT_SCOPE_KEY}' END)`;

/**
 * True when $2 is a scope `preagg_force_month` keeps (every inspection, or the built scope), an
 * error otherwise: the SQL reading the monthly counts can only run with those.
 */
export const MONTHLY_SCOPE_GUARD = `CASE WHEN $2 = '' OR $2 = (SELECT inspections FROM preagg_scope) THEN true
  ELSE error('the monthly counts are kept for every inspection and the built scope only; filter with the daily ones') END`;
