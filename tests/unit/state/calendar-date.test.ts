import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../../src/lib/state/url/calendar-date';
import { filtersFromSearch, unreadableAsOf } from '../../../src/lib/state/url/url-filters';

// Issue 15: ?asof=2024-02-30 passed Date.parse (it reads 1 March) and reached DuckDB, whose conversion error showed.
describe('an as-of date in the address', () => {
  it.each(['2024-02-29', '2023-12-31', '2025-01-01'])('%s is a calendar day', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '31/03/2024', '2024-1-5', ''])(
    '%j is not, so the latest day is used and the address says why',
    (text) => {
      const search = `?asof=${encodeURIComponent(text)}&region=Wales`;
      expect(isCalendarDate(text)).toBe(false);
      expect(filtersFromSearch(search, { asOf: '2025-03-31', inspections: [] })).toMatchObject({ asOf: '2025-03-31', region: 'Wales' });
      expect(unreadableAsOf(search)).toBe(text === '' ? null : text);
    },
  );

  it('a good date is kept and nothing is said', () => {
    expect(filtersFromSearch('?asof=2024-02-29', { asOf: '2025-03-31', inspections: [] }).asOf).toBe('2024-02-29');
    expect(unreadableAsOf('?asof=2024-02-29')).toBeNull();
    expect(unreadableAsOf('?region=Wales')).toBeNull();
  });
});
