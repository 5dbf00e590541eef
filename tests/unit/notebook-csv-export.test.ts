import { describe, expect, it } from 'vitest';
import { resultToCsv } from '../../src/lib/sql-console/csv-export';
import type { ResultColumn } from '../../src/lib/sql-console/result-table';

const columns: ResultColumn[] = [
  { name: 'force', kind: 'text', type: 'Utf8' },
  { name: 'overdue', kind: 'number', type: 'Int32' },
  { name: 'evidence', kind: 'text', type: 'Utf8' },
];

describe('CSV download of a result', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and leaves nulls empty', () => {
    const csv = resultToCsv({ columns, rows: [{ force: 'Devon, Cornwall', overdue: 3, evidence: 'said "done"\nthen not' }, { force: 'Kent', overdue: null, evidence: null }] });
    expect(csv).toBe('force,overdue,evidence\r\n"Devon, Cornwall",3,"said ""done""\nthen not"\r\nKent,,\r\n');
  });

  it('neutralises text a spreadsheet would run as a formula, but keeps negative numbers numbers', () => {
    const rows = [
      { force: '=HYPERLINK("http://x","y")', overdue: -2, evidence: '+1' },
      { force: '-5', overdue: 0, evidence: '@SUM(A1)' },
      { force: '\tTab', overdue: 1, evidence: 'plain = fine' },
    ];
    expect(resultToCsv({ columns, rows }).split('\r\n')).toEqual([
      'force,overdue,evidence',
      `"'=HYPERLINK(""http://x"",""y"")",-2,'+1`,
      `'-5,0,'@SUM(A1)`,
      `'\tTab,1,plain = fine`,
      '',
    ]);
  });
});
