import { describe, expect, it } from 'vitest';
import { parseNotebook } from '../../../src/lib/notebooks/parse-notebook';
import { percentColumns } from '../../../src/lib/notebooks/percent-columns';
import { SHIPPED_NOTEBOOKS } from '../../../src/lib/notebooks/shipped-notebooks';

/** A rate a chart shows as a percentage shows as one in its query's table too. */
describe('percentage columns of a notebook', () => {
  it('takes them from the charts that declare them, by the block they draw from', () => {
    const shipped = SHIPPED_NOTEBOOKS.find((n) => n.fileName === 'force-on-time-vs-region.md')!;
    const notebook = parseNotebook(shipped.fileName, shipped.source);
    const columns = percentColumns(notebook.blocks);
    expect([...(columns.get('on_time_over_time') ?? [])]).toEqual(['on_time_rate']);
    expect([...(columns.get('region_forces') ?? [])]).toEqual(['on_time_rate']);
  });
});
