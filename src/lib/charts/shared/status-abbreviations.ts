import type { PairStatus } from '../../data/schema';

/** Short status marks drawn inside cells and bars, so colour is never the only cue. */
export const STATUS_ABBREVIATIONS: Record<PairStatus, string> = {
  complete: 'C',
  pending_closure: 'PC',
  in_progress: 'IP',
  not_started: 'NS',
  no_update: '–',
  superseded: 'S',
  not_applicable: 'NA',
};
