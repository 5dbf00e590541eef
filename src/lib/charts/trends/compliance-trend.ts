import type { TrendPoint } from '../../metrics/national/trends.sql';
import type { TrendMarker } from '../../metrics/national/trend-markers.sql';
import { DEFINITIONS } from '../../metrics/common/definitions';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { formatPercent } from '../shared/format';
import { trendChart, type TrendFigure } from './trend-chart';

const COMPLIANCE: TrendFigure = {
  id: 'compliance-trend',
  title: 'Compliance rate over time',
  about: 'pooled, at each month end',
  notes: [DEFINITIONS.complianceRate, DEFINITIONS.trendSeries],
  y: 'rate',
  yAxis: { domain: [0, 1], tickFormat: '%', label: '↑ Compliance rate (complete ÷ in scope)' },
  format: formatPercent,
  unit: '',
  columns: [
    { key: 'rate', label: 'Compliance rate', format: 'percent' },
    { key: 'complete', label: 'Complete', format: 'integer' },
    { key: 'in_scope', label: 'In scope', format: 'integer' },
  ],
};

/** Compliance rate at each month end: England and Wales, and the region and force chosen. */
export function complianceTrendChart(
  trends: readonly TrendPoint[], forceTrend: readonly TrendPoint[], markers: readonly TrendMarker[], context: ChartContext,
): ChartSpec {
  return trendChart(COMPLIANCE, trends, forceTrend, markers, context);
}
