import { describe, expect, it } from 'vitest';
import { dayFirst, readTypedDate } from '../../../src/lib/state/url/typed-date';

describe('dates as people type them', () => {
  it.each([
    ['31/07/2024', '2024-07-31'],
    ['1/7/2024', '2024-07-01'],
    ['31-07-2024', '2024-07-31'],
    ['31.07.2024', '2024-07-31'],
    [' 2024-07-31 ', '2024-07-31'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(readTypedDate(text)).toEqual({ ok: true, iso });
  });

  it.each(['07/31/2024', '31/02/2024', '2024-13-01', '31 July 2024', ''])('refuses %s, asking for a day-first date', (text) => {
    const read = readTypedDate(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/day first, for example 31\/07\/2024/);
  });

  it('keeps to the range, naming it day first', () => {
    expect(readTypedDate('10/07/2023', '2023-07-11', '2026-09-30')).toEqual({
      ok: false,
      message: 'Choose a date from 11/07/2023 to 30/09/2026.',
    });
    expect(readTypedDate('01/10/2026', undefined, '2026-09-30')).toEqual({ ok: false, message: 'Choose a date on or before 30/09/2026.' });
    expect(readTypedDate('11/07/2023', '2023-07-11', '2026-09-30')).toEqual({ ok: true, iso: '2023-07-11' });
  });

  it('shows an ISO date day first', () => {
    expect(dayFirst('2024-07-31')).toBe('31/07/2024');
  });
});
