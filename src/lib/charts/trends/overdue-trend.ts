import type { TrendPoint } from '../../metrics/national/trends.sql';
import type { TrendMarker } from '../../metrics/national/trend-markers.sql';
import { DEFINITIONS } from '../../metrics/common/definitions';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { formatInteger } from '../shared/format';
import { trendChart, type TrendFigure } from './trend-chart';

const OVERDUE: TrendFigure = {
  id: 'overdue-trend',
  title: 'Overdue items over time',
  about: 'force × recommendation pairs overdue, at each month end',
  notes: [DEFINITIONS.overdue, DEFINITIONS.trendSeries],
  y: 'overdue',
  yAxis: { zero: true, label: '↑ Overdue items' },
  format: formatInteger,
  unit: ' overdue',
  columns: [
    { key: 'overdue', label: 'Overdue items', format: 'integer' },
    { key: 'in_scope', label: 'In scope', format: 'integer' },
  ],
};

/** The count of overdue items at each month end: England and Wales, and the region and force chosen. */
export function overdueTrendChart(
  trends: readonly TrendPoint[], forceTrend: readonly TrendPoint[], markers: readonly TrendMarker[], context: ChartContext,
): ChartSpec {
  return trendChart(OVERDUE, trends, forceTrend, markers, context);
}
