import * as Plot from '@observablehq/plot';
import type { TrendPoint } from '../../metrics/national/trends.sql';
import type { TrendMarker } from '../../metrics/national/trend-markers.sql';
import type { ChartContext, ChartSpec, ChartTable } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { asOfWords, formatDate } from '../shared/format';
import { DASHES, MARKER_NOTE, markerMarks, seriesScale, trendLines, type TrendRow } from './trend-series';

const LABEL_NUDGE: Record<TrendRow['kind'], number> = { nation: 0, region: -12, force: 12, context: 0 };

/** What distinguishes one national trend chart from another: the figure it follows. */
export interface TrendFigure {
  id: string;
  title: string;
  /** Added to the subtitle, e.g. "pooled, at each month end". */
  about: string;
  notes: readonly string[];
  y: keyof Pick<TrendPoint, 'rate' | 'overdue'>;
  yAxis: Plot.ScaleOptions;
  format: (value: number | null) => string;
  /** What the value is, after the number: "" or " overdue". */
  unit: string;
  columns: ChartTable['columns'];
}

/**
 * A line per series (England and Wales; the region highlighted; the force selected), each labelled
 * at its end and dashed differently so colour is not the only cue, over report publications and
 * deadlines.
 */
export function trendChart(
  figure: TrendFigure, trends: readonly TrendPoint[], forceTrend: readonly TrendPoint[], markers: readonly TrendMarker[],
  context: ChartContext,
): ChartSpec {
  const rows = trendLines(trends, forceTrend, context);
  const last = rows.filter((row, i) => rows[i + 1]?.series !== row.series);
  const value = (d: TrendRow) => `${figure.format(d[figure.y])}${figure.unit}`;
  return {
    id: figure.id,
    asOf: context.asOf,
    title: figure.title,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)} · ${figure.about}`,
    source: context.source,
    notes: [...figure.notes, MARKER_NOTE],
    plot: {
      height: 320,
      marginRight: 150,
      x: { type: 'utc', label: null },
      y: { grid: true, ...figure.yAxis },
      color: { ...seriesScale(rows), legend: true },
      marks: [
        ...markerMarks(markers),
        Plot.ruleY([0]),
        // One mark per kind of line: a dash pattern is a constant, not a channel.
        ...(Object.keys(DASHES) as TrendRow['kind'][]).map((kind) =>
          Plot.line(rows.filter((row) => row.kind === kind), {
            x: 'when', y: figure.y, z: 'series', stroke: 'series', strokeWidth: 2.5, strokeDasharray: DASHES[kind],
            title: (d: TrendRow) => `${d.series}, ${formatDate(d.date)}: ${value(d)}`,
          }),
        ),
        // End labels, nudged apart by kind so that lines ending together stay readable.
        ...(Object.keys(LABEL_NUDGE) as TrendRow['kind'][]).map((kind) =>
          Plot.text(last.filter((row) => row.kind === kind), {
            x: 'when', y: figure.y, text: (d: TrendRow) => `${d.series} ${figure.format(d[figure.y])}`,
            fill: 'series', textAnchor: 'start', dx: 6, dy: LABEL_NUDGE[kind],
          }),
        ),
      ],
    },
    table: {
      columns: [{ key: 'series', label: 'Series', format: 'text' }, { key: 'date', label: 'As on', format: 'text' }, ...figure.columns],
      rows: rows.map((row) => ({
        ...Object.fromEntries(figure.columns.map((c) => [c.key, row[c.key as keyof TrendRow] as string | number | null])),
        series: row.series,
        date: formatDate(row.date),
      })),
    },
  };
}
