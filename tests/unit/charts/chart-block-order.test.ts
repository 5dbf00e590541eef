import { describe, expect, it } from 'vitest';
import { chartBlockSpec, type ChartBlockOptions } from '../../../src/lib/notebooks/chart-block';
import type { ResultTable } from '../../../src/lib/sql-console/result-table';

/** Bars keep the query's ORDER BY: "ORDER BY overdue DESC" reads top to bottom as written. */
const byOverdue: ResultTable = {
  columns: [
    { name: 'force', kind: 'text', type: 'Utf8' },
    { name: 'overdue', kind: 'number', type: 'Int32' },
  ],
  rowCount: 3,
  rows: [
    { force: 'Kent', overdue: 9 },
    { force: 'Avon and Somerset', overdue: 4 },
    { force: 'Wiltshire', overdue: 1 },
  ],
};
const options = (over: Partial<ChartBlockOptions>): ChartBlockOptions => ({
  mark: 'barX', x: 'overdue', y: 'force', colour: null, facet: null, from: null, title: null, subtitle: null,
  xLabel: null, yLabel: null, xFormat: null, yFormat: null, sort: null, ...over,
});
const spec = (over: Partial<ChartBlockOptions>) => {
  const built = chartBlockSpec({ id: 'q', options: options(over), result: byOverdue, subtitle: 's', source: 'src' });
  if (!built.ok) throw new Error(built.message);
  return built.spec;
};

describe('bars in the order of the query', () => {
  it('lists horizontal bars top to bottom in row order, not alphabetically', () => {
    expect(spec({}).plot.y?.domain).toEqual(['Kent', 'Avon and Somerset', 'Wiltshire']);
  });

  it('lists vertical bars left to right in row order', () => {
    expect(spec({ mark: 'bar', x: 'force', y: 'overdue' }).plot.x?.domain).toEqual(['Kent', 'Avon and Somerset', 'Wiltshire']);
  });

  it('leaves the order to a sort the block asks for', () => {
    expect(spec({ sort: 'x' }).plot.y?.domain).toBeUndefined();
  });
});
