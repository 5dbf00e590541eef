import { describe, expect, it } from 'vitest';
import { composeQuery } from '../../../src/lib/notebooks/compose-query';
import type { SqlBlock } from '../../../src/lib/notebooks/notebook';
import { parseNotebook } from '../../../src/lib/notebooks/parse-notebook';

const fence = '```';
const source = [
  '# Overdue, force by force', // 1
  '', // 2
  'Some *prose* first.', // 3
  '', // 4
  `${fence}sql name=base hidden`, // 5
  'SELECT force_id, region FROM forces', // 6
  fence, // 7
  '', // 8
  `${fence}sql name=by_region allow-empty`, // 9
  'SELECT region, count(*) AS n FROM base GROUP BY region', // 10
  fence, // 11
  '', // 12
  `${fence}chart`, // 13
  'mark: barX   # horizontal', // 14
  'x: n', // 15
  'y: region', // 16
  'sort: -x', // 17
  fence, // 18
  '', // 19
  `${fence}params`, // 20
  'force:', // 21
  '  label: Force', // 22
  '  default: cheshire', // 23
  '  options: base', // 24
  'year: 2024', // 25
  fence, // 26
  '', // 27
  `${fence}text`, // 28
  'shown as code', // 29
  fence, // 30
  '',
].join('\n');

describe('reading a notebook', () => {
  const notebook = parseNotebook('overdue-force.md', source);

  it('takes its title from the first heading and its id from the file name', () => {
    expect(notebook.title).toBe('Overdue, force by force');
    expect(notebook.id).toBe('overdue-force');
    expect(notebook.problems).toEqual([]);
  });

  it('splits prose, sql and chart blocks in order, with the line of each fence', () => {
    expect(notebook.blocks.map((b) => [b.kind, b.line])).toEqual([
      ['prose', 1], ['sql', 5], ['sql', 9], ['chart', 13], ['prose', 28],
    ]);
    const [, base, byRegion, chart, code] = notebook.blocks;
    expect(base).toMatchObject({ name: 'base', hidden: true, allowEmpty: false, sql: 'SELECT force_id, region FROM forces' });
    expect(byRegion).toMatchObject({ name: 'by_region', hidden: false, allowEmpty: true });
    // A chart without "from" draws the sql block just above it.
    expect(chart).toMatchObject({ kind: 'chart', name: 'chart-1', options: { mark: 'barX', x: 'n', y: 'region', sort: '-x', from: 'by_region', colour: null } });
    expect(code).toMatchObject({ kind: 'prose', markdown: expect.stringContaining('shown as code') });
  });

  it('reads the params block, long and short forms', () => {
    expect(notebook.parameters).toEqual([
      { name: 'force', label: 'Force', default: 'cheshire', options: 'base' },
      { name: 'year', label: 'year', default: '2024', options: null },
    ]);
  });

  it('also reads a chart written as JSON', () => {
    const json = parseNotebook('j.md', `${fence}sql name=q\nSELECT 1 AS a, 2 AS b\n${fence}\n${fence}chart\n{"mark": "dot", "x": "a", "y": "b", "color": "a"}\n${fence}\n`);
    expect(json.problems).toEqual([]);
    expect(json.blocks[1]).toMatchObject({ options: { mark: 'dot', colour: 'a', from: 'q' } });
  });

  it('collects every mistake with its line, and names what is accepted', () => {
    const broken = [
      `${fence}sql name=forces`, 'SELECT 1', fence, // 1: a table's name
      `${fence}sql name=a`, 'SELECT 1', fence, // 4
      `${fence}sql name=a colour=red`, 'SELECT 2', fence, // 7: twice, unknown setting
      `${fence}chart`, 'mark: pie', 'x: a', 'y: b', 'from: nowhere', 'size: 3', fence, // 10
      `${fence}params`, 'as_of: 2020-01-01', 'who:', '  label: Who', fence, // 17
    ].join('\n');
    const problems = parseNotebook('broken.md', broken).problems;
    expect(problems).toEqual([
      { line: 1, message: '"forces" is a table\'s name; choose another name for the block' },
      { line: 7, message: 'two sql blocks are named "a"' },
      { line: 7, message: 'unknown sql block setting "colour" (name=…, hidden, allow-empty)' },
      { line: 11, message: 'chart chart-1: unknown key "size"; a chart takes mark, x, y, colour, facet, from, title, subtitle, x_label, y_label, x_format, y_format, sort' },
      { line: 11, message: 'chart chart-1: "mark" must be one of bar, barX, line, dot, area, cell, tick (found "pie")' },
      { line: 17, message: 'params: $as_of comes from the filters and cannot be redefined' },
      { line: 17, message: 'params: who needs a default value' },
    ]);
  });

  it('refuses a chart whose query does not exist above it', () => {
    const problems = parseNotebook('c.md', `${fence}chart\nmark: bar\nx: a\ny: b\nfrom: later\n${fence}\n${fence}sql name=later\nSELECT 1\n${fence}\n`).problems;
    expect(problems).toEqual([{ line: 1, message: 'chart chart-1: from "later", but no sql block above has name=later' }]);
  });
});

describe('earlier blocks become CTEs', () => {
  const block = (name: string | null, sql: string): SqlBlock => ({ kind: 'sql', name, sql, hidden: false, allowEmpty: false, line: 1 });
  const base = block('base', 'SELECT * FROM forces -- all of them\n;');
  const wales = block('wales', "SELECT * FROM base WHERE region = 'Wales'");
  const unrelated = block('unrelated', 'SELECT 1');

  it('adds the blocks used, and the blocks those use, in notebook order', () => {
    const composed = composeQuery(block(null, 'SELECT count(*) FROM wales'), [base, unrelated, wales]);
    expect(composed.uses).toEqual(['base', 'wales']);
    expect(composed.sql).toBe("WITH base AS (\nSELECT * FROM forces\n),\nwales AS (\nSELECT * FROM base WHERE region = 'Wales'\n)\nSELECT count(*) FROM wales");
  });

  it("puts them in front of the block's own CTEs, after WITH RECURSIVE if it is there", () => {
    expect(composeQuery(block(null, 'WITH x AS (SELECT * FROM base) SELECT * FROM x'), [base]).sql)
      .toBe('WITH\nbase AS (\nSELECT * FROM forces\n),\nx AS (SELECT * FROM base) SELECT * FROM x');
    expect(composeQuery(block(null, 'with recursive r AS (SELECT 1) SELECT * FROM r, base'), [base]).sql)
      .toBe('with recursive\nbase AS (\nSELECT * FROM forces\n),\nr AS (SELECT 1) SELECT * FROM r, base');
  });

  it('does not count a name inside a string or a comment as a use', () => {
    expect(composeQuery(block(null, "SELECT 'base' AS word -- from base"), [base])).toEqual({ sql: "SELECT 'base' AS word", uses: [] });
  });
});
