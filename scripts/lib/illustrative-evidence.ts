import { CANONICAL_STATUSES, type CanonicalStatus } from '../../src/lib/data/schema';

/**
 * Generic evidence phrases for illustrative statuses. Each starts "Illustrative:" and describes
 * only the kind of step a tracker records, never a claim about what any real force did.
 */
export const EVIDENCE_BY_STATUS: Readonly<Record<CanonicalStatus, readonly string[]>> = {
  not_started: [
    'Illustrative: awaiting allocation to a lead officer',
    'Illustrative: logged on the force recommendations tracker',
  ],
  in_progress: [
    'Illustrative: action plan agreed',
    'Illustrative: lead officer assigned and work under way',
    'Illustrative: policy review in progress',
  ],
  pending_closure: [
    "Illustrative: awaiting sign-off by the force's governance board",
    'Illustrative: force reports actions complete; evidence submitted for closure',
  ],
  complete: [
    "Illustrative: closed by the force's governance board",
    'Illustrative: signed off after review of evidence',
  ],
  superseded: ['Illustrative: superseded by a later recommendation'],
  not_applicable: ["Illustrative: does not apply to this force's arrangements"],
};

/** Every phrase once, in a fixed order: the Arrow output's evidence dictionary. */
export const ALL_EVIDENCE_PHRASES: readonly string[] = CANONICAL_STATUSES.flatMap(
  (status) => EVIDENCE_BY_STATUS[status],
);
