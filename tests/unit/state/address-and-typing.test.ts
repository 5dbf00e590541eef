import { describe, expect, it } from 'vitest';
import { Address, type AddressWindow } from '../../../src/lib/query/address.svelte';
import { completeDate } from '../../../src/lib/query/date-entry';

/** A window whose history is a list of addresses, to see what each write records. */
function fakeWindow(search = '') {
  const entries = [search];
  let at = 0;
  const location = { pathname: '/', search, hash: '' };
  const win: AddressWindow = {
    location,
    history: {
      state: null,
      pushState: (_d, _u, url) => {
        entries.splice(at + 1, Infinity, url.slice(1));
        at += 1;
        location.search = url.slice(1);
      },
      replaceState: (_d, _u, url) => {
        entries[at] = url.slice(1);
        location.search = url.slice(1);
      },
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  };
  return { win, entries };
}

describe('typing a date', () => {
  // A date field reports each keystroke of the year as a date: 2, 20, 202, then 2024.
  it('runs nothing until the date is complete and valid', () => {
    const steps = ['0002-03-31', '0020-03-31', '0202-03-31', '2024-03-31'].map((v) => completeDate(v, '2013-04-01'));
    expect(steps).toEqual([null, null, null, '2024-03-31']);
    expect(completeDate('', '2013-04-01')).toBeNull();
    expect(completeDate('2024-02-30')).toBeNull(); // no such day
    expect(completeDate('0999-12-31')).toBeNull(); // with no first report known, years before 1900 are still half-typed
    expect(completeDate('2012-12-31', '2013-04-01')).toBeNull(); // before the first report
  });

  it('makes one history entry for the whole typing, and a new one once it settles', () => {
    const { win, entries } = fakeWindow('?region=Wales');
    const address = new Address(win);
    address.go('?region=Wales&asof=2024-03-31', 'typing');
    address.go('?region=Wales&asof=2024-03-30', 'typing');
    address.go('?region=Wales&asof=2024-03-29', 'typing');
    expect(entries).toEqual(['?region=Wales', '?region=Wales&asof=2024-03-29']);
    address.settle();
    address.go('?region=Wales&asof=2023-03-29', 'typing');
    expect(entries).toHaveLength(3);
    // A click after typing is a new entry, and so is typing after the click.
    address.go('?region=London&asof=2023-03-29');
    address.go('?region=London&asof=2022-03-29', 'typing');
    expect(entries).toEqual([
      '?region=Wales', '?region=Wales&asof=2024-03-29', '?region=Wales&asof=2023-03-29',
      '?region=London&asof=2023-03-29', '?region=London&asof=2022-03-29',
    ]);
    expect(address.current).toBe('?region=London&asof=2022-03-29');
  });

  it('records nothing for an address that does not change', () => {
    const { win, entries } = fakeWindow('?view=force&force=kent');
    const address = new Address(win);
    address.go('?view=force&force=kent');
    address.go('?view=force&force=kent', 'typing');
    expect(entries).toEqual(['?view=force&force=kent']);
  });
});
