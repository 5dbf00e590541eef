import type { Connector } from '../lib/db/connector';
import type { Filters } from '../lib/metrics/common/filters';
import type { ChartContext, ChartSpec } from '../lib/charts/shared/chart-spec';
import { reportWords, type InspectionTitles } from '../lib/charts/shared/chart-context';
import { forceStripChart, type StripNames } from '../lib/charts/force/force-strip';
import { forceHistoryChart } from '../lib/charts/force/force-history';
import { statusMatrixChart } from '../lib/charts/inspection/status-matrix';
import { completionCurvesChart } from '../lib/charts/trends/completion-curves';
import { onTimeRateChart } from '../lib/charts/trends/on-time-rate';
import type { BenchmarkMeasure } from '../lib/metrics/force/benchmark-measures';
import { loadForceView, type ForceViewData } from '../lib/metrics/force/force-view';
import { loadInspectionView, type InspectionViewData } from '../lib/metrics/inspection/inspection-view';
import { forceList, inspectionList, type InspectionListing } from '../lib/metrics/common/reference-lists.sql';
import { forceParamsFromSearch } from '../lib/state/url/force-params';
import { inspectionParamsFromSearch, type MatrixSort } from '../lib/state/url/inspection-params';
import { peerChoiceFromSearch, peerChoiceLabel, peerMembers } from '../lib/state/peers/peer-groups';
import { forceFreshness, type Freshness } from '../lib/metrics/national/freshness.sql';
import { markStaleForceAxis } from '../lib/charts/shared/freshness-marks';
import { staleDaysFromSearch } from '../lib/state/url/stale-param';

/** The words under the force and inspection views' charts, from the filters they honour. */
export function subjectChartContext(filters: Filters, scope: string, source: string): ChartContext {
  return { asOf: filters.asOf, scope, pendingCountsAsComplete: filters.pendingCountsAsComplete, source };
}

/** The force view's scope in words: the reports chosen (by title, or how many), or all of them. */
export function inspectionsScope(filters: Filters, titles: InspectionTitles = new Map()): string {
  return reportWords(filters.inspections, titles) ?? 'All inspections';
}

/** The force view's charts: the strip of all forces, then each force's history. */
export function forceCharts(data: ForceViewData, names: StripNames, measure: BenchmarkMeasure, source: string): ChartSpec[] {
  // The force's recommendations name their reports: the titles the scope words use.
  const titles = new Map(data.recommendations.map((report) => [report.inspection_id, report.title]));
  const context = subjectChartContext(data.filters, inspectionsScope(data.filters, titles), source);
  return [
    forceStripChart(data.benchmark, data.groups, measure, names, context),
    forceHistoryChart(data.history, names.force, context),
    ...(data.compareHistory && names.compare
      ? [forceHistoryChart(data.compareHistory, names.compare, context, 'force-history-compare')]
      : []),
  ];
}

/**
 * The inspection view's charts; none for a report with nothing to track (the view says why). Given
 * each force's freshness for this report, the matrix names the forces whose data is stale.
 */
export function inspectionCharts(
  data: InspectionViewData, inspection: InspectionListing, sort: MatrixSort, source: string, freshness: Freshness | null = null,
): ChartSpec[] {
  if (inspection.for_forces === 0 || data.matrix.length === 0) return [];
  const context = subjectChartContext(data.filters, inspection.title, source);
  const matrix = statusMatrixChart(data.matrix, sort, inspection.title, context);
  return [
    freshness ? markStaleForceAxis(matrix, freshness) : matrix,
    completionCurvesChart(data.curves, inspection.title, context),
    onTimeRateChart(data.onTime, inspection.title, context),
  ];
}

/** The force view's charts for an address alone (the embed route): force, compare, peers, measure. */
export async function forceChartsForSearch(db: Connector, filters: Filters, source: string, search: string): Promise<ChartSpec[]> {
  const params = forceParamsFromSearch(search);
  const forces = await forceList(db);
  const focus = forces.find((f) => f.force_id === params.force);
  if (!focus) throw new Error(`There is no force “${params.force ?? ''}” in the data.`);
  const compared = forces.find((f) => f.force_id === params.compare) ?? null;
  const choice = peerChoiceFromSearch(search);
  const subject = { force: focus.force_id, compare: compared?.force_id ?? null, peers: peerMembers(choice, focus.force_id, forces) };
  const names = { force: focus.name, compare: compared?.name ?? null, peers: peerChoiceLabel(choice, focus.force_id, forces) };
  return forceCharts(await loadForceView(db, filters, subject), names, params.measure, source);
}

/** The inspection view's charts for an address alone (the embed route): inspection and sort. */
export async function inspectionChartsForSearch(db: Connector, filters: Filters, source: string, search: string): Promise<ChartSpec[]> {
  const params = inspectionParamsFromSearch(search);
  const inspection = (await inspectionList(db)).find((i) => i.inspection_id === params.inspection);
  if (!inspection) throw new Error(`There is no report “${params.inspection ?? ''}” in the data.`);
  const [data, freshness] = await Promise.all([
    loadInspectionView(db, filters, inspection.inspection_id),
    inspectionFreshness(db, filters, inspection.inspection_id, staleDaysFromSearch(search)),
  ]);
  return inspectionCharts(data, inspection, params.sort, source, freshness);
}

/** Each force's freshness for one report: its updates on that report's recommendations alone. */
export function inspectionFreshness(db: Connector, filters: Filters, inspectionId: string, staleDays: number): Promise<Freshness> {
  return forceFreshness(db, { ...filters, inspections: [inspectionId], region: null, force: null, recommendation: null }, staleDays);
}
