import { describe, expect, it } from 'vitest';
import { chartContext, reportWords } from '../../../src/lib/charts/shared/chart-context';
import { inspectionsScope } from '../../../src/views/force-charts';
import { defaultFilters } from '../../../src/lib/metrics/common/filters';

/** A user's extract can cover hundreds of reports, and the views open on all it covers. */
describe('the reports a filter chooses, in a subtitle', () => {
  const titles = new Map([['a', 'Report A'], ['b', 'Report B'], ['c', 'Report C'], ['d', 'Report D']]);
  const many = Array.from({ length: 210 }, (_, i) => `synthetic-${String(i + 1).padStart(3, '0')}`);

  it('names up to three by title', () => {
    expect(reportWords([], titles)).toBeNull();
    expect(reportWords(['a'], titles)).toBe('report: Report A');
    expect(reportWords(['a', 'b', 'c'], titles)).toBe('reports: Report A; Report B; Report C');
  });

  it('says how many past three, and never lists their ids', () => {
    expect(reportWords(['a', 'b', 'c', 'd'], titles)).toBe('4 reports');
    const scope = chartContext({ ...defaultFilters('2026-09-30'), inspections: many }, 'Test.').scope;
    expect(scope).toBe('All of England and Wales · 210 reports');
    expect(scope).not.toContain('synthetic');
  });

  it('words the force view’s scope the same way, or as every report', () => {
    const filters = defaultFilters('2026-09-30');
    expect(inspectionsScope(filters)).toBe('All inspections');
    expect(inspectionsScope({ ...filters, inspections: ['a'] }, titles)).toBe('report: Report A');
    expect(inspectionsScope({ ...filters, inspections: many }, titles)).toBe('210 reports');
  });
});
