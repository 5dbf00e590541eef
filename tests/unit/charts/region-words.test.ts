import { describe, expect, it } from 'vitest';
import { chartContext, comparisonContext, highlightWords } from '../../../src/lib/charts/shared/chart-context';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';

/** A chosen region means one thing, said in every subtitle: a filter ("only") or a highlight. */
describe('a chosen region in the subtitles', () => {
  const filters = { ...defaultFilters('2025-06-30'), region: 'Wales' };

  it('says "only" where the figures are narrowed to the region', () => {
    expect(chartContext(filters, 'Test.').scope).toBe('Wales only');
  });

  it('says "highlighted" where every force is shown', () => {
    const context = comparisonContext(filters, 'Test.');
    expect(`${context.scope}${highlightWords(context)}`).toBe('All of England and Wales · Wales highlighted');
  });

  it('names reports by their titles', () => {
    const titles = new Map([['firearms-2023', 'An inspection of how effective police forces are in the deployment of firearms']]);
    expect(chartContext({ ...filters, inspections: ['firearms-2023'] }, 'Test.', undefined, titles).scope)
      .toBe('Wales only · report: An inspection of how effective police forces are in the deployment of firearms');
  });
});
