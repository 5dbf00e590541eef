import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameSvg, serialiseSvg } from '../../../src/lib/charts/export/frame-svg';
import type { Connector } from '../../../src/lib/db/connector';
import type { ChartContext } from '../../../src/lib/charts/shared/chart-spec';
import { forceStripChart } from '../../../src/lib/charts/force/force-strip';
import { forceHistoryChart } from '../../../src/lib/charts/force/force-history';
import { HISTORY_RECOMMENDATIONS, type StatusSegment } from '../../../src/lib/metrics/pairs/status-history.sql';
import { statusMatrixChart } from '../../../src/lib/charts/inspection/status-matrix';
import { completionCurvesChart } from '../../../src/lib/charts/trends/completion-curves';
import { onTimeRateChart } from '../../../src/lib/charts/trends/on-time-rate';
import { benchmarkLines } from '../../../src/lib/charts/force/benchmark-table';
import { sourceLine } from '../../../src/lib/charts/shared/source-line';
import { BENCHMARK_COLOURS } from '../../../src/lib/charts/shared/palette';
import { loadForceView } from '../../../src/lib/metrics/force/force-view';
import { loadInspectionView } from '../../../src/lib/metrics/inspection/inspection-view';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
}, 120_000); // the engine starts slowly on a loaded machine

const context: ChartContext = { asOf: D, scope: 'All inspections', pendingCountsAsComplete: false, source: sourceLine(['illustrative']) };
const subject = { force: 'b', compare: null, peers: ['a', 'c', 'e'] };
const names = { force: 'Force B', compare: null, peers: 'Mine (3 forces)' };

describe('force strip', () => {
  it('colours the force dark blue, peers light blue and the rest grey, best first', async () => {
    const data = await loadForceView(db, on(D), subject);
    const spec = forceStripChart(data.benchmark, data.groups, 'compliance', names, context);
    expect(spec.plot.color?.domain).toEqual(['Force B', 'Peer group: Mine (3 forces)', 'Other forces']);
    expect(spec.plot.color?.range).toEqual([BENCHMARK_COLOURS.force, BENCHMARK_COLOURS.peer, BENCHMARK_COLOURS.other]);
    expect(BENCHMARK_COLOURS.force).toBe('#12436D');
    expect(spec.table.rows.map((r) => [r.name, r.rank, r.roleLabel])).toEqual([
      ['Force A', 1, 'Peer group: Mine (3 forces)'],
      ['Force E', 2, 'Peer group: Mine (3 forces)'],
      ['Force B', 3, 'Force B'],
      ['Force C', 3, 'Peer group: Mine (3 forces)'],
      ['Force D', 3, 'Other forces'],
    ]);
    expect(spec.subtitle).toContain('30 June 2024');
    expect(spec.source).toContain('Illustrative statuses');
  });
});

describe('benchmark table lines', () => {
  it('shows each group pooled and as a median, and folds the peer group into the region when they are the same', async () => {
    const named = await loadForceView(db, on(D), subject);
    const lines = benchmarkLines(named.groups, { kind: 'named', name: 'Mine', members: ['a', 'c', 'e'] }, 'Mine (3 forces)');
    expect(lines.map((l) => `${l.label}|${l.kind}|${l.cells.compliance?.value}`)).toEqual([
      'Force B|force|0.3333333333333333',
      'Peer group: Mine (3 forces)|pooled|0.625',
      'Peer group: Mine (3 forces)|median|0.5',
      'North (region)|pooled|0.5555555555555556',
      'North (region)|median|0.3333333333333333',
      'England and Wales|pooled|0.5',
      'England and Wales|median|0.3333333333333333',
    ]);
    const region = await loadForceView(db, on(D), { ...subject, peers: ['a', 'b', 'c'] });
    expect(benchmarkLines(region.groups, { kind: 'region' }, 'North').map((l) => l.label)).toEqual([
      'Force B', 'North (region; the peer group)', 'North (region; the peer group)', 'England and Wales', 'England and Wales',
    ]);
  });
});

