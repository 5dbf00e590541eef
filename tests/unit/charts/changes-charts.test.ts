import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ChartContext } from '../../../src/lib/charts/shared/chart-spec';
import { frameSvg, serialiseSvg } from '../../../src/lib/charts/export/frame-svg';
import { forceRateChangesChart, percentagePoints } from '../../../src/lib/charts/changes/force-rate-changes';
import { regionOverdueChangesChart } from '../../../src/lib/charts/changes/region-overdue-changes';
import { pickOf } from '../../../src/lib/charts/shared/pick';
import type { AreaChanges, ForceChange } from '../../../src/lib/metrics/changes/changes.sql';
import { matchSvgSnapshot as matchSnapshot, normaliseSvg as normalise } from '../../svg-snapshot';

const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
const context: ChartContext = {
  asOf: '2025-06-30', scope: 'All of England and Wales', pendingCountsAsComplete: false, source: 'Test source.',
};
const period = { from: '2025-03-30', to: '2025-06-30' };

const counts = { became_complete: 0, became_overdue: 0, went_backwards: 0, came_into_scope: 0, status_changed: 0 };
const force = (id: string, region: string, from: number | null, to: number | null, ranks: [number, number]): ForceChange => ({
  ...counts, force_id: id, name: `Force ${id.toUpperCase()}`, region, rate_from: from, rate_to: to,
  rate_change: from === null || to === null ? null : to - from, rank_from: ranks[0], rank_to: ranks[1],
  rank_change: ranks[0] - ranks[1], overdue_from: 2, overdue_to: 3, overdue_change: 1,
});
// B rose 30 points, A fell 10, C stayed, D had nothing in scope on the earlier date.
const forces: ForceChange[] = [
  force('b', 'Wales', 0.2, 0.5, [3, 1]),
  force('a', 'North East', 0.6, 0.5, [1, 1]),
  force('c', 'Wales', 0.4, 0.4, [2, 3]),
  force('d', 'London', null, 0.1, [4, 4]),
];
const area = (region: string | null, from: number, to: number): AreaChanges => ({
  ...counts, region, overdue_from: from, overdue_to: to, overdue_change: to - from,
});
const areas: AreaChanges[] = [area(null, 10, 12), area('Wales', 4, 7), area('North East', 6, 5)];

describe('the force rate changes chart', () => {
  const spec = forceRateChangesChart(forces, period, context);

  it('orders forces by how much their rate rose, leaving out those without a rate at both ends from the drawing only', () => {
    expect(spec.plot.y?.domain).toEqual(['Force B', 'Force C', 'Force A']);
    expect(spec.table.rows.map((r) => r.name)).toEqual(['Force B', 'Force A', 'Force C', 'Force D']);
    expect(spec.table.rows[0]).toMatchObject({ rate_change: '+30 points', rank_from: 3, rank_to: 1 });
    expect(spec.subtitle).toContain('From 30 March 2025 to 30 June 2025');
  });

  it('words a change in percentage points', () => {
    expect([percentagePoints(-0.1), percentagePoints(0.004), percentagePoints(null)]).toEqual(['−10 points', 'no change', '–']);
  });

  it('matches its snapshot, and a click on a later-date dot picks the force', () => {
    const svg = frameSvg(spec, 640, document);
    const picks = [...svg.querySelectorAll('[data-pick]')].map((el) => pickOf(el));
    expect(picks).toEqual([{ force: 'b' }, { force: 'c' }, { force: 'a' }]);
    matchSnapshot('force-rate-changes.svg', normalise(serialiseSvg(svg)));
  });
});

describe('the region overdue changes chart', () => {
  const spec = regionOverdueChangesChart(areas, period, context);

  it('shows England and Wales first, then regions north to south, each with its signed change', () => {
    expect(spec.plot.y?.domain).toEqual(['England and Wales', 'North East', 'Wales']);
    expect(spec.table.rows.map((r) => [r.area, r.change])).toEqual([
      ['England and Wales', '+2'], ['North East', '−1'], ['Wales', '+3'],
    ]);
  });

  it('matches its snapshot, and a region bar picks the region', () => {
    const svg = frameSvg(spec, 640, document);
    const picks = [...svg.querySelectorAll('[data-pick]')].map((el) => pickOf(el));
    expect(picks).toEqual([{}, { region: 'North East' }, { region: 'Wales' }]);
    matchSnapshot('region-overdue-changes.svg', normalise(serialiseSvg(svg)));
  });
});
