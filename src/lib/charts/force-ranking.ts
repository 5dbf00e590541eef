import * as Plot from '@observablehq/plot';
import type { ForceCompliance } from '../metrics/national.sql';
import type { ChartContext, ChartSpec } from './chart-spec';
import { asOfWords, formatPercent } from './format';
import { MEDIAN_COLOUR, REGION_COLOURS, REGION_ORDER } from './palette';

/** The forces ranked by compliance rate, coloured by region, with the median force marked. */
export function forceRankingChart(rows: readonly ForceCompliance[], context: ChartContext): ChartSpec {
  const ranked = rows.filter((row) => row.rate !== null);
  const median = rows[0]?.median_rate ?? null;
  const marks: Plot.Markish[] = [
    Plot.barX(ranked, {
      x: 'rate',
      y: 'name',
      fill: 'region',
      sort: { y: '-x' },
      title: (d: ForceCompliance) =>
        `${d.name} (${d.region}): ${formatPercent(d.rate)}, ${d.complete} of ${d.in_scope} complete, ${d.overdue} overdue`,
    }),
    Plot.ruleX([0]),
  ];
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
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}`,
    source: context.source,
    plot: {
      marginLeft: 140,
      marginTop: 30,
      height: Math.max(120, ranked.length * 17 + 60),
      x: { domain: [0, 1], tickFormat: '%', label: 'Compliance rate (complete ÷ in scope) →', grid: true },
      y: { label: null },
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
