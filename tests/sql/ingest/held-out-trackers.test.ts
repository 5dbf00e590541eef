import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { listLoads, registerShippedLoads } from '../../../src/lib/data/ingest/loaded/load-registry';
import { acceptLoad } from '../../../src/lib/data/ingest/loaded/load-changes';
import { allProblems } from '../../../src/lib/data/ingest/report/problem-report';
import { forceCompliance } from '../../../src/lib/metrics/national/national.sql';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { openDemoData } from '../support/demo-data';
import { fixture, stage } from '../support/ingest-helpers';

/**
 * Held-out trackers (tests/fixtures/held-out/): files of the same families as the matcher's own
 * fixtures, written the way other forces write them (web addresses and their last segment,
 * "Recommendation 2", "No. 2", "2.", titles without "An inspection of", 31.07.24 and 31 Jul 2024,
 * semicolons, a byte-order mark, trailing blank rows). They are not used anywhere else, so they
 * say whether the matcher generalises. Each must load in one step, and give per force the
 * figures this file works out on its own: its own reading of the file (the spellings it needs,
 * written out below) and the shipped recommendations, and DESIGN.md's definitions in plain
 * TypeScript, never the app's SQL.
 */
const AS_OF = '2024-12-31';

// What the files mean, said here once by hand: the test's reading, not the app's.
const FORCES: Record<string, string> = {
  'Dyfed-Powys Police': 'dyfed-powys', 'Gwent Police': 'gwent', 'Avon & Somerset Constabulary': 'avon-and-somerset', 'Wiltshire Police': 'wiltshire',
};
const INSPECTION_BY_WORD: [RegExp, string][] = [
  [/deployment-of-firearms/, 'firearms-2023'],
  [/^The effectiveness of the police and law enforcement bodies/, 'group-cse-2023'],
  [/^Disproportionate use of police powers/, 'disproportionality-2021'],
];
const STATUSES: Record<string, string> = {
  Red: 'not_started', Amber: 'in_progress', Green: 'complete', Ongoing: 'in_progress', 'Pending sign off': 'pending_closure',
  Completed: 'complete', Complete: 'complete', 'Not yet started': 'not_started', 'In progress': 'in_progress', Closed: 'complete',
  Started: 'in_progress', Open: 'in_progress', 'Not applicable': 'not_applicable',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoDate(text: string): string {
  const dotted = /^(\d\d)\.(\d\d)\.(\d\d)$/.exec(text);
  if (dotted) return `20${dotted[3]}-${dotted[2]}-${dotted[1]}`;
  const [day, month, year] = text.split(' ');
  const m = MONTHS.indexOf(month!.slice(0, 3)) + 1;
  if (!day || m === 0 || !year) throw new Error(`the test cannot read the date ${text}`);
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

interface Update { force: string; inspection: string; rec: number; status: string; asOf: string; row: number }

/** The file's updates, read by this test alone. */
function readTracker(path: string): Update[] {
  const text = readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8').replace(/^\uFEFF/, '');
  const { data } = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return data.slice(1).filter((cells) => cells.some((cell) => cell.trim())).map(([force, inspection, rec, status, date], k) => ({
    force: FORCES[force!]!,
    inspection: INSPECTION_BY_WORD.find(([pattern]) => pattern.test(inspection!))![1],
    rec: Number(/\d+/.exec(rec!)![0]),
    status: STATUSES[status!]!,
    asOf: isoDate(date!),
    row: k,
  }));
}

interface Recommendation { inspection_id: string; rec_no: string; for_forces: string; due_date: string }
const RECOMMENDATIONS = Papa.parse<Recommendation>(readFileSync(new URL('../../../data/recommendations.csv', import.meta.url), 'utf8'), { header: true, skipEmptyLines: true }).data;
const PUBLISHED = new Map(Papa.parse<{ inspection_id: string; published: string }>(
  readFileSync(new URL('../../../data/inspections.csv', import.meta.url), 'utf8'), { header: true, skipEmptyLines: true }).data.map((i) => [i.inspection_id, i.published]));

interface Figures { complete: number; inProgress: number; overdue: number }

/**
 * DESIGN.md's definitions over every for-forces recommendation of the file's inspections: the
 * status on D is the latest update on or before D (of one date, the later row); no update is
 * "no update"; superseded and not applicable are out of scope; overdue is in scope, past its
 * deadline on D and not complete.
 */
function expectedFigures(updates: Update[], inspections: string[]): Record<string, Figures> {
  const figures: Record<string, Figures> = {};
  for (const force of new Set(updates.map((u) => u.force))) {
    const f: Figures = { complete: 0, inProgress: 0, overdue: 0 };
    for (const r of RECOMMENDATIONS) {
      if (!inspections.includes(r.inspection_id) || r.for_forces !== 'true' || PUBLISHED.get(r.inspection_id)! > AS_OF) continue;
      const history = updates.filter((u) => u.force === force && u.inspection === r.inspection_id && u.rec === Number(r.rec_no) && u.asOf <= AS_OF);
      const latest = history.sort((a, b) => a.asOf.localeCompare(b.asOf) || a.row - b.row).at(-1);
      const status = latest?.status ?? 'no_update';
      if (status === 'superseded' || status === 'not_applicable') continue;
      if (status === 'complete') f.complete += 1;
      if (status === 'in_progress') f.inProgress += 1;
      if (status !== 'complete' && r.due_date !== '' && r.due_date < AS_OF) f.overdue += 1;
    }
    figures[force] = f;
  }
  return figures;
}

describe('held-out trackers load in one step and give the independently worked figures', { timeout: 180_000 }, () => {
  it.each([
    ['held-out/dyfed-powys-firearms-tracker.csv', 7],
    ['held-out/gwent-avon-somerset-quarterly.csv', 9],
    ['held-out/wiltshire-stop-and-search.csv', 5],
  ])('%s', async (path, rows) => {
    const updates = readTracker(path);
    expect(updates).toHaveLength(rows);
    const inspections = [...new Set(updates.map((u) => u.inspection))];

    const db = await openDemoData();
    await registerShippedLoads(db, '2025-01-01T09:00:00.000Z');
    const shipped = (await listLoads(db)).map((entry) => entry.load_id);
    const staged = await stage(db, path.split('/')[1]!, fixture(path));
    expect(await allProblems(db, staged)).toEqual([]);
    expect(staged.loadable).toBe(rows);
    // Only this file's statuses, so every figure is the file's own.
    await acceptLoad(db, [staged], { kind: 'replace', loadIds: shipped }, '2025-01-01T09:00:00.000Z');

    const filters = { ...defaultFilters(AS_OF), inspections };
    const all = await forceCompliance(db, filters);
    const inProgress = await forceCompliance(db, { ...filters, statuses: ['in_progress'] });
    const actual = Object.fromEntries(Object.keys(expectedFigures(updates, inspections)).map((force) => [force, {
      complete: all.find((row) => row.force_id === force)!.complete,
      inProgress: inProgress.find((row) => row.force_id === force)!.in_scope,
      overdue: all.find((row) => row.force_id === force)!.overdue,
    }]));
    expect(actual).toEqual(expectedFigures(updates, inspections));
  });

  it('the independent figures are the ones worked by hand for the Dyfed-Powys file', () => {
    // Complete: 2, 3, 8; in progress: 6, 7; overdue: 5, 6, 7, and 10 and 12 with no update.
    expect(expectedFigures(readTracker('held-out/dyfed-powys-firearms-tracker.csv'), ['firearms-2023']))
      .toEqual({ 'dyfed-powys': { complete: 3, inProgress: 2, overdue: 5 } });
  });
});
