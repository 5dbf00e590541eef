import { describe, expect, it } from 'vitest';
import { tableFromArrays } from 'apache-arrow';
import { resultTable, uniqueNames } from '../../../src/lib/sql-console/result-table';

// Issue 15: `select 1 AS x, 2 AS x` threw Svelte's keyed-each error and the console never recovered.
describe('result column names', () => {
  it('gives repeated names a number, keeping the first as it is', () => {
    expect(uniqueNames(['x', 'x', 'y', 'x'])).toEqual(['x', 'x (2)', 'y', 'x (3)']);
  });

  it('never makes a name that is already taken', () => {
    expect(uniqueNames(['x', 'x (2)', 'x'])).toEqual(['x', 'x (2)', 'x (3)']);
    expect(new Set(uniqueNames(['a', 'a', 'a (2)', 'a (2)'])).size).toBe(4);
  });

  it('keeps each column its own values when the result repeats a name', () => {
    const table = tableFromArrays({ x: Int32Array.from([1]), y: Int32Array.from([2]) });
    // Arrow's JS builder keys columns by name, so rename one field to make the repeat DuckDB sends.
    const repeated = table.selectAt([0, 1]);
    const fields = repeated.schema.fields;
    Object.defineProperty(fields[1]!, 'name', { value: 'x' });
    const result = resultTable(repeated);
    expect(result.columns.map((c) => c.name)).toEqual(['x', 'x (2)']);
    expect(result.rows).toEqual([{ x: 1, 'x (2)': 2 }]);
  });
});
