/**
 * True when $2 is a scope `preagg_force_month` keeps (every inspection, or the built scope), an
 * error otherwise: the SQL reading the monthly counts can only run with those.
 */
export const MONTHLY_SCOPE_GUARD = `CASE WHEN $2 = '' OR $2 = (SELECT inspections FROM preagg_scope) THEN true
  ELSE error('the monthly counts are kept for every inspection and the built scope only; filter with the daily ones') END`;
