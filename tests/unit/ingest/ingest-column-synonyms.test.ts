import { describe, expect, it } from 'vitest';
import { roleOfHeader } from '../../../src/lib/data/ingest/recognise/column-synonyms';
import { columnLetter, columnName } from '../../../src/lib/data/ingest/recognise/file-shape';

describe('column headers', () => {
  it.each([
    ['Force', 'force'], ['Force name', 'force'], ['FORCE_NAME', 'force'], ['force-id', 'force'],
    ['Rec', 'recommendation'], ['Recommendation number', 'recommendation'], ['Rec. No.', 'recommendation'],
    ['Status', 'status'], ['RAG', 'status'], ['RAG status', 'status'],
    ['Date', 'date'], ['Updated', 'date'], ['Last updated', 'date'], ['As at', 'date'],
    ['Inspection', 'inspection'], ['Report', 'inspection'], ['Report title', 'inspection'],
    ['Evidence', 'evidence'], ['Comment', 'evidence'], ['Comments', 'evidence'], ['Source', 'source'],
  ] as const)('%s is the %s column', (header, role) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  it('leaves other headers (force names in a wide file, notes) to the shape', () => {
    expect(roleOfHeader('Kent')).toBeNull();
    expect(roleOfHeader('Owner')).toBeNull();
  });

  it('names blank headers by their spreadsheet letter', () => {
    expect([columnLetter(0), columnLetter(25), columnLetter(26), columnLetter(701)]).toEqual(['A', 'Z', 'AA', 'ZZ']);
    expect(columnName(['Force', ' '], 1)).toBe('column B');
  });
});
