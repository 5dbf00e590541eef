import { expect, it } from 'vitest';
import { readResponse } from '../../../src/lib/data/responses-reader/read-response';
import { shippedReference } from './shipped-reference';
import { fixtureText } from './response-fixtures';

/** Responses of other shapes, written for these tests, with the proposals a careful reader would make. */
const read = async (name: string) => {
  const text = await fixtureText(name);
  const reading = readResponse(text, shippedReference());
  const statuses = Object.fromEntries(reading.proposals.map((p) => [p.recommendation.recNo, p.status]));
  return { text, ...reading, statuses, quote: (recNo: number) => reading.proposals.find((p) => p.recommendation.recNo === recNo)?.quote?.text };
};

it.each(['txt', 'pdf', 'docx', 'html'])('Kent, "Recommendation N:" headings with "Response:" answers (.%s)', async (extension) => {
  const kent = await read(`kent-firearms-numbered.${extension}`);
  expect(kent.structure.force?.force_id).toBe('kent');
  expect(kent.structure.inspection?.inspection_id).toBe('firearms-2023');
  expect(kent.structure.responseDate).toBe('2023-08-29');
  expect(kent.statuses).toEqual({
    2: 'not_started',
    3: 'complete',
    // "Recommendations 5 and 6": one answer for both; "the force is focused on these concerns" is not evidence.
    5: 'in_progress',
    6: 'in_progress',
    7: 'pending_closure',
    8: 'complete',
    // Mentioned, but "takes oversight seriously" says nothing of progress; and the 2022 PEEL report's
    // recommendations "have all been completed" is about another report.
    10: null,
    // Never mentioned.
    12: null,
  });
  expect(kent.quote(2)).toBe('The South East regional rota has not yet started');
  expect(kent.quote(5)).toMatch(/^Work to add observation of tactics .* is underway/);
  expect(kent.quote(8)).toBe('this arrangement is in place.');
  // Recommendation 1 is the Home Office's: recognised and left out.
  expect(kent.structure.leftOut.map((l) => [l.recNo, l.addressee])).toEqual([[1, 'The Home Office']]);
  expect(kent.proposals.find((p) => p.recommendation.recNo === 12)!.note).toBe('the response does not mention this recommendation');
}, 60_000);

it('Durham, a web page with a table: number, recommendation, response', async () => {
  const durham = await read('durham-firearms-table.html');
  expect(durham.structure.force?.force_id).toBe('durham');
  expect(durham.structure.responseDate).toBe('2023-09-01');
  expect(durham.structure.statedPublished).toBe('2023-07-11');
  expect(durham.statuses).toEqual({ 2: 'in_progress', 3: 'complete', 5: null, 6: null, 7: null, 8: null, 10: null, 12: 'pending_closure' });
  expect(durham.quote(2)).toBe('A regional rota is being developed with Cleveland and Northumbria.');
  expect(durham.quote(12)).toBe('Deployment records have been audited and this recommendation is ready for closure.');
  // The page's script and navigation are not text of the response.
  expect(durham.text).not.toContain('trackingPixel');
  expect(durham.text).not.toContain('Home >');
});

it('Surrey, a response that speaks only to recommendations for national bodies: nothing is proposed for forces', async () => {
  const surrey = await read('surrey-group-cse-others.txt');
  expect(surrey.structure.force?.force_id).toBe('surrey');
  expect(surrey.structure.inspection?.inspection_id).toBe('group-cse-2023');
  expect(surrey.structure.leftOut).toHaveLength(3);
  expect(surrey.structure.leftOut.map((l) => l.recNo)).toEqual([1, 3, 5]);
  // "The Home Office has confirmed that this work is underway" is the Home Office's progress, not the force's.
  expect(surrey.statuses).toEqual({ 2: null, 4: null });
});

it('Dyfed-Powys, "Recommendation N" and "Force response" as headings of their own', async () => {
  const dyfed = await read('dyfed-powys-firearms-headings.txt');
  expect(dyfed.structure.force?.force_id).toBe('dyfed-powys');
  expect(dyfed.structure.responseDate).toBe('2023-08-31');
  expect(dyfed.structure.statedPublished).toBe('2023-07-11');
  // The wording under each heading is the recommendation quoted, not an answer.
  expect(dyfed.structure.recommendations.find((r) => r.recNo === 3)!.quoted).not.toBeNull();
  expect(dyfed.statuses).toEqual({ 2: null, 3: 'complete', 5: null, 6: null, 7: null, 8: null, 10: 'in_progress', 12: null });
  expect(dyfed.quote(10)).toBe('An action plan has been developed and the first independent audit is booked for November.');
  // "will consider this" says nothing of progress.
  expect(dyfed.proposals.find((p) => p.recommendation.recNo === 12)!.note).toBe('the response mentions it but does not say how far it has got');
});

it('Gwent, the wording and the answer in one paragraph after "Recommendation N:"', async () => {
  const gwent = await read('gwent-firearms-inline.txt');
  expect(gwent.structure.force?.force_id).toBe('gwent');
  expect(gwent.structure.responseDate).toBe('2023-09-05');
  // The equipment is in place but training is still being rolled out: work continues.
  expect(gwent.statuses).toEqual({ 2: null, 3: 'in_progress', 5: null, 6: null, 7: 'pending_closure', 8: null, 10: null, 12: 'complete' });
  expect(gwent.quote(3)).toBe('Training for control room staff is being rolled out this autumn.');
  expect(gwent.quote(7)).toBe('this recommendation is awaiting sign-off.');
  expect(gwent.quote(12)).toBe('Status: Complete.');
  // The recommendation's own wording is its quote, not evidence.
  expect(gwent.structure.recommendations.find((r) => r.recNo === 3)!.text).toMatch(/They should train relevant staff in its use\.$/);
});
