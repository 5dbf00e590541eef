import { expect, it } from 'vitest';
import { responseFormat } from '../../../src/lib/data/responses-reader/read/response-document';
import { responseFixture } from './response-fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

it.each([
  ['cheshire-pcc-response-firearms-2023.pdf', 'pdf'],
  ['cheshire-pcc-response-firearms-2023.docx', 'docx'],
  ['durham-firearms-table.html', 'html'],
  ['west-midlands-pcc-response-firearms-2023.txt', 'text'],
  ['kent-firearms-numbered.txt', 'text'],
])('%s is read as a response (%s), from its content', (name, format) => {
  expect(responseFormat(name, responseFixture(name))).toBe(format);
});

it('pasted prose, named as the paste box names it, is a response', () => {
  const pasted = new TextDecoder().decode(responseFixture('kent-firearms-numbered.txt'));
  expect(responseFormat('pasted text.csv', bytes(pasted))).toBe('text');
});

it('status files and other tables are not responses, even with long evidence text', () => {
  expect(responseFormat('statuses.csv', bytes(
    'Force,Inspection,Recommendation,Status,Date,Evidence\n'
    + 'Kent,firearms-2023,3,complete,2023-09-01,"The tracking equipment has been fitted to every armed response vehicle. Training is complete for all control room staff."\n'
    + 'Kent,firearms-2023,5,in_progress,2023-09-01,"Work to add observation of tactics to the accreditation is underway. The recommendation will be reviewed in March."\n',
  ))).toBeNull();
  expect(responseFormat('notes.txt', bytes('Shopping list\nmilk\neggs\n'))).toBeNull();
  // A zip that is not a Word file.
  expect(responseFormat('data.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toBeNull();
});
