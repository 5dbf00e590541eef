import type { Filters } from '../../metrics/common/filters';
import type { PairStatus } from '../../data/schema';
import type { ChartContext, ChartHighlight } from './chart-spec';
import { STATUS_LABELS } from './palette';
import { formatInteger } from './format';

/** Report titles by id, so subtitles name reports as people do; an id without a title shows as it is. */
export type InspectionTitles = ReadonlyMap<string, string>;

/**
 * The most reports a subtitle names one by one. A user's extract can cover hundreds, and the views
 * open on every report it covers: their titles made a subtitle thousands of characters long (on a
 * phone, 2,000 px above a chart). Past this, the subtitle says how many.
 */
const MOST_REPORTS_NAMED = 3;

/** The reports a filter chooses, in words ("report: …", "reports: …; …", "210 reports"); null when it chooses none. */
export function reportWords(ids: readonly string[], titles: InspectionTitles = new Map()): string | null {
  if (ids.length === 0) return null;
  if (ids.length > MOST_REPORTS_NAMED) return `${formatInteger(ids.length)} reports`;
  return `${ids.length === 1 ? 'report' : 'reports'}: ${ids.map((id) => titles.get(id) ?? id).join('; ')}`;
}

/** The words every chart's subtitle and source take from the filters and the loaded data. */
export function chartContext(
  filters: Filters, source: string, highlight?: ChartHighlight, titles: InspectionTitles = new Map(),
): ChartContext {
  const title = (id: string) => titles.get(id) ?? id;
  // A region narrows these figures to its forces ("Wales only"); charts that show every force say "Wales highlighted" instead.
  const scope = [filters.region ? `${filters.region} only` : 'All of England and Wales'];
  const reports = reportWords(filters.inspections, titles);
  if (reports) scope.push(reports);
  if (filters.statuses.length > 0) {
    scope.push(`status: ${filters.statuses.map((s: PairStatus) => STATUS_LABELS[s]).join(', ')}`);
  }
  if (filters.recommendation) {
    scope.push(`recommendation ${filters.recommendation.recNo} of ${title(filters.recommendation.inspectionId)}`);
  }
  return {
    asOf: filters.asOf,
    scope: scope.join(' · '),
    pendingCountsAsComplete: filters.pendingCountsAsComplete,
    source,
    ...(highlight ? { highlight } : {}),
  };
}

/**
 * The context of a chart that compares forces or regions: it shows them all, so its scope leaves
 * the region out and the region (and a selected force) are highlighted instead.
 */
export function comparisonContext(
  filters: Filters, source: string, force: ChartHighlight['force'] = null, titles: InspectionTitles = new Map(),
): ChartContext {
  return chartContext({ ...filters, region: null }, source, { region: filters.region, force }, titles);
}

/** "Wales highlighted · Kent selected", for the subtitles of charts that show every force. */
export function highlightWords(context: ChartContext): string {
  const words: string[] = [];
  if (context.highlight?.region) words.push(`${context.highlight.region} highlighted`);
  if (context.highlight?.force) words.push(`${context.highlight.force.name} selected`);
  return words.map((w) => ` · ${w}`).join('');
}
