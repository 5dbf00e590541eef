import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { parseNotebook } from '../../../src/lib/notebooks/parse-notebook';
import { runNotebook } from '../../../src/lib/notebooks/run-notebook';
import { filterParameters } from '../../../src/lib/sql-console/named-parameters';
import { resultTable } from '../../../src/lib/sql-console/result-table';
import { runReadOnlyQuery } from '../../../src/lib/sql-console/run-read-only-query';
import { loadSchema } from '../../../src/lib/sql-console/schema-browser.sql';
import { openDemoData } from '../support/demo-data';

/** The SQL console and the notebook runner on the real engine and the demo data. */
let db: Connector;
beforeAll(async () => {
  db = await openDemoData();
}, 60_000); // the engine starts slowly on a busy two-core machine

describe('SQL console queries', () => {
  it('runs a query and reports its rows and time', async () => {
    const outcome = await runReadOnlyQuery(db, 'SELECT region, count(*) AS forces FROM forces GROUP BY region ORDER BY region;');
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.table.numRows).toBe(10);
    expect(outcome.milliseconds).toBeGreaterThanOrEqual(0);
    expect(resultTable(outcome.table).rows[0]).toEqual({ region: 'East Midlands', forces: 5 });
  });

  it("shows DuckDB's own error, with the line and the caret under the position", async () => {
    const outcome = await runReadOnlyQuery(db, 'SELECT *\nFORM forces');
    expect(outcome.status).toBe('error');
    expect(outcome.status === 'error' && outcome.message).toMatch(/Parser Error: syntax error at or near "forces"[\s\S]*LINE 2: FORM forces\n\s+\^/);
  });

  it('refuses a DELETE before DuckDB sees it, and the table is untouched', async () => {
    const outcome = await runReadOnlyQuery(db, 'DELETE FROM forces');
    expect(outcome).toEqual({ status: 'refused', message: expect.stringMatching(/^DELETE is refused: DELETE removes rows\./) });
    const count = await runReadOnlyQuery(db, 'SELECT count(*) AS n FROM forces');
    expect(count.status === 'ok' && resultTable(count.table).rows).toEqual([{ n: 43 }]);
  });

  it('binds the filters as parameters: Wales has 4 forces', async () => {
    const filters = { ...defaultFilters('2025-03-31'), region: 'Wales' };
    const outcome = await runReadOnlyQuery(db, 'SELECT count(*) AS n, len($inspections) AS chosen FROM forces WHERE ($region IS NULL OR region = $region)', filterParameters(filters));
    expect(outcome.status === 'ok' && resultTable(outcome.table).rows).toEqual([{ n: 4, chosen: 0 }]);
  });

  it('turns every DuckDB type into plain values: numbers, ISO dates, text', async () => {
    const outcome = await runReadOnlyQuery(db, `SELECT count(*) AS n, 1.5 AS d, 2.5::DOUBLE AS f, DATE '2024-07-31' AS due,
      TIMESTAMP '2024-07-31 10:00:00' AS at, [1, 2] AS l, {'a': 1} AS s, true AS b, NULL::VARCHAR AS nothing FROM forces`);
    if (outcome.status !== 'ok') throw new Error(outcome.message);
    const table = resultTable(outcome.table);
    expect(table.rows).toEqual([{ n: 43, d: 1.5, f: 2.5, due: '2024-07-31', at: '2024-07-31T10:00:00.000Z', l: '[1,2]', s: '{"a":1}', b: true, nothing: null }]);
    expect(table.columns.map((c) => c.kind)).toEqual(['number', 'number', 'number', 'date', 'timestamp', 'other', 'other', 'boolean', 'text']);
  });

  it('converts only the first rows it is asked for, and still counts them all', async () => {
    const outcome = await runReadOnlyQuery(db, 'SELECT * FROM status_updates');
    if (outcome.status !== 'ok') throw new Error(outcome.message);
    const table = resultTable(outcome.table, 10);
    expect(table.rows).toHaveLength(10);
    expect(table.rowCount).toBe(outcome.table.numRows);
  });

  it('lists the tables, their columns and types for the schema browser', async () => {
    const schema = await loadSchema(db);
    expect(schema.map((t) => t.name)).toEqual(expect.arrayContaining(['forces', 'inspections', 'recommendations', 'responses', 'status_updates']));
    expect(schema.find((t) => t.name === 'status_updates')?.columns).toContainEqual({ name: 'as_of', type: 'DATE' });
    expect(schema[0]!.kind).toBe('table');
  });
});

