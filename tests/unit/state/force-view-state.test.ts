import { describe, expect, it } from 'vitest';
import { forceParamsFromSearch, searchWithForceParams } from '../../../src/lib/state/url/force-params';
import { inspectionParamsFromSearch, searchWithInspectionParams } from '../../../src/lib/state/url/inspection-params';
import { forceHref, inspectionHref, viewFromSearch } from '../../../src/lib/state/url/route';
import { ordinal, percentileWords, rankWords } from '../../../src/lib/charts/shared/rank-words';

describe('force view address', () => {
  it('reads force, compare and measure, ignoring a comparison with itself and unknown measures', () => {
    expect(forceParamsFromSearch('?view=force&force=cheshire&compare=west-midlands&measure=on_time')).toEqual({
      force: 'cheshire', compare: 'west-midlands', measure: 'on_time',
    });
    expect(forceParamsFromSearch('?force=cheshire&compare=cheshire&measure=bogus')).toEqual({
      force: 'cheshire', compare: null, measure: 'compliance',
    });
  });

  it('changes one parameter and keeps the others, leaving defaults out', () => {
    const search = '?view=force&asof=2024-03-31&force=cheshire&measure=overdue';
    expect(searchWithForceParams({ compare: 'west-midlands' }, search)).toBe('?view=force&asof=2024-03-31&force=cheshire&measure=overdue&compare=west-midlands');
    expect(searchWithForceParams({ measure: 'compliance' }, search)).toBe('?view=force&asof=2024-03-31&force=cheshire');
  });

  it('gives each force and each report its own address, keeping the date', () => {
    expect(forceHref('cheshire', '?asof=2024-03-31&compare=x')).toBe('?asof=2024-03-31&view=force&force=cheshire');
    expect(inspectionHref('firearms-2023', '?asof=2024-03-31')).toBe('?asof=2024-03-31&view=inspection&inspection=firearms-2023');
    expect(viewFromSearch(forceHref('cheshire'))).toBe('force');
    expect(viewFromSearch(inspectionHref('firearms-2023'))).toBe('inspection');
  });

  it('reads the inspection and the matrix order', () => {
    expect(inspectionParamsFromSearch('?inspection=firearms-2023&sort=overdue')).toEqual({ inspection: 'firearms-2023', sort: 'overdue' });
    expect(inspectionParamsFromSearch('?sort=sideways')).toEqual({ inspection: null, sort: 'name' });
    expect(searchWithInspectionParams({ sort: 'name' }, '?inspection=x&sort=complete')).toBe('?inspection=x');
  });
});

describe('rank and percentile words', () => {
  it('reads as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 43, 101].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '43rd', '101st',
    ]);
    expect(rankWords(3, 43, true)).toBe('joint 3rd of 43');
    expect(rankWords(null, 43)).toBe('not ranked');
    expect(percentileWords(0.875)).toBe('88th percentile');
    expect(percentileWords(1)).toBe('100th percentile');
  });
});
