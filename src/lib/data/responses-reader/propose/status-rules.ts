import type { CanonicalStatus } from '../../schema';

/** The statuses a response can support; everything else is "not stated". */
export type ProposedStatus = Extract<CanonicalStatus, 'complete' | 'pending_closure' | 'in_progress' | 'not_started'>;

/**
 * How a sentence of a PCC's response is read as a status: the one home of these phrases. The Data
 * view shows this table; each rule is tested phrase by phrase. When sentences about one
 * recommendation match rules of different statuses, the first in this table wins: closure
 * language says most about where the recommendation stands, and "work continues" outweighs a claim
 * that something related is already in place.
 */
export interface StatusRule {
  id: string;
  status: ProposedStatus;
  /** The phrases, as a case-insensitive pattern. */
  pattern: RegExp;
  /** The phrases in words, for people. */
  phrases: string;
  /** What the phrase means, shown beside it. */
  reading: string;
}

// "Status: Complete", "RAG – Amber", or the status word alone opening the answer: the author's own summary.
const STATED = (words: string) => new RegExp(`(?:\\b(?:status|rag(?: rating| status)?|progress|position)\\s*[:–—-]\\s*|^)(?:${words})(?=\\s*(?:$|[.:;,(]|\\s[–—-]\\s))`, 'i');

