import { expect, it } from 'vitest';
import { firstRule, STATUS_RULES } from '../../../src/lib/data/responses-reader/propose/status-rules';

/**
 * Every rule, phrase by phrase: what it must read, and look-alikes it must leave alone. A
 * sentence that matches no rule is "not stated".
 */
const READS: Record<string, [sentence: string, rule: string][]> = {
  pending_closure: [
    ['Status: Pending closure', 'stated-pending-closure'],
    ['the recommendation will be signed off for closure forthwith', 'put-forward-for-closure'],
    ['it will be written up for closure with the relevant evidence', 'put-forward-for-closure'],
    ['evidence is provided to write this recommendation up for discussion and recommendation for closure', 'put-forward-for-closure'],
    ['The action is awaiting sign-off by the Assurance Board', 'awaiting-sign-off'],
    ['This recommendation is ready for closure.', 'put-forward-for-closure'],
    ['The recommendation is pending sign off.', 'awaiting-sign-off'],
    ['Exercises are already taken through to the regional board', 'existing-route'],
  ],
  in_progress: [
    ['RAG: Amber (on track for March)', 'stated-in-progress'],
    ['Ongoing – the audit is booked for November.', 'stated-in-progress'],
    ['Work is underway and ahead of schedule', 'under-way'],
    ['planning is already in progress to establish this', 'under-way'],
    ['Ongoing efforts are being made to establish a system of audits', 'ongoing-efforts'],
    ['A regional rota is being developed with Cleveland', 'being-progressed'],
    ['The armoury policy is being reviewed by the Head of Assurance', 'being-progressed'],
    ['An action plan has been developed and the first audit is booked', 'action-plan'],
    ['ACC leads are coordinating proposals to create an on-call collaboration', 'proposals-in-hand'],
    ['The regional superintendent will now undertake additional reviews', 'new-action-announced'],
    ['it is actively involved in the national initiative', 'actively-involved'],
  ],
  not_started: [
    ['Current status: Not started', 'stated-not-started'],
    ['The regional rota has not yet started', 'not-yet-started'],
    ['the Force is yet to begin talks with neighbouring forces', 'not-yet-started'],
    ['The action is awaiting allocation to an owner', 'not-yet-started'],
  ],
  complete: [
    ['Status: Complete', 'stated-complete'],
    ['Complete.', 'stated-complete'],
    ['Closed – evidence was accepted by HMICFRS in May.', 'stated-complete'],
    ['control room staff training has been completed', 'completed'],
    ['The recommendation is now closed.', 'completed'],
    ['The tracking equipment has been implemented across the fleet.', 'completed'],
    ['The force already meets this standard through its audit regime.', 'already-done'],
    ['Its audit regime fully meets the recommendation.', 'completed'],
    ['this equipment is already in place and has been in use for some time', 'in-place'],
    ['The Constabulary was also compliant with the recommendation', 'compliant'],
    ['the accreditation process already included familiarisation with weapons systems', 'already-done'],
    ['It has been agreed that the regional lead attends the meetings', 'agreed-arrangement'],
  ],
};

it.each(Object.entries(READS).flatMap(([status, cases]) => cases.map(([sentence, rule]) => [sentence, status, rule])))(
  '"%s" → %s (%s)', (sentence, status, rule) => {
    const match = firstRule(sentence);
    expect(match?.rule.id).toBe(rule);
    expect(match?.rule.status).toBe(status);
  },
);

it.each([
  // Generic concern is not progress.
  'The force is focused on these concerns.',
  'The Chief Constable takes armoury oversight seriously and will report to my Performance Board.',
  // Negations and look-alikes.
  'The force is not yet compliant with the recommendation.',
  'The force was non-compliant at the time of the inspection.',
  'The new system is not in place.',
  'Commanders will attend observation days from January.',
  'I will monitor the successful outcome of these discussions.',
  'The Chief Constable will consider this at the next Force Assurance Board.',
  'A new audit will be implemented by March.',
  'Completed by the end of March, the audit will be published.',
  'Closed-circuit television covers the armoury.',
  'Complete records of every deployment are kept on the system.',
])('"%s" → not stated', (sentence) => {
  expect(firstRule(sentence)).toBeNull();
});

it('every rule has an id of its own, phrases and a reading for the table shown to users', () => {
  expect(new Set(STATUS_RULES.map((rule) => rule.id)).size).toBe(STATUS_RULES.length);
  for (const rule of STATUS_RULES) {
    expect(rule.phrases.length).toBeGreaterThan(5);
    expect(rule.reading.length).toBeGreaterThan(5);
  }
  // Every rule is exercised above.
  const exercised = new Set(Object.values(READS).flat().map(([, rule]) => rule));
  expect(STATUS_RULES.filter((rule) => !exercised.has(rule.id)).map((rule) => rule.id)).toEqual([]);
});
