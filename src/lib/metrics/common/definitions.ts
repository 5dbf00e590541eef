/**
 * The metric definitions shown to users beside the numbers: DESIGN.md's definitions in plain
 * English, with no column or status ids (a test reads every view for them). "The as-of date" is
 * DESIGN.md's D.
 */
export const DEFINITIONS = {
  statusOnDate:
    'Status on the as-of date: a force’s latest reported status for a recommendation on or before that date; “no update” if it has reported none yet. Of two updates on the same date, the one loaded later stands.',
  inScope:
    'In scope: recommendations for forces, from reports published on or before the as-of date, leaving out those a force reports superseded or not applicable.',
  complianceRate:
    'Compliance rate: recommendations complete, divided by those in scope. A toggle counts “pending closure” (done, awaiting sign-off) as complete: “reported complete” rather than “signed off”.',
  overdue:
    'Overdue: in scope, past its deadline on the as-of date, and not complete. Days overdue: days from the deadline to the as-of date.',
  onTime: 'On time: first reported complete on or before its deadline.',
  timeToComplete: 'Time to complete: days from the report’s publication to the first update saying complete.',
  pooledAndMedian:
    'Region and national figures: totals pool every force’s counts; the “typical force” is the median of the forces’ rates.',
  // Not in DESIGN.md's list; worded in the same way.
  pendingShare:
    'Share pending closure: recommendations in scope whose status on the as-of date is “pending closure” (the force reports it done; sign-off awaited), divided by those in scope.',
  statusFilter: 'Status filter: only the forces’ recommendations whose status on the as-of date is one of those chosen.',
  trendSeries:
    'Over time: each point is the figure as on that date (every month end from the first publication, and the as-of date), by the same definitions; rates are pooled.',
  freshness:
    'Last update: a force’s latest status update dated on or before the as-of date, over the recommendations in the filters; days since: days from that update to the as-of date. Old data: more than the threshold’s days (180 unless changed) since the last update, or no update at all, while some of its recommendations are in scope and not complete.',
  changes:
    'Between two dates, for each force and recommendation of a report published on or before the later date: became complete (complete on the later date, not on the earlier); slipped into overdue (overdue on the later date, not on the earlier); went backwards (its status moved back along no update, not started, in progress, pending closure, complete); came into scope (in scope on the later date, not on the earlier). The status filter picks recommendations by their status on the later date.',
} as const;
