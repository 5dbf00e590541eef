import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { parseNotebook } from '../../../src/lib/notebooks/parse-notebook';
import { runNotebook, type NotebookRun } from '../../../src/lib/notebooks/run-notebook';
import { SHIPPED_NOTEBOOKS } from '../../../src/lib/notebooks/shipped-notebooks';
import { openDemoData } from '../support/demo-data';

/**
 * Every shipped notebook runs on the demo data with the default filters: no block fails, every
 * table has rows (unless its block says allow-empty) and every chart has a spec with data.
 * A notebook that stops working fails the build.
 */
let db: Connector;
let defaults: Filters;

beforeAll(async () => {
  db = await openDemoData();
  defaults = defaultFilters((await dataExtent(db)).lastUpdate!);
}, 60_000); // the engine starts slowly on a busy two-core machine

function failures(run: NotebookRun): string[] {
  const found = run.problems.map((problem) => `line ${problem.line}: ${problem.message}`);
  for (const block of run.blocks) {
    if (block.kind === 'sql') {
      const label = `sql ${block.block.name ?? '(unnamed)'} at line ${block.block.line}`;
      if (block.outcome.status !== 'ok') found.push(`${label}: ${block.outcome.status}: ${block.outcome.message}`);
      else if (block.outcome.result.rowCount === 0 && !block.block.allowEmpty && !block.outcome.checkedOnly) found.push(`${label}: no rows`);
    } else if (block.kind === 'chart') {
      if (!block.chart.ok) found.push(`chart ${block.block.name}: ${block.chart.message}`);
      else if (block.chart.spec.table.rows.length === 0) found.push(`chart ${block.block.name}: no data`);
    }
  }
  return found;
}

describe('shipped notebooks', () => {
  it('bundles every notebooks/*.md except the README, at least three', () => {
    const onDisk = readdirSync(new URL('../../../notebooks/', import.meta.url)).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(SHIPPED_NOTEBOOKS.map((file) => file.fileName)).toEqual(onDisk.sort());
    expect(onDisk.length).toBeGreaterThanOrEqual(3);
  });

  it.each(SHIPPED_NOTEBOOKS.map((file) => [file.fileName, file.source]))('%s runs on the demo data with the default filters', async (fileName, source) => {
    const notebook = parseNotebook(fileName, source);
    const run = await runNotebook(db, notebook, { filters: defaults, values: {}, source: 'test' });
    expect(failures(run)).toEqual([]);
    expect(run.blocks.some((block) => block.kind === 'chart')).toBe(true);
  });

  it.each(SHIPPED_NOTEBOOKS.map((file) => [file.fileName, file.source]))('%s also runs for one region, one inspection and an earlier date', async (fileName, source) => {
    const notebook = parseNotebook(fileName, source);
    const filters: Filters = { ...defaults, asOf: '2024-06-30', inspections: ['firearms-2023'], region: 'West Midlands', pendingCountsAsComplete: true };
    const run = await runNotebook(db, notebook, { filters, values: {}, source: 'test' });
    const errors = run.blocks.flatMap((block) => (block.kind === 'sql' && block.outcome.status !== 'ok' ? [`${block.block.name}: ${block.outcome.message}`] : []));
    expect(run.problems).toEqual([]);
    expect(errors).toEqual([]);
  });
});
