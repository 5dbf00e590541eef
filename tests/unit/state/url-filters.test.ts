import { describe, expect, it } from 'vitest';
import { defaultFilters, type Filters } from '../../../src/lib/metrics/common/filters';
import { filtersFromSearch, searchFromFilters } from '../../../src/lib/state/url/url-filters';
import { DEFAULT_SELECTION, searchWithSelection, selectionFromSearch } from '../../../src/lib/state/url/national-selection';

const defaults = { asOf: '2026-09-30', inspections: [] };

describe('shared filters in the URL', () => {
  it('writes nothing for the defaults, and reads the defaults back from nothing', () => {
    expect(searchFromFilters(defaultFilters('2026-09-30'), defaults)).toBe('');
    expect(filtersFromSearch('', defaults)).toEqual(defaultFilters('2026-09-30'));
  });

  it('round-trips every shared filter', () => {
    const filters: Filters = {
      ...defaultFilters('2024-03-31'),
      inspections: ['firearms-2023', 'vawg-2021'],
      region: 'Yorkshire and the Humber',
      pendingCountsAsComplete: true,
      statuses: ['in_progress', 'no_update'],
    };
    const search = searchFromFilters(filters, defaults);
    expect(search).toBe(
      '?asof=2024-03-31&insp=firearms-2023%2Cvawg-2021&region=Yorkshire+and+the+Humber&pending=1&status=in_progress%2Cno_update',
    );
    expect(filtersFromSearch(search, defaults)).toEqual(filters);
  });

  it('keeps parameters it does not own, and never reads a view’s selection as a filter', () => {
    expect(searchFromFilters(defaultFilters('2026-09-30'), defaults, '?view=force&force=kent&region=Wales')).toBe('?view=force&force=kent');
    expect(filtersFromSearch('?force=kent&rec=vawg-2021:1', defaults)).toEqual(defaultFilters('2026-09-30'));
  });

  it('falls back to the defaults for malformed values', () => {
    expect(filtersFromSearch('?asof=31/03/2024&status=done,complete', defaults))
      .toEqual({ ...defaultFilters('2026-09-30'), statuses: ['complete'] });
  });
});

describe('the inspections filter when the user\'s statuses cover some inspections', () => {
  // A tracker of the firearms inspection alone: the views default to it.
  const own = { asOf: '2026-09-30', inspections: ['firearms-2023'] };

  it('defaults to the covered inspections, and writes nothing while they are shown', () => {
    expect(filtersFromSearch('', own).inspections).toEqual(['firearms-2023']);
    expect(searchFromFilters({ ...defaultFilters('2026-09-30'), inspections: ['firearms-2023'] }, own)).toBe('');
  });

  it('holds "all inspections" as insp=all, and reads it back as every inspection', () => {
    const all = searchFromFilters(defaultFilters('2026-09-30'), own);
    expect(all).toBe('?insp=all');
    expect(filtersFromSearch(all, own).inspections).toEqual([]);
  });

  it('lets an explicit choice in the URL win over the default', () => {
    expect(filtersFromSearch('?insp=vawg-2021', own).inspections).toEqual(['vawg-2021']);
    expect(searchFromFilters({ ...defaultFilters('2026-09-30'), inspections: ['vawg-2021'] }, own)).toBe('?insp=vawg-2021');
  });

  it('treats the same inspections in another order as the default', () => {
    const two = { asOf: '2026-09-30', inspections: ['firearms-2023', 'vawg-2021'] };
    expect(searchFromFilters({ ...defaultFilters('2026-09-30'), inspections: ['vawg-2021', 'firearms-2023'] }, two)).toBe('');
  });

  it('leaves the demo data as it was: no insp is every inspection, and insp=all says the same', () => {
    expect(filtersFromSearch('?insp=all', defaults).inspections).toEqual([]);
    expect(searchFromFilters(defaultFilters('2026-09-30'), defaults)).toBe('');
  });
});

describe('the national view’s selection in the URL', () => {
  it('round-trips the force, the recommendation, the measure and the overdue order', () => {
    const search = searchWithSelection(
      { force: 'north-yorkshire', recommendation: { inspectionId: 'firearms-2023', recNo: 3 }, measure: 'overdue', overdueSort: { key: 'force', descending: false } },
      '?asof=2024-03-31',
    );
    expect(search).toBe('?asof=2024-03-31&force=north-yorkshire&rec=firearms-2023%3A3&map=overdue&overdue-sort=force-asc');
    expect(selectionFromSearch(search)).toEqual({
      force: 'north-yorkshire', recommendation: { inspectionId: 'firearms-2023', recNo: 3 }, measure: 'overdue', overdueSort: { key: 'force', descending: false },
      overdueRows: 50,
    });
  });

  it('keeps how far the overdue list was shown, in whole pages between the first and the most', () => {
    expect(searchWithSelection({ overdueRows: 100 }, '?asof=2024-03-31')).toBe('?asof=2024-03-31&overdue-rows=100');
    expect(selectionFromSearch('?overdue-rows=100').overdueRows).toBe(100);
    expect(selectionFromSearch('?overdue-rows=120').overdueRows).toBe(150);
    expect(selectionFromSearch('?overdue-rows=99999').overdueRows).toBe(1000);
    expect(selectionFromSearch('?overdue-rows=0').overdueRows).toBe(50);
    expect(selectionFromSearch('?overdue-rows=-5').overdueRows).toBe(50);
    expect(searchWithSelection({ overdueRows: 50 }, '?overdue-rows=200')).toBe('');
  });

  it('drops defaults and clears what is set to nothing, leaving other parameters', () => {
    expect(searchWithSelection({ force: null, measure: 'compliance' }, '?force=kent&map=pending&region=Wales')).toBe('?region=Wales');
    expect(selectionFromSearch('?force=<b>&rec=nonsense&map=colour&overdue-sort=evidence-asc&overdue-rows=lots')).toEqual(DEFAULT_SELECTION);
  });
});
