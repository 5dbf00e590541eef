import * as Plot from '@observablehq/plot';
import type { ForceCompliance } from '../../metrics/national/national.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { asOfWords, formatPercent } from '../shared/format';
import { HIGHLIGHT_OUTLINE, MEDIAN_COLOUR, REGION_COLOURS, REGION_ORDER } from '../shared/palette';
import { pickable } from '../shared/pick';

/**
 * The forces ranked by compliance rate, coloured by region, with the median force marked; a
 * highlighted region's forces stand out, a selected force is outlined, and a bar click picks its force.
 */
export function forceRankingChart(rows: readonly ForceCompliance[], context: ChartContext): ChartSpec {
  // Best first, ties by name; a shared rank reads "3=" so that equal bars show as ties.
  const rated = rows.filter((row) => row.rate !== null);
  const shared = new Set(rated.map((row) => row.rank).filter((rank, i, all) => all.indexOf(rank) !== i));
  const ranked = [...rated]
    .sort((a, b) => b.rate! - a.rate! || a.name.localeCompare(b.name))
    .map((row) => ({ ...row, label: `${row.rank}${shared.has(row.rank) ? '=' : ''} ${row.name}` }));
  type Ranked = (typeof ranked)[number];
  const median = rows[0]?.median_rate ?? null;
  const region = context.highlight?.region ?? null;
  const selected = ranked.filter((row) => row.force_id === context.highlight?.force?.id);
  const marks: Plot.Markish[] = [
    Plot.barX(ranked, {
      x: 'rate',
      y: 'label',
      fill: 'region',
      title: (d: Ranked) =>
        `${d.name} (${d.region}), rank ${d.rank}${shared.has(d.rank) ? ' (tied)' : ''}: ${formatPercent(d.rate)}, ${d.complete} of ${d.in_scope} complete, ${d.overdue} overdue`,
      ...(region ? { fillOpacity: (d: Ranked) => (d.region === region ? 1 : 0.25) } : {}),
      render: pickable(ranked, (d) => ({ force: d.force_id })),
    }),
    Plot.ruleX([0]),
  ];
  if (selected.length > 0) {
    marks.push(
      Plot.barX(selected, { x: 'rate', y: 'label', fill: 'none', stroke: HIGHLIGHT_OUTLINE, strokeWidth: 2.5, pointerEvents: 'none' }),
      Plot.text(selected, { x: 'rate', y: 'label', text: () => '◀ selected', textAnchor: 'start', dx: 4, fontWeight: 'bold', pointerEvents: 'none' }),
    );
  }
  if (median !== null) {
    marks.push(
      Plot.ruleX([median], { stroke: MEDIAN_COLOUR, strokeWidth: 2, strokeDasharray: '4,3' }),
      Plot.text([median], {
        x: (d: number) => d,
        frameAnchor: 'top',
        textAnchor: 'end',
        dx: -4,
        dy: -14,
        text: () => `Median force ${formatPercent(median)}`,
        fill: MEDIAN_COLOUR,
        fontWeight: 'bold',
      }),
    );
  }
  return {
    id: 'force-ranking',
    asOf: context.asOf,
    title: 'Forces ranked by compliance rate',
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)}`,
    source: context.source,
    plot: {
      marginLeft: 160,
      marginTop: 30,
      height: Math.max(120, ranked.length * 17 + 60),
      x: { domain: [0, 1], tickFormat: '%', label: 'Compliance rate (complete ÷ in scope) →', grid: true },
      y: { domain: ranked.map((row) => row.label), label: null },
      color: { domain: [...REGION_ORDER], range: [...REGION_COLOURS], legend: true },
      marks,
    },
    table: {
      columns: [
        { key: 'rank', label: 'Rank', format: 'integer' },
        { key: 'name', label: 'Force', format: 'text' },
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'rate', label: 'Compliance rate', format: 'percent' },
        { key: 'complete', label: 'Complete', format: 'integer' },
        { key: 'in_scope', label: 'In scope', format: 'integer' },
        { key: 'overdue', label: 'Overdue', format: 'integer' },
      ],
      rows: rows.map(({ rank, name, region, rate, complete, in_scope, overdue }) => ({
        rank, name, region, rate, complete, in_scope, overdue,
      })),
    },
  };
}
