import { describe, expect, it } from 'vitest';
import { changePeriodFromSearch, quarterBefore, searchWithChangePeriod } from '../../../src/lib/state/url/changes-params';
import { searchWithStaleDays, staleDaysFromSearch } from '../../../src/lib/state/url/stale-param';

describe('the Changes view dates in the URL', () => {
  it('defaults to the latest date and the same day a quarter earlier, month ends kept in the month', () => {
    expect(quarterBefore('2026-06-30')).toBe('2026-03-30');
    expect(quarterBefore('2024-05-31')).toBe('2024-02-29');
    expect(quarterBefore('2026-02-15')).toBe('2025-11-15');
    expect(changePeriodFromSearch('?view=changes', '2026-09-30')).toEqual({ from: '2026-06-30', to: '2026-09-30' });
  });

  it('reads both dates, swaps them when given the wrong way round, and ignores a malformed one', () => {
    expect(changePeriodFromSearch('?from=2025-01-01&to=2025-12-31', '2026-09-30')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(changePeriodFromSearch('?from=2025-12-31&to=2025-01-01', '2026-09-30')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(changePeriodFromSearch('?from=31/12/2025&to=2025-10-15', '2026-09-30')).toEqual({ from: '2025-07-15', to: '2025-10-15' });
  });

  it('writes only what differs from the defaults and keeps the other parameters', () => {
    expect(searchWithChangePeriod({ from: '2026-06-30', to: '2026-09-30' }, '2026-09-30', '?view=changes&region=Wales'))
      .toBe('?view=changes&region=Wales');
    expect(searchWithChangePeriod({ from: '2025-01-01', to: '2026-09-30' }, '2026-09-30', '?view=changes'))
      .toBe('?view=changes&from=2025-01-01');
    const round = searchWithChangePeriod({ from: '2025-01-01', to: '2025-06-30' }, '2026-09-30', '?view=changes');
    expect(changePeriodFromSearch(round, '2026-09-30')).toEqual({ from: '2025-01-01', to: '2025-06-30' });
  });
});

describe('the staleness threshold in the URL', () => {
  it('defaults to 180 days and accepts a whole number of days', () => {
    expect(staleDaysFromSearch('')).toBe(180);
    expect(staleDaysFromSearch('?stale=90')).toBe(90);
    expect(staleDaysFromSearch('?stale=-3')).toBe(180);
    expect(staleDaysFromSearch('?stale=0')).toBe(180);
    expect(staleDaysFromSearch('?stale=ninety')).toBe(180);
    expect(searchWithStaleDays(90, '?view=changes')).toBe('?view=changes&stale=90');
    expect(searchWithStaleDays(180, '?view=changes&stale=90')).toBe('?view=changes');
  });
});
