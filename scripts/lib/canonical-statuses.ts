/**
 * The canonical statuses of the data contract (shared/DESIGN.md), in the order work moves through them.
 * Kept here so the generator runs without the app's code; if src/lib/data gains its own list, import that instead.
 */
export const CANONICAL_STATUSES = [
  'not_started',
  'in_progress',
  'pending_closure',
  'complete',
  'superseded',
  'not_applicable',
] as const;

export type CanonicalStatus = (typeof CANONICAL_STATUSES)[number];

/** Statuses after which a recommendation's history stops: nothing later overrides them. */
export const FINAL_STATUSES: ReadonlySet<CanonicalStatus> = new Set(['complete', 'superseded', 'not_applicable']);
