import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { chartBlockSpec, type ChartBlockOptions } from '../../../src/lib/notebooks/chart-block';
import type { ResultTable } from '../../../src/lib/sql-console/result-table';
import { STATUS_COLOURS } from '../../../src/lib/charts/shared/palette';

const options = (over: Partial<ChartBlockOptions>): ChartBlockOptions => ({
  mark: 'bar', x: 'x', y: 'y', colour: null, facet: null, from: 'q', title: null, subtitle: null,
  xLabel: null, yLabel: null, xFormat: null, yFormat: null, sort: null, ...over,
});

const statusMix: ResultTable = {
  columns: [
    { name: 'quarter_end', kind: 'date', type: 'Date32<DAY>' },
    { name: 'status', kind: 'text', type: 'Utf8' },
    { name: 'share', kind: 'number', type: 'Float64' },
    { name: 'pairs', kind: 'number', type: 'Int32' },
  ],
  rowCount: 3,
  rows: [
    { quarter_end: '2024-03-31', status: 'complete', share: 0.25, pairs: 10 },
    { quarter_end: '2024-03-31', status: 'in_progress', share: 0.75, pairs: 30 },
    { quarter_end: '2024-06-30', status: 'complete', share: 0.5, pairs: 20 },
  ],
};

describe('a chart block becomes a ChartSpec', () => {
  it('carries the title, subtitle, source and a table of every column, formatted', () => {
    const result = chartBlockSpec({
      id: 'nb-x', source: 'HMICFRS', subtitle: 'As on 30 June 2024',
      options: options({ mark: 'line', x: 'quarter_end', y: 'share', colour: 'status', yFormat: 'percent', title: 'Status over time' }),
      result: statusMix,
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.spec).toMatchObject({ id: 'nb-x', title: 'Status over time', subtitle: 'As on 30 June 2024', source: 'HMICFRS' });
    expect(result.spec.table.columns).toEqual([
      { key: 'quarter_end', label: 'quarter_end', format: 'text' },
      { key: 'status', label: 'status', format: 'text' },
      { key: 'share', label: 'share', format: 'percent' },
      { key: 'pairs', label: 'pairs', format: 'integer' },
    ]);
    expect(result.spec.table.rows).toEqual(statusMix.rows);
    // Statuses keep the app's colours, in the app's order.
    expect(result.spec.plot.color).toMatchObject({ domain: ['complete', 'in_progress'], range: [STATUS_COLOURS.complete, STATUS_COLOURS.in_progress] });
    // A line and a label at the end of each line: colour is not the only cue.
    expect(result.spec.plot.marks).toHaveLength(2);
    expect(result.spec.plot.y).toMatchObject({ tickFormat: '%', label: 'share' });
  });

  it('names the missing column and lists those there are', () => {
    const result = chartBlockSpec({ id: 'nb', source: '', subtitle: '', options: options({ x: 'quarter', y: 'share' }), result: statusMix });
    expect(result).toEqual({ ok: false, message: 'The chart names "quarter", not in the result. Columns: quarter_end, status, share, pairs.' });
  });

  it.each(['bar', 'barX', 'line', 'dot', 'area', 'cell', 'tick'] as const)('draws a %s that Plot renders', (mark) => {
    const horizontal = mark === 'barX' || mark === 'tick';
    const result = chartBlockSpec({
      id: 'nb', source: '', subtitle: '',
      options: options({ mark, x: horizontal ? 'pairs' : 'quarter_end', y: horizontal ? 'status' : 'pairs', colour: 'status', facet: mark === 'dot' ? 'status' : null }),
      result: statusMix,
    });
    if (!result.ok) throw new Error(result.message);
    const { document } = new JSDOM('<!doctype html><body></body>').window;
    const figure = Plot.plot({ ...result.spec.plot, document });
    expect(figure.querySelectorAll('[aria-label]').length).toBeGreaterThan(0);
  });
});
