import { describe, expect, it } from 'vitest';
import { sourceLine } from '../../../src/lib/charts/shared/source-line';

/** The chart source line names what is shown: the demo's statuses, or the user's file and what was shipped beside it. */
describe('the source line', () => {
  it('names the demo data as illustrative, as before', () => {
    expect(sourceLine(['PCC response', 'illustrative'])).toBe(
      'HMICFRS inspection reports and recommendations. Statuses: PCC response; Illustrative statuses (generated for demonstration, not real).',
    );
  });

  it('names the user\'s file with the day it was loaded, and the PCC-response statuses as shipped', () => {
    const files = [{ name: 'kent-tracker.csv', loadedAt: '2026-12-06T10:15:00.000Z' }];
    expect(sourceLine(['PCC response', 'kent-tracker.csv'], files)).toBe(
      'HMICFRS inspection reports and recommendations. Statuses: your file kent-tracker.csv (loaded 6 December 2026); statuses read from PCC responses, shipped with Oversight.',
    );
  });

  it('lists several files, and sources a file names in its own Source column as written', () => {
    const files = [{ name: 'a.csv', loadedAt: '2026-12-01T09:00:00.000Z' }, { name: 'b.csv', loadedAt: '2026-12-06T09:00:00.000Z' }];
    expect(sourceLine(['Force tracker', 'a.csv', 'b.csv'], files)).toBe(
      'HMICFRS inspection reports and recommendations. Statuses: your files a.csv (loaded 1 December 2026), b.csv (loaded 6 December 2026); Force tracker.',
    );
  });
});
