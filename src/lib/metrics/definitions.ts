/** The metric definitions shown to users beside the numbers, word for word from DESIGN.md. */
export const DEFINITIONS = {
  statusOnDate:
    'Status on date D of a recommendation for a force: its latest update with as_of ≤ D; none yet = no_update. Of two updates on the same date, the one loaded later stands.',
  inScope:
    'In scope on D: recommendations with for_forces of reports published on or before D, except those whose status is superseded or not_applicable.',
  complianceRate:
    'Compliance rate: complete ÷ in scope. A toggle counts pending_closure as complete ("reported complete" versus "signed off").',
  overdue: 'Overdue on D: in scope, due_date < D, status not complete. Days overdue = D − due_date.',
  onTime: 'On time: first complete update on or before due_date.',
  timeToComplete: 'Time to complete: first complete as_of − report published.',
  pooledAndMedian:
    'Region and national figures: pooled counts for totals; median of force rates for "typical force".',
  // Not in DESIGN.md's list; worded in the same way.
  pendingShare:
    'Share pending closure: in-scope recommendations whose status on D is pending_closure (the force reports it done; sign-off awaited) ÷ in scope.',
  statusFilter: 'Status filter: only force × recommendation pairs whose status on D is one of those chosen.',
  trendSeries:
    'Over time: each point is the figure as on that date (every month end from the first publication, and the as-of date D), by the same definitions; rates are pooled.',
  freshness:
    'Last update on D: a force’s latest status update dated on or before D, over the recommendations in the filters; days since = D − last update. Stale: more than the threshold’s days (180 unless changed) since the last update, or no update at all, while some of its recommendations are in scope and not complete.',
  changes:
    'Between two dates, for each force × recommendation of a report published on or before the later date: became complete (counts as complete on the later date, not on the earlier); slipped into overdue (overdue on the later date, not on the earlier); went backwards (its status moved back along no update → not started → in progress → pending closure → complete); came into scope (in scope on the later date, not on the earlier). The status filter picks pairs by their status on the later date.',
} as const;
