import { describe, expect, it } from 'vitest';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';
import { DEFAULT_SELECTION } from '../../../src/lib/state/url/national-selection';
import { pickForce, pickRecommendation, pickRegion } from '../../../src/lib/state/url/national-picks';
import { clearAll, filterChips } from '../../../src/lib/state/url/filter-chips';

const filters = defaultFilters('2026-09-30');
const names = { inspection: (id: string) => `Report ${id}`, force: (id: string) => `Force ${id}` };

describe('picking in the national view', () => {
  it('selects a force, and a second pick of the same force clears it', () => {
    expect(pickForce('kent', 'South East', filters, DEFAULT_SELECTION)).toEqual({ selection: { force: 'kent' } });
    expect(pickForce('kent', 'South East', filters, { ...DEFAULT_SELECTION, force: 'kent' })).toEqual({ selection: { force: null } });
  });

  it('lets go of the region when the force picked is outside it, and keeps it when inside', () => {
    expect(pickForce('kent', 'South East', { ...filters, region: 'Wales' }, DEFAULT_SELECTION))
      .toEqual({ selection: { force: 'kent' }, filters: { region: null } });
    expect(pickForce('gwent', 'Wales', { ...filters, region: 'Wales' }, DEFAULT_SELECTION)).toEqual({ selection: { force: 'gwent' } });
  });

  it('filters by a region, toggles it off, and lets go of a selected force outside it', () => {
    expect(pickRegion('Wales', undefined, filters)).toEqual({ filters: { region: 'Wales' } });
    expect(pickRegion('Wales', undefined, { ...filters, region: 'Wales' })).toEqual({ filters: { region: null } });
    expect(pickRegion('Wales', 'South East', filters)).toEqual({ filters: { region: 'Wales' }, selection: { force: null } });
  });

  it('looks at one recommendation, and goes back to all on a second pick', () => {
    const ref = { inspectionId: 'vawg-2021', recNo: 2 };
    expect(pickRecommendation(ref, DEFAULT_SELECTION)).toEqual({ selection: { recommendation: ref } });
    expect(pickRecommendation({ ...ref }, { ...DEFAULT_SELECTION, recommendation: ref })).toEqual({ selection: { recommendation: null } });
  });
});

describe('active filter chips', () => {
  it('shows nothing on a fresh visit', () => {
    expect(filterChips(filters, DEFAULT_SELECTION, { asOf: '2026-09-30', inspections: [] }, names)).toEqual([]);
  });

  it('names every active filter and selection, each with the change that removes it alone', () => {
    const chips = filterChips(
      { ...filters, asOf: '2024-03-31', inspections: ['a', 'b'], region: 'Wales', statuses: ['in_progress'], pendingCountsAsComplete: true },
      { ...DEFAULT_SELECTION, force: 'gwent', recommendation: { inspectionId: 'a', recNo: 4 } },
      { asOf: '2026-09-30', inspections: [] },
      names,
    );
    expect(chips.map((c) => [c.label, c.clear])).toEqual([
      ['As on 31 March 2024', { filters: { asOf: '2026-09-30' } }],
      ['Inspection: Report a', { filters: { inspections: ['b'] } }],
      ['Inspection: Report b', { filters: { inspections: ['a'] } }],
      ['Region: Wales', { filters: { region: null } }],
      ['Status: In progress', { filters: { statuses: [] } }],
      ['Pending closure counted as complete', { filters: { pendingCountsAsComplete: false } }],
      ['Force: Force gwent', { selection: { force: null } }],
      ['Recommendation 4 of Report a', { selection: { recommendation: null } }],
    ]);
  });

  it('shows no chip for the inspections the user\'s statuses cover (the scope note says them), but one for another choice', () => {
    const own = { asOf: '2026-09-30', inspections: ['a'] };
    expect(filterChips({ ...filters, inspections: ['a'] }, DEFAULT_SELECTION, own, names)).toEqual([]);
    expect(filterChips({ ...filters, inspections: ['b'] }, DEFAULT_SELECTION, own, names).map((c) => c.label)).toEqual(['Inspection: Report b']);
    expect(clearAll(own).filters?.inspections).toEqual(['a']);
  });

  it('clears everything at once but the measure and the order of the list', () => {
    expect(clearAll({ asOf: '2026-09-30', inspections: [] })).toEqual({
      filters: { asOf: '2026-09-30', inspections: [], region: null, pendingCountsAsComplete: false, statuses: [] },
      selection: { force: null, recommendation: null },
    });
  });
});
