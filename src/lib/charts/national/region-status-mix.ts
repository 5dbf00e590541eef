import * as Plot from '@observablehq/plot';
import type { PairStatus } from '../../data/schema';
import type { RegionStatusShare } from '../../metrics/national/national.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { asOfWords, formatPercent } from '../shared/format';
import { HIGHLIGHT_OUTLINE, REGION_ORDER, STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER, STATUS_TEXT_COLOURS } from '../shared/palette';
import { pickable, type Pick } from '../shared/pick';

const label = (status: string): string => STATUS_LABELS[status as PairStatus] ?? status;

/**
 * Each region's force × recommendation pairs split by status, as proportional bars; the selected
 * force's own mix on top (`forceRows`), the highlighted region outlined. A bar click picks its region.
 */
export function regionStatusMixChart(
  rows: readonly RegionStatusShare[], context: ChartContext, forceRows: readonly RegionStatusShare[] = [],
): ChartSpec {
  const force = context.highlight?.force ?? null;
  const forceGroup = force ? `${force.name} (selected)` : null;
  const labelled = [
    ...(forceGroup ? forceRows.map((row) => ({ ...row, group: forceGroup })) : []),
    ...rows.map((row) => ({ ...row, group: row.region })),
  ].map((row) => ({ ...row, statusLabel: label(row.status) }));
  type Bar = (typeof labelled)[number];
  const statusDomain = STATUS_ORDER.map(label);
  const regions = REGION_ORDER.filter((region) => rows.some((row) => row.region === region));
  const groups = [...(forceGroup && forceRows.length > 0 ? [forceGroup] : []), ...regions];
  const highlighted = groups.filter((group) => group === context.highlight?.region || group === forceGroup);
  const pick = (d: Bar): Pick => (d.group === forceGroup && force ? { force: force.id } : { region: d.region });
  return {
    id: 'region-status-mix',
    asOf: context.asOf,
    title: 'Status mix by region',
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)} · share of force × recommendation pairs`,
    source: context.source,
    plot: {
      marginLeft: 170,
      height: groups.length * 34 + 70,
      x: { domain: [0, 1], tickFormat: '%', label: 'Share of pairs →' },
      y: { domain: groups, label: null },
      color: { domain: statusDomain, range: STATUS_ORDER.map((s) => STATUS_COLOURS[s]), legend: true },
      marks: [
        Plot.barX(labelled, Plot.stackX({
          x: 'share',
          y: 'group',
          fill: 'statusLabel',
          order: statusDomain,
          title: (d: Bar) => `${d.group}: ${d.statusLabel} ${formatPercent(d.share)} (${d.pairs} pairs)`,
          render: pickable(labelled, pick),
        })),
        // Percentages on the wider segments, so colour is not the only cue.
        Plot.text(labelled, Plot.stackX({
          x: 'share',
          y: 'group',
          order: statusDomain,
          z: 'statusLabel',
          text: (d: Bar) => (d.share >= 0.08 ? formatPercent(d.share) : ''),
          fill: (d: Bar) => STATUS_TEXT_COLOURS[d.status as PairStatus] ?? 'black',
          // A click on a label lands on its bar.
          pointerEvents: 'none',
        })),
        Plot.barX(highlighted, { x1: 0, x2: 1, y: (d: string) => d, fill: 'none', stroke: HIGHLIGHT_OUTLINE, strokeWidth: 2.5, pointerEvents: 'none' }),
      ],
    },
    table: {
      columns: [
        { key: 'group', label: 'Region', format: 'text' },
        { key: 'statusLabel', label: 'Status', format: 'text' },
        { key: 'pairs', label: 'Pairs', format: 'integer' },
        { key: 'share', label: 'Share', format: 'percent' },
      ],
      rows: labelled.map(({ group, statusLabel, pairs, share }) => ({ group, statusLabel, pairs, share })),
    },
  };
}
