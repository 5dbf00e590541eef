import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { responses, responseSummary } from '../../../src/lib/metrics/force/responses.sql';
import { D, on, openForceFixture } from '../support/force-fixture';

let db: Connector;
beforeAll(async () => {
  db = await openForceFixture();
}, 120_000); // the engine starts slowly on a loaded machine

// I1 was published on 2024-01-10, which is day 1. Day 56 is 2024-01-10 + 55 days:
// 21 days to 31 January, 29 more to 29 February (2024 is a leap year) = 50, 5 more = 5 March.
describe('section 55: published within 56 days of the report', () => {
  it('puts day 56 on time and day 57 late', async () => {
    const rows = await responses(db, on(D), { forces: ['a', 'b'], inspection: 'I1', recordedOnly: false });
    expect(rows.map((r) => [r.force_id, r.last_day_on_time, r.response_published, r.response_day, r.state])).toEqual([
      ['a', '2024-03-05', '2024-03-05', 56, 'on_time'],
      ['b', '2024-03-05', '2024-03-06', 57, 'late'],
    ]);
  });

  it('says when a date is not known, and never makes one up', async () => {
    const [c] = await responses(db, on(D), { forces: ['c'], inspection: 'I1', recordedOnly: false });
    expect(c).toMatchObject({ state: 'date_not_known', response_published: null, response_day: null, note: 'publication date not known' });
  });

  // d has nothing recorded for I1 (day 56 long past) or I2 (published 2024-06-01, day 56 = 2024-07-26).
  it('tells an open window from a response not in the data', async () => {
    const rows = await responses(db, on(D), { forces: ['d'], inspection: null, recordedOnly: false });
    expect(rows.map((r) => [r.inspection_id, r.state])).toEqual([['I2', 'window_open'], ['I3', 'not_recorded'], ['I1', 'not_recorded']]);
    const later = await responses(db, on('2024-07-27'), { forces: ['d'], inspection: 'I2', recordedOnly: false });
    expect(later.map((r) => r.state)).toEqual(['not_recorded']);
  });

  it('treats a response dated after the as-of date as not yet published', async () => {
    const [b] = await responses(db, on('2024-03-05'), { forces: ['b'], inspection: 'I1', recordedOnly: false });
    expect(b).toMatchObject({ state: 'window_open', response_published: null });
  });

  // Recorded for I1: a (on time), b (late), c (date not known), e (day 1, on time).
  // On-time rate = on time ÷ responses with a known date = 2 ÷ 3.
  it('rates responses on time over those with a known date', async () => {
    expect(await responseSummary(db, on(D), { forces: [], inspection: 'I1' })).toEqual({
      recorded: 4, on_time: 2, late: 1, date_not_known: 1, on_time_rate: 2 / 3,
    });
    const listed = await responses(db, on(D), { forces: [], inspection: 'I1', recordedOnly: true });
    expect(listed.map((r) => r.force_id)).toEqual(['a', 'b', 'c', 'e']);
  });
});
