import type { ChartBlock, ProseBlock, SqlBlock } from './notebook';

/**
 * The columns a notebook's charts declare as percentages (x_format or y_format: percent), by the
 * SQL block they draw from, so that block's table shows them as percentages too: the format is
 * declared once, in the chart.
 */
export function percentColumns(blocks: readonly (ProseBlock | SqlBlock | ChartBlock)[]): Map<string, Set<string>> {
  const byBlock = new Map<string, Set<string>>();
  for (const block of blocks) {
    if (block.kind !== 'chart' || !block.options.from) continue;
    const from = block.options.from.toLowerCase();
    const columns = byBlock.get(from) ?? new Set<string>();
    if (block.options.xFormat === 'percent') columns.add(block.options.x);
    if (block.options.yFormat === 'percent') columns.add(block.options.y);
    byBlock.set(from, columns);
  }
  return byBlock;
}
