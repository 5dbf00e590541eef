import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateStatusRows, type DemoInput } from '../../../scripts/lib/demo-status-rows';
import { DEFAULT_SEED, DEFAULT_UNTIL } from '../../../scripts/lib/generator-options';
import { readCsvTable } from '../../../scripts/lib/reference-csv';
import { FORCE_COLUMNS, INSPECTION_COLUMNS, isForForces, RECOMMENDATION_COLUMNS } from '../../../scripts/lib/reference-rows';

/**
 * The shipped demo statuses should look like a real country's trackers, not a wall of 100 %:
 * the generator run on the shipped reference data with the default seed and end date, read with a
 * plain TypeScript reading of the definitions (status on D = latest update on or before D).
 */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const input: DemoInput = {
  forces: readCsvTable(join(DATA, 'forces.csv'), FORCE_COLUMNS),
  inspections: readCsvTable(join(DATA, 'inspections.csv'), INSPECTION_COLUMNS),
  recommendations: readCsvTable(join(DATA, 'recommendations.csv'), RECOMMENDATION_COLUMNS),
};
const rows = [...generateStatusRows(input, { seed: DEFAULT_SEED, until: DEFAULT_UNTIL })];
const published = new Map(input.inspections.map((i) => [i.inspection_id, i.published]));
const recs = input.recommendations.filter(isForForces);

interface Tally { inScope: number; complete: number }

/** Complete and in-scope counts per force on `asOf`, for the recommendations `keep` selects. */
function tallies(asOf: string, keep: (publishedIso: string) => boolean = () => true): Map<string, Tally> {
  const latest = new Map<string, string>();
  for (const row of rows) if (row.as_of <= asOf) latest.set(`${row.force_id}|${row.inspection_id}|${row.rec_no}`, row.status);
  const byForce = new Map<string, Tally>();
  for (const force of input.forces) {
    const tally = { inScope: 0, complete: 0 };
    for (const rec of recs) {
      const publishedIso = published.get(rec.inspection_id)!;
      if (publishedIso > asOf || !keep(publishedIso)) continue;
      const status = latest.get(`${force.force_id}|${rec.inspection_id}|${rec.rec_no}`) ?? 'no_update';
      if (status === 'superseded' || status === 'not_applicable') continue;
      tally.inScope++;
      if (status === 'complete') tally.complete++;
    }
    byForce.set(force.force_id, tally);
  }
  return byForce;
}
const pooled = (tallies: Iterable<Tally>) => {
  let inScope = 0, complete = 0;
  for (const t of tallies) { inScope += t.inScope; complete += t.complete; }
  return complete / inScope;
};

describe('the shipped illustrative statuses have the spread of real trackers', () => {
  const atEnd = tallies(DEFAULT_UNTIL);

  it('leave a tail of unfinished items at the last update: compliance well short of 100 %', () => {
    const rate = pooled(atEnd.values());
    expect(rate).toBeGreaterThan(0.5);
    expect(rate).toBeLessThan(0.85);
  });

  it('make forces differ: few at 100 %, and many distinct rates', () => {
    const rates = [...atEnd.values()].map((t) => t.complete / t.inScope);
    expect(rates.filter((r) => r === 1).length).toBeLessThanOrEqual(input.forces.length / 6);
    expect(new Set(rates.map((r) => r.toFixed(3))).size).toBeGreaterThanOrEqual(12);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.4);
  });

  it('make regions differ by more than 20 points', () => {
    const regions = new Map<string, Tally[]>();
    for (const force of input.forces) regions.set(force.region, [...(regions.get(force.region) ?? []), atEnd.get(force.force_id)!]);
    const rates = [...regions.values()].map(pooled);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.2);
  });

  it('have older reports further on than recent ones on the same date', () => {
    const asOf = '2024-09-30';
    const older = pooled(tallies(asOf, (p) => p < '2023-01-01').values());
    const recent = pooled(tallies(asOf, (p) => p >= '2023-06-01').values());
    expect(older).toBeGreaterThan(recent + 0.2);
  });

  it('include trackers that stopped being updated months before the last update', () => {
    const lastUpdate = new Map<string, string>();
    for (const row of rows) if (row.as_of > (lastUpdate.get(row.force_id) ?? '')) lastUpdate.set(row.force_id, row.as_of);
    const yearBefore = `${Number(DEFAULT_UNTIL.slice(0, 4)) - 1}${DEFAULT_UNTIL.slice(4)}`;
    const stale = [...lastUpdate.values()].filter((day) => day < yearBefore);
    expect(stale.length).toBeGreaterThanOrEqual(2);
    expect(stale.length).toBeLessThanOrEqual(input.forces.length / 4);
  });
});