describe('notebook runs', () => {
  const fence = '```';
  const run = (source: string, values: Record<string, string> = {}) =>
    runNotebook(db, parseNotebook('t.md', source), { filters: defaultFilters('2025-03-31'), values, source: 'test' });

  it('uses earlier blocks by name, with parameters bound in each', async () => {
    const result = await run([
      `${fence}sql name=published_by_date`, 'SELECT * FROM inspections WHERE published <= $as_of', fence,
      `${fence}sql name=n`, "SELECT count(*) AS reports, $who AS who FROM published_by_date", fence,
      `${fence}params`, 'who: analyst', fence,
    ].join('\n'), { who: 'me' });
    const last = result.blocks.at(-1)!;
    expect(last.kind === 'sql' && last.outcome.status === 'ok' && last.outcome.result.rows).toEqual([{ reports: 10, who: 'me' }]);
    expect(last.kind === 'sql' && last.outcome.status === 'ok' && last.outcome.usedParameters).toEqual(['as_of', 'who']);
  });

  it('skips a block whose source failed, saying which, and refuses a DELETE in a notebook', async () => {
    const result = await run([
      `${fence}sql name=broken`, 'SELECT no_such_column FROM forces', fence,
      `${fence}sql name=after`, 'SELECT * FROM broken', fence,
      `${fence}sql name=wipe`, 'DELETE FROM forces', fence,
    ].join('\n'));
    const outcomes = result.blocks.map((b) => (b.kind === 'sql' ? [b.outcome.status, 'message' in b.outcome ? b.outcome.message.split('\n')[0] : ''] : null));
    expect(outcomes).toEqual([
      ['error', expect.stringContaining('Binder Error')],
      ['skipped', 'Not run: it uses broken, which did not run.'],
      ['refused', expect.stringContaining('DELETE is refused')],
    ]);
  });

  it('still binds parameters when a block is named like a column and pulled in unused', async () => {
    const result = await run([
      `${fence}sql name=published`, 'SELECT inspection_id FROM inspections WHERE published <= $as_of', fence,
      `${fence}sql name=latest`, 'SELECT max(published) AS latest FROM inspections', fence,
    ].join('\n'));
    const last = result.blocks.at(-1)!;
    expect(last.kind === 'sql' && last.outcome.status).toBe('ok');
  });

  it('only checks a hidden helper block nothing draws from; a hidden block a chart draws runs whole', async () => {
    const result = await run([
      `${fence}sql name=helper hidden`, 'SELECT force_id, region FROM forces', fence,
      `${fence}sql name=drawn hidden`, 'SELECT region, count(*)::INTEGER AS n FROM helper GROUP BY region', fence,
      `${fence}chart`, 'mark: barX', 'x: n', 'y: region', fence,
    ].join('\n'));
    const [helper, drawn] = result.blocks;
    expect(helper?.kind === 'sql' && helper.outcome).toMatchObject({ status: 'ok', checkedOnly: true, sentSql: expect.stringMatching(/LIMIT 0$/) });
    expect(drawn?.kind === 'sql' && drawn.outcome).toMatchObject({ status: 'ok', checkedOnly: false, result: { rowCount: 10 } });
    expect(result.blocks[2]?.kind === 'chart' && result.blocks[2].chart.ok).toBe(true);
  });
});
