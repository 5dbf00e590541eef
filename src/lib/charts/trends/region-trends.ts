import * as Plot from '@observablehq/plot';
import type { TrendPoint } from '../../metrics/national/trends.sql';
import { DEFINITIONS } from '../../metrics/common/definitions';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { asOfWords, formatDate, formatPercent } from '../shared/format';
import { HIGHLIGHT_OUTLINE, REGION_ORDER, TREND_COLOURS } from '../shared/palette';
import { pickable } from '../shared/pick';
import { NATION } from './trend-series';

const PANELS_PER_ROW = 5;

interface PanelPoint extends TrendPoint {
  panel: string;
  col: number;
  row: number;
  when: Date;
}

/**
 * Small multiples: each region's compliance rate over time (dark blue) against England and Wales
 * (grey) in its own panel; the selected force (dotted) in its region's panel; the highlighted region's
 * panel outlined. Clicking a panel picks its region.
 */
export function regionTrendsChart(trends: readonly TrendPoint[], forceTrend: readonly TrendPoint[], context: ChartContext): ChartSpec {
  const regions = REGION_ORDER.filter((region) => trends.some((p) => p.region === region));
  const place = (panel: string) => {
    const i = regions.indexOf(panel as (typeof regions)[number]);
    return { panel, col: i % PANELS_PER_ROW, row: Math.floor(i / PANELS_PER_ROW) };
  };
  const point = (p: TrendPoint, panel: string): PanelPoint => ({ ...p, ...place(panel), when: new Date(`${p.date}T00:00:00Z`) });
  const nation = trends.filter((p) => p.region === null);
  const own = trends.filter((p) => p.region !== null).map((p) => point(p, p.region!));
  const behind = regions.flatMap((region) => nation.map((p) => point(p, region)));
  const force = context.highlight?.force ?? null;
  const forceLine = force && regions.includes(force.region as never) ? forceTrend.map((p) => point(p, force.region)) : [];
  const first = nation[0]?.date;
  const last = nation.at(-1)?.date;
  const panels = first && last
    ? regions.map((region) => ({ ...place(region), from: new Date(`${first}T00:00:00Z`), to: new Date(`${last}T00:00:00Z`) }))
    : [];
  const facet = { fx: 'col', fy: 'row' } as const;
  const forceWords = force ? ` Dotted: ${force.name}.` : '';
  return {
    id: 'region-trends',
    asOf: context.asOf,
    title: 'Each region’s compliance rate over time, against England and Wales',
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)} · pooled, at each month end`,
    source: context.source,
    notes: [`Dark blue: the region. Grey: England and Wales.${forceWords}`, DEFINITIONS.trendSeries],
    // Five panels a row stay legible down to about 110 px each; a phone scrolls them inside the frame.
    minWidth: PANELS_PER_ROW * 110 + 40,
    plot: {
      height: Math.ceil(regions.length / PANELS_PER_ROW) * 170 + 40,
      marginTop: 10,
      fx: { axis: null, padding: 0.08 },
      fy: { axis: null, padding: 0.12 },
      x: { type: 'utc', label: null, ticks: 3 },
      y: { domain: [0, 1], tickFormat: '%', ticks: 4, label: null, grid: true },
      marks: [
        Plot.rect(panels, {
          ...facet, x1: 'from', x2: 'to', y1: 0, y2: 1, fill: 'white', fillOpacity: 0,
          render: pickable(panels, (d) => ({ region: d.panel })),
        }),
        Plot.rect(panels.filter((p) => p.panel === context.highlight?.region), {
          ...facet, x1: 'from', x2: 'to', y1: 0, y2: 1, fill: 'none', stroke: HIGHLIGHT_OUTLINE, strokeWidth: 2.5, pointerEvents: 'none',
        }),
        // Lines and labels let a click through to the panel beneath.
        Plot.line(behind, { ...facet, x: 'when', y: 'rate', z: 'panel', stroke: TREND_COLOURS.context, strokeWidth: 1.5, pointerEvents: 'none' }),
        Plot.line(own, {
          ...facet, x: 'when', y: 'rate', z: 'panel', stroke: TREND_COLOURS.nation, strokeWidth: 2.5, pointerEvents: 'none',
          title: (d: PanelPoint) => `${d.panel}, ${formatDate(d.date)}: ${formatPercent(d.rate)}`,
        }),
        Plot.line(forceLine, { ...facet, x: 'when', y: 'rate', stroke: TREND_COLOURS.force, strokeWidth: 2, strokeDasharray: '2,2', pointerEvents: 'none' }),
        // Long region names wrap inside their panel rather than run into the next one.
        Plot.text(panels, { ...facet, text: 'panel', frameAnchor: 'top-left', dx: 4, dy: 4, lineWidth: 8, fontWeight: 'bold', pointerEvents: 'none' }),
      ],
    },
    table: {
      columns: [
        { key: 'series', label: 'Region', format: 'text' },
        { key: 'date', label: 'As on', format: 'text' },
        { key: 'rate', label: 'Compliance rate', format: 'percent' },
        { key: 'complete', label: 'Complete', format: 'integer' },
        { key: 'in_scope', label: 'In scope', format: 'integer' },
      ],
      rows: [...nation.map((p) => ({ ...p, series: NATION })), ...own.map((p) => ({ ...p, series: p.panel }))]
        .map(({ series, date, rate, complete, in_scope }) => ({ series, date: formatDate(date), rate, complete, in_scope })),
    },
  };
}
