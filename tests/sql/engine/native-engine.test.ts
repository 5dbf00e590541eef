import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { openNodeConnector } from '../../../src/lib/db/node-connector';
import { openNativeConnector, type NativeConnector } from '../../../src/lib/db/native-connector';
import { loadNationalView } from '../../../src/lib/metrics/national/national-view';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { dataExtent } from '../../../src/lib/metrics/common/data-extent.sql';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { discardStaged } from '../../../src/lib/data/ingest/loaded/load-changes';
import { describeProblem } from '../../../src/lib/data/ingest/report/problem-messages';
import { checkFiles, loadDataset, loadShipped } from '../../../cli/load-files';
import { nationalFigures } from '../../../cli/figures';
import { checkReport } from '../../../cli/check-report';

/**
 * The command line runs the app's SQL on native DuckDB; the browser runs it on DuckDB-wasm. The
 * same files through the same code on both engines must give the same figures and the same
 * problems: this is where a divergence between the two DuckDB builds would show.
 */
const fixtures = (folder: string) => fileURLToPath(new URL(`../../fixtures/${folder}/`, import.meta.url));
const VALID = readdirSync(fixtures('valid')).filter((name) => !name.endsWith('.arrow')).map((name) => `${fixtures('valid')}${name}`);
const MALFORMED = readdirSync(fixtures('malformed')).sort();
const LOADED_AT = '2026-12-01T09:00:00.000Z';
const bin = fileURLToPath(new URL('../../../bin/oversight.js', import.meta.url));

const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));

/** The national view on several filter sets, as the view asks for them. */
async function views(db: Connector): Promise<unknown[]> {
  const { lastUpdate, firstPublished } = await dataExtent(db);
  const results = [];
  for (const filters of [
    defaultFilters(lastUpdate!),
    { ...defaultFilters(lastUpdate!), region: 'North West', force: 'cheshire', pendingCountsAsComplete: true },
    { ...defaultFilters('2024-06-30'), inspections: ['firearms-2023'], statuses: ['in_progress', 'no_update'] as const },
    { ...defaultFilters(lastUpdate!), recommendation: { inspectionId: 'firearms-2023', recNo: 2 } },
    defaultFilters(firstPublished!),
  ]) {
    results.push(plain(await loadNationalView(db, filters)));
  }
  return results;
}

describe('the command line on native DuckDB and the browser engine', () => {
  let wasm: Connector;
  let native: NativeConnector;
  beforeAll(async () => {
    [wasm, native] = await Promise.all([openNodeConnector(), openNativeConnector()]);
  }, 120_000);
  afterAll(() => native?.close());

  it('run the same DuckDB release', async () => {
    const version = async (db: Connector) => (await db.query('SELECT version() AS v')).getChildAt(0)!.get(0);
    expect(await version(native)).toBe(await version(wasm));
  });

  it('give the same national view and figures on the demo data', async () => {
    await loadDataset(wasm, [], null, LOADED_AT);
    await loadDataset(native, [], null, LOADED_AT);
    expect(await views(native)).toEqual(await views(wasm));
    const options = { asOf: '2025-03-31', inspections: ['firearms-2023'], region: 'Wales', pending: true };
    const figures = await nationalFigures(native, options);
    expect(figures.rows.filter((row) => row.level === 'force')).toHaveLength(43);
    expect(plain(figures)).toEqual(plain(await nationalFigures(wasm, options)));
  }, 240_000);

  it('give the same problems and figures on the valid fixtures, loaded together', async () => {
    const [onWasm, onNative] = [await openNodeConnector(), await openNativeConnector()];
    try {
      const wasmChecked = await loadDataset(onWasm, VALID, null, LOADED_AT);
      const nativeChecked = await loadDataset(onNative, VALID, null, LOADED_AT);
      expect(nativeChecked.staged.map((file) => file.loadable)).toEqual(wasmChecked.staged.map((file) => file.loadable));
      expect(nativeChecked.staged.reduce((sum, file) => sum + file.loadable, 0)).toBeGreaterThan(20);
      expect(plain(nativeChecked.groups)).toEqual(plain(wasmChecked.groups));
      expect(await views(onNative)).toEqual(await views(onWasm));
    } finally {
      onNative.close();
    }
  }, 240_000);

  it('find the same problems, with the same messages, in every malformed fixture', async () => {
    const [onWasm, onNative] = [await openNodeConnector(), await openNativeConnector()];
    try {
      await loadShipped(onWasm, LOADED_AT);
      await loadShipped(onNative, LOADED_AT);
      for (const name of MALFORMED) {
        const results = [];
        for (const db of [onWasm, onNative]) {
          const { staged } = await checkFiles(db, [`${fixtures('malformed')}${name}`], null);
          const problems = (await allProblems(db, staged[0]!)).map((problem) => ({ ...problem, ...describeProblem(problem) }));
          results.push({ problems, loadable: staged[0]!.loadable });
          await discardStaged(db, staged);
        }
        expect(results[1], name).toEqual(results[0]);
      }
      const { staged, groups } = await checkFiles(onNative, [`${fixtures('malformed')}unknown-force.csv`], null);
      expect(checkReport({ staged, groups }).errors).toEqual([{
        file: 'unknown-force.csv', title: 'Unknown force', column: 'Force', count: 1,
        problems: [expect.objectContaining({ row: 3, value: 'Northumbira', message: 'Unknown force: Northumbira. Did you mean Northumbria?' })],
      }]);
    } finally {
      onNative.close();
    }
  }, 240_000);
});

describe('npx oversight check', () => {
  const run = (...args: string[]) => promisify(execFile)(process.execPath, [bin, ...args]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (failure: { code: number; stdout: string }) => ({ code: failure.code, stdout: failure.stdout }),
  );

  it('exits 1 and lists the problems, grouped, when a file has errors', async () => {
    const { code, stdout } = await run('check', `${fixtures('malformed')}unknown-force.csv`, `${fixtures('malformed')}impossible-date.csv`);
    expect(code).toBe(1);
    expect(stdout).toContain('Unknown force in column Force: 1 problem');
    expect(stdout).toContain('row 3 "Northumbira": Unknown force: Northumbira. Did you mean Northumbria?');
    expect(stdout).toContain('Impossible date in column Date: 2 problems');
    expect(stdout).toContain('31/02/2024 is not a real date: February 2024 has 29 days.');
  }, 120_000);

  it('exits 0 with warnings only, and writes JSON', async () => {
    // A valid export with the blank lines a spreadsheet leaves: skipped with a warning, not an error.
    const [header, ...rows] = readFileSync(`${fixtures('valid')}long.csv`, 'utf8').split('\n');
    const spaced = join(mkdtempSync(join(tmpdir(), 'oversight-check-')), 'with-blank-lines.csv');
    writeFileSync(spaced, [header, rows[0], '', ',,,,,', ...rows.slice(1)].join('\n'));
    const { code, stdout } = await run('check', '--json', spaced);
    const report = JSON.parse(stdout);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([{ file: 'with-blank-lines.csv', message: '2 empty rows skipped.' }]);
    expect(code).toBe(0);
  }, 120_000);
});
