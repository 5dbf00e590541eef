import { describe, expect, it } from 'vitest';
import { defaultFilters, type Filters } from '../../src/lib/metrics/filters';
import { filtersFromSearch, searchFromFilters } from '../../src/lib/state/url-filters';

const defaults = { asOf: '2026-09-30' };

describe('filters in the URL', () => {
  it('writes nothing for the defaults, and reads the defaults back from nothing', () => {
    expect(searchFromFilters(defaultFilters('2026-09-30'), defaults)).toBe('');
    expect(filtersFromSearch('', defaults)).toEqual(defaultFilters('2026-09-30'));
  });

  it('round-trips every filter and selection', () => {
    const filters: Filters = {
      asOf: '2024-03-31',
      inspections: ['firearms-2023', 'vawg-2021'],
      region: 'Yorkshire and the Humber',
      pendingCountsAsComplete: true,
      statuses: ['in_progress', 'no_update'],
      force: 'north-yorkshire',
      recommendation: { inspectionId: 'firearms-2023', recNo: 3 },
      measure: 'overdue',
      overdueSort: { key: 'force', descending: false },
    };
    const search = searchFromFilters(filters, defaults);
    expect(search).toBe(
      '?asof=2024-03-31&insp=firearms-2023%2Cvawg-2021&region=Yorkshire+and+the+Humber&pending=1' +
        '&status=in_progress%2Cno_update&force=north-yorkshire&rec=firearms-2023%3A3&measure=overdue&sort=force-asc',
    );
    expect(filtersFromSearch(search, defaults)).toEqual(filters);
  });

  it('keeps parameters it does not own, such as the view', () => {
    expect(searchFromFilters({ ...defaultFilters('2026-09-30'), force: 'kent' }, defaults, '?view=force&region=Wales'))
      .toBe('?view=force&force=kent');
  });

  it('falls back to the defaults for malformed values', () => {
    expect(filtersFromSearch('?asof=31/03/2024&status=done,complete&measure=colour&sort=evidence-asc&rec=nonsense&force=<b>', defaults))
      .toEqual({ ...defaultFilters('2026-09-30'), statuses: ['complete'] });
  });
});