describe('force history', () => {
  it('draws one row per recommendation and lists every stretch in its table', async () => {
    const data = await loadForceView(db, on(D), { ...subject, force: 'a' });
    const spec = forceHistoryChart(data.history, 'Force A', context);
    expect(spec.plot.y?.domain).toEqual(['Inspection two · rec 1', 'Inspection one · rec 1', 'Inspection one · rec 2']);
    expect(spec.table.rows[0]).toEqual({ label: 'Inspection two · rec 1', statusLabel: 'No update yet', from: '1 June 2024', to: '15 June 2024', deadline: '31 December 2024' });
    expect(spec.notes).toBeUndefined();
  });

  it('says how many recommendations it leaves out when the history holds only the newest', async () => {
    const data = await loadForceView(db, on(D), { ...subject, force: 'a' });
    const spec = forceHistoryChart(data.history.map((s) => ({ ...s, recommendations: 2_000 })), 'Force A', context);
    expect(spec.notes?.[0]).toBe(
      'The 3 recommendations of the newest reports are drawn, of 2,000 in all. The force view lists every one, and each report’s own page charts all of its recommendations.',
    );
  });

  it('cuts a long name in the middle, so the report’s first words and the number both show', () => {
    const label = 'How effective police forces are in the deployment of firearms · rec 12';
    const spec = forceHistoryChart(
      [{ inspection_id: 'I1', rec_no: 12, label, status: 'in_progress', start: '2024-01-10', end: D, due_date: null, recommendations: 1, held: 1 }],
      'Force A', context,
    );
    const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
    const svg = serialiseSvg(frameSvg(spec, 390, document));
    // The label as drawn, then the whole name as its title.
    const shown = [...svg.matchAll(/<text[^>]*>([^<]*· rec 12)<title>/g)].map((m) => m[1]!);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^How effective.*….*· rec 12$/);
    expect(shown[0]!.length).toBeLessThan(label.length);
    expect(svg).toContain(`${shown[0]}<title>${label}</title>`);
  });

  it('stays a screen or so tall at the most recommendations a history holds', () => {
    // An analyst's extract: the newest HISTORY_RECOMMENDATIONS of 2,000, three stretches each.
    const segments: StatusSegment[] = [];
    for (let rec = 1; rec <= HISTORY_RECOMMENDATIONS; rec++) {
      for (const [status, start, end] of [['no_update', '2023-01-01', '2023-06-01'], ['in_progress', '2023-06-01', '2024-01-01'], ['complete', '2024-01-01', D]] as const) {
        segments.push({ inspection_id: `I${Math.ceil(rec / 10)}`, rec_no: rec, label: `Report ${Math.ceil(rec / 10)} · rec ${rec}`, status, start, end, due_date: null, recommendations: 2_000, held: HISTORY_RECOMMENDATIONS });
      }
    }
    const spec = forceHistoryChart(segments, 'Force A', context);
    expect(spec.plot.y?.domain).toHaveLength(HISTORY_RECOMMENDATIONS);
    expect(spec.plot.height).toBeLessThan(1200);
    expect(spec.notes?.[0]).toContain('The 40 recommendations of the newest reports are drawn, of 2,000 in all.');
  });
});

describe('inspection charts', () => {
  it('groups the matrix by region and sorts within it', async () => {
    const data = await loadInspectionView(db, on(D), 'I1');
    const byName = statusMatrixChart(data.matrix, 'name', 'Inspection one', context);
    // North and South are not among the ten real regions, so they follow them, alphabetically.
    expect(byName.plot.y?.domain).toEqual(['Force A', 'Force B', 'Force C', 'Force D', 'Force E']);
    const byOverdue = statusMatrixChart(data.matrix, 'overdue', 'Inspection one', context);
    // South: d has 1 overdue, e none, so d comes first.
    expect(byOverdue.plot.y?.domain).toEqual(['Force B', 'Force C', 'Force A', 'Force D', 'Force E']);
    expect(byName.table.rows[1]).toMatchObject({ region: 'North', name: 'Force B', 'Rec 1': 'Complete', 'Rec 2': 'Pending closure', complete: 1, in_scope: 2, overdue: 1 });
  });

  it('gives curves and on-time rates a table each and says when a deadline has not passed', async () => {
    const one = await loadInspectionView(db, on(D), 'I1');
    expect(completionCurvesChart(one.curves, 'Inspection one', context).table.rows).toHaveLength(8);
    const two = await loadInspectionView(db, on(D), 'I2');
    const onTime = onTimeRateChart(two.onTime, 'Inspection two', context);
    expect(onTime.table.rows[0]).toMatchObject({ rec: 'Rec 1', on_time_rate: null, deadline_passed: 0 });
  });

  it('finds no matrix for a report without recommendations for forces', async () => {
    const three = await loadInspectionView(db, on(D), 'I3');
    expect(three.matrix).toEqual([]);
    expect(three.recommendations.map((r) => r.for_forces)).toEqual([false]);
  });
});
