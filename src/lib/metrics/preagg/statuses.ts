/** The statuses that can be overdue: in scope and not complete. */
export const OVERDUE_STATUSES = ['not_started', 'in_progress', 'pending_closure', 'no_update'] as const;
export const ALL_PAIR_STATUSES = [
  'not_started', 'in_progress', 'pending_closure', 'complete', 'superseded', 'not_applicable', 'no_update',
] as const;
