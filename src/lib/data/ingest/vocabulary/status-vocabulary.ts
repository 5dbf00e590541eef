import type { CanonicalStatus } from '../../schema';

/**
 * Every status word Oversight accepts, and the canonical status it means. This list is the one
 * home of the mapping: the SQL table `ingest_status_words` is created from it and the Data view
 * shows it. Words are matched by their text key (case, spacing and punctuation ignored), so
 * "Pending sign-off", "pending sign off" and "PENDING_SIGN_OFF" are the same word.
 */
export interface StatusWord {
  word: string;
  status: CanonicalStatus;
  /** Why the word means that status, shown beside it. */
  reading: string;
}

// The canonical words themselves, which also cover "not started", "In progress", "Pending closure"…
const canonical = (status: CanonicalStatus): StatusWord => ({ word: status, status, reading: 'canonical status' });

export const STATUS_VOCABULARY: readonly StatusWord[] = [
  canonical('not_started'),
  canonical('in_progress'),
  canonical('pending_closure'),
  canonical('complete'), // also the HMICFRS register word
  canonical('superseded'),
  canonical('not_applicable'),

  { word: 'awaiting-review', status: 'not_started', reading: 'HMICFRS register: not yet taken forward' },
  { word: 'being-progressed', status: 'in_progress', reading: 'HMICFRS register' },

  { word: 'Red', status: 'not_started', reading: 'RAG rating: red read as not started' },
  { word: 'Amber', status: 'in_progress', reading: 'RAG rating: amber read as in progress' },
  { word: 'Green', status: 'complete', reading: 'RAG rating: green read as complete' },

  { word: 'not yet started', status: 'not_started', reading: 'force tracker' },
  { word: 'awaiting allocation', status: 'not_started', reading: 'force tracker: no owner yet' },
  { word: 'unallocated', status: 'not_started', reading: 'force tracker: no owner yet' },
  { word: 'not met', status: 'not_started', reading: 'assessment: not achieved, and no claim that work has started' },

  { word: 'actions in progress', status: 'in_progress', reading: 'force tracker' },
  { word: 'ongoing', status: 'in_progress', reading: 'force tracker' },
  { word: 'open', status: 'in_progress', reading: 'force tracker: live and not closed' },
  { word: 'incomplete', status: 'in_progress', reading: 'force tracker: started, not finished' },
  { word: 'started', status: 'in_progress', reading: 'force tracker' },
  { word: 'underway', status: 'in_progress', reading: 'force tracker' },
  { word: 'on track', status: 'in_progress', reading: 'force tracker' },
  { word: 'partially met', status: 'in_progress', reading: 'assessment: part achieved' },
  { word: 'partially complete', status: 'in_progress', reading: 'force tracker' },

  { word: 'pending sign off', status: 'pending_closure', reading: 'force reports it done; sign-off awaited' },
  { word: 'awaiting sign off', status: 'pending_closure', reading: 'force reports it done; sign-off awaited' },
  { word: 'awaiting closure', status: 'pending_closure', reading: 'force reports it done; closure awaited' },
  { word: 'proposed for closure', status: 'pending_closure', reading: 'force reports it done; closure awaited' },
  { word: 'submitted for closure', status: 'pending_closure', reading: 'force reports it done; closure awaited' },
  { word: 'reported complete', status: 'pending_closure', reading: 'force reports it done; not yet signed off' },

  { word: 'completed', status: 'complete', reading: 'force tracker' },
  { word: 'closed', status: 'complete', reading: 'force tracker: signed off and closed' },
  { word: 'met', status: 'complete', reading: 'assessment: achieved' },
  { word: 'fully met', status: 'complete', reading: 'assessment: achieved' },
  { word: 'done', status: 'complete', reading: 'force tracker' },
  { word: 'achieved', status: 'complete', reading: 'force tracker' },
  { word: 'discharged', status: 'complete', reading: 'force tracker' },
  { word: 'signed off', status: 'complete', reading: 'force tracker' },
  { word: 'implemented', status: 'complete', reading: 'force tracker' },

  { word: 'superseded by later recommendation', status: 'superseded', reading: 'replaced by a later recommendation' },
  { word: 'replaced', status: 'superseded', reading: 'replaced by a later recommendation' },

  { word: 'n/a', status: 'not_applicable', reading: 'does not apply to this force' },
  { word: 'NA', status: 'not_applicable', reading: 'does not apply to this force' },
  { word: 'not relevant', status: 'not_applicable', reading: 'does not apply to this force' },
  { word: 'does not apply', status: 'not_applicable', reading: 'does not apply to this force' },
];