export const STATUS_RULES: readonly StatusRule[] = [
  {
    id: 'stated-complete',
    status: 'complete',
    pattern: STATED('complete|completed|closed|discharged|achieved|green'),
    phrases: '"Status: Complete", "RAG: Green", an answer that opens "Complete" or "Closed"',
    reading: 'the response gives the status itself',
  },
  {
    id: 'stated-pending-closure',
    status: 'pending_closure',
    pattern: STATED('pending closure|pending sign[- ]?off|awaiting closure|awaiting sign[- ]?off|blue'),
    phrases: '"Status: Pending closure", "Status: Awaiting sign-off"',
    reading: 'the response gives the status itself',
  },
  {
    id: 'stated-in-progress',
    status: 'in_progress',
    pattern: STATED('in progress|ongoing|on track|amber|partially complete|partially met'),
    phrases: '"Status: In progress", "RAG: Amber", an answer that opens "Ongoing" or "In progress"',
    reading: 'the response gives the status itself',
  },
  {
    id: 'stated-not-started',
    status: 'not_started',
    pattern: STATED('not started|not yet started|red'),
    phrases: '"Status: Not started", "RAG: Red"',
    reading: 'the response gives the status itself',
  },
  {
    id: 'put-forward-for-closure',
    status: 'pending_closure',
    pattern: /\b(?:for|towards) (?:closure|sign[- ]?off|discharge)\b/i,
    phrases: '"… for closure", "… for sign-off"',
    reading: 'put forward to be closed: the force reports it done; sign-off awaited',
  },
  {
    id: 'awaiting-sign-off',
    status: 'pending_closure',
    pattern: /\b(?:awaiting|pending|ready for|submitted for) (?:sign[- ]?off|closure|approval|validation)\b/i,
    phrases: '"awaiting sign-off", "pending closure", "ready for closure"',
    reading: 'reported done; sign-off awaited',
  },
  {
    id: 'existing-route',
    status: 'pending_closure',
    pattern: /\balready (?:taken|reported|fed) (?:through )?(?:to|into)\b/i,
    phrases: '"already taken through to …"',
    reading: 'reported as done through an existing route, not necessarily the one asked for: sign-off awaited',
  },
  {
    id: 'under-way',
    status: 'in_progress',
    pattern: /\b(?:is|are|has been|have been) (?:already |now |well )?(?:underway|under way|in progress|ongoing)\b/i,
    phrases: '"is underway", "is already in progress", "is ongoing"',
    reading: 'work has started and is not finished',
  },
  {
    id: 'ongoing-efforts',
    status: 'in_progress',
    pattern: /\b(?:ongoing (?:efforts|work|activity)|efforts are being made|work continues|continues to work)\b/i,
    phrases: '"ongoing efforts", "efforts are being made", "work continues"',
    reading: 'work has started and is not finished',
  },
  {
    id: 'being-progressed',
    status: 'in_progress',
    pattern: /\bbeing (?:progressed|implemented|developed|rolled out|put in place|reviewed|addressed|delivered|updated)\b/i,
    phrases: '"is being progressed", "is being implemented", "is being developed", "is being reviewed"',
    reading: 'work has started and is not finished (the HMICFRS register said "being progressed")',
  },
  {
    id: 'action-plan',
    status: 'in_progress',
    pattern: /\b(?:an|the|a detailed|a local) action plan (?:has been|is|was) (?:developed|drawn up|agreed|created|in place|written)\b/i,
    phrases: '"an action plan has been developed", "an action plan is in place"',
    reading: 'a plan to act exists: work has started and is not finished',
  },
  {
    id: 'proposals-in-hand',
    status: 'in_progress',
    pattern: /\b(?:coordinating|developing|drafting|preparing|finalising) (?:the |a |new )?(?:proposals?|plans?|a business case)\b/i,
    phrases: '"coordinating proposals", "developing a plan"',
    reading: 'work has started (proposals or plans in hand) and is not finished',
  },
  {
    id: 'new-action-announced',
    status: 'in_progress',
    pattern: /\bwill now (?:undertake|introduce|carry out|begin|start|implement|conduct)\b/i,
    phrases: '"will now undertake …", "will now introduce …"',
    reading: 'new action announced that is not yet done',
  },
  {
    id: 'actively-involved',
    status: 'in_progress',
    pattern: /\bactively (?:involved|engaged|participating|working)\b/i,
    phrases: '"actively involved in …", "actively working on …"',
    reading: 'taking part in work that is under way',
  },
  {
    id: 'not-yet-started',
    status: 'not_started',
    pattern: /\b(?:not yet (?:started|begun|commenced|been started)|(?:has|have) not (?:yet )?(?:started|begun)|yet to (?:start|begin|commence|be started)|awaiting allocation|no (?:work|action) has (?:yet )?been (?:taken|started))\b/i,
    phrases: '"not yet started", "yet to begin", "awaiting allocation"',
    reading: 'the response says work has not begun',
  },
  {
    id: 'completed',
    status: 'complete',
    pattern: /\b(?:(?:has|have) (?:now |all |now all |already |since )?been (?:completed|achieved|met|discharged|signed off|closed|implemented|fully implemented)|(?:fully )?meets (?:this|the) recommendation|(?:is|are) (?:now )?(?:complete|completed|closed|discharged)\b(?! by))/i,
    phrases: '"has been completed", "has been implemented", "is now complete", "has been signed off", "meets the recommendation"',
    reading: 'the response says it is done',
  },
  {
    id: 'in-place',
    status: 'complete',
    pattern: /\b(?:is|are|was|were) (?:already |now |fully )?in place\b|\bhas been in (?:use|operation) (?:for|since)\b/i,
    phrases: '"is already in place", "has been in use for some time"',
    reading: 'what was asked for exists and is used',
  },
  {
    id: 'compliant',
    status: 'complete',
    pattern: /(?<!\b(?:not|non)[- ](?:yet |fully )?)(?<!\bnon-)\b(?:already |also |fully )?compliant\b/i,
    phrases: '"already compliant", "was also compliant with the recommendation"',
    reading: 'the force meets the recommendation',
  },
  {
    id: 'already-done',
    status: 'complete',
    pattern: /\balready (?:included|includes|include|covers|covered|meets|met|achieved|implemented|completed|embedded|does)\b/i,
    phrases: '"already included", "already meets", "already implemented"',
    reading: 'the force already does what was asked',
  },
  {
    id: 'agreed-arrangement',
    status: 'complete',
    pattern: /\b(?:it )?has been agreed that\b/i,
    phrases: '"it has been agreed that …"',
    reading: 'the arrangement asked for has been agreed and stands',
  },
];

/** The first rule, in table order, that a piece of text matches, with where it matched. */
export function firstRule(text: string): { rule: StatusRule; index: number } | null {
  for (const rule of STATUS_RULES) {
    const match = rule.pattern.exec(text);
    if (match) return { rule, index: match.index };
  }
  return null;
}
