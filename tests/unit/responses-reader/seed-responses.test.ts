import { describe, expect, it } from 'vitest';
import { readResponse } from '../../../src/lib/data/responses-reader/read-response';
import { encodedStatuses, shippedReference } from './shipped-reference';
import { fixtureText } from './response-fixtures';

/**
 * The two PCC responses Oversight grew from must yield the statuses encoded by hand in
 * data/status-pcc-responses.csv: the same recommendations, the same statuses, each with a quote
 * taken from the text, in every format a user may hold them in.
 */
const seeds = [
  ['cheshire', 'cheshire-pcc-response-firearms-2023'],
  ['west-midlands', 'west-midlands-pcc-response-firearms-2023'],
] as const;

describe.each(seeds)('%s PCC response', (forceId, file) => {
  it.each(['txt', 'html', 'docx', 'pdf'])('as .%s yields the statuses encoded by hand, each quoted from the text', async (extension) => {
    const text = await fixtureText(`${file}.${extension}`);
    const { structure, proposals } = readResponse(text, shippedReference());
    expect(structure.force?.force_id).toBe(forceId);
    expect(structure.inspection?.inspection_id).toBe('firearms-2023');
    expect(structure.statedPublished).toBe('2023-07-11');
    // Neither response is dated in our copies.
    expect(structure.responseDate).toBeNull();

    const proposed = proposals.map((p) => ({ rec_no: p.recommendation.recNo, status: p.status }));
    expect(proposed).toEqual(encodedStatuses(forceId));
    for (const proposal of proposals) {
      expect(proposal.quote).not.toBeNull();
      expect(text.slice(proposal.quote!.start, proposal.quote!.end)).toBe(proposal.quote!.text);
      expect(proposal.rule!.pattern.test(proposal.quote!.text)).toBe(true);
    }
  }, 60_000);
});

it('Cheshire: the status of each recommendation rests on the sentence that speaks to it', async () => {
  const { proposals } = readResponse(await fixtureText('cheshire-pcc-response-firearms-2023.txt'), shippedReference());
  const quote = (recNo: number) => proposals.find((p) => p.recommendation.recNo === recNo)!.quote!.text;
  expect(quote(2)).toContain('coordinating proposals to create an "on-call" collaboration');
  expect(quote(3)).toMatch(/^Work is underway .* operational tracking system/);
  expect(quote(5)).toBe('The Constabulary was already compliant with some recommendations such as the observation of firearms tactics');
  expect(quote(6)).toMatch(/accreditation process already included familiarisation/);
  expect(quote(8)).toMatch(/^It has been agreed that .* National Armed Policing Portfolio Meetings$/);
  expect(quote(10)).toBe('The North West regional superintendent will now undertake additional reviews in each of the collaborating forces.');
  expect(quote(12)).toBe('The Constabulary was also compliant with the recommendation concerning deployment and auditing of records.');
});

it('West Midlands: a sentence under recommendation 6 that names recommendation 5 speaks for both', async () => {
  const { proposals } = readResponse(await fixtureText('west-midlands-pcc-response-firearms-2023.txt'), shippedReference());
  const five = proposals.find((p) => p.recommendation.recNo === 5)!;
  expect(five.status).toBe('in_progress');
  expect(five.quote!.text).toMatch(/^Similarly, to the previously mentioned approach to recommendation 5, .*planning is already in progress/);
  // The conclusion's "actions currently in progress" is about no recommendation in particular.
  expect(proposals.every((p) => !p.quote!.text.includes('actions currently in progress'))).toBe(true);
});
