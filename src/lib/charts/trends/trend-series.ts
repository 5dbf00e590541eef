import * as Plot from '@observablehq/plot';
import type { TrendPoint } from '../../metrics/national/trends.sql';
import type { TrendMarker } from '../../metrics/national/trend-markers.sql';
import type { ChartContext } from '../shared/chart-spec';
import { formatDate } from '../shared/format';
import { PUBLICATION_COLOUR, TREND_COLOURS } from '../shared/palette';

export const NATION = 'England and Wales';

/** One point of one named line. */
export interface TrendRow extends TrendPoint {
  series: string;
  kind: keyof typeof TREND_COLOURS;
  when: Date;
}

const when = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The lines a national trend chart draws: England and Wales always, the highlighted region and the
 * selected force when there are.
 */
export function trendLines(trends: readonly TrendPoint[], forceTrend: readonly TrendPoint[], context: ChartContext): TrendRow[] {
  const region = context.highlight?.region ?? null;
  const force = context.highlight?.force ?? null;
  return [
    ...trends.filter((p) => p.region === null).map((p) => ({ ...p, series: NATION, kind: 'nation' as const, when: when(p.date) })),
    ...trends.filter((p) => region !== null && p.region === region).map((p) => ({ ...p, series: region!, kind: 'region' as const, when: when(p.date) })),
    ...(force ? forceTrend.map((p) => ({ ...p, series: force.name, kind: 'force' as const, when: when(p.date) })) : []),
  ];
}

/** Series names, colours and dashes in drawing order, for the colour scale and the legend. */
export function seriesScale(rows: readonly TrendRow[]): { domain: string[]; range: string[] } {
  const named = [...new Map(rows.map((r) => [r.series, TREND_COLOURS[r.kind]])).entries()];
  return { domain: named.map(([name]) => name), range: named.map(([, colour]) => colour) };
}

export const DASHES: Record<TrendRow['kind'], string> = { nation: 'none', region: '6,3', force: '2,2', context: 'none' };

/** Report publications (solid grey rules) and deadlines (dashed) up to D, with what they were. */
export function markerMarks(markers: readonly TrendMarker[]): Plot.Markish[] {
  const dated = markers.map((m) => ({ ...m, when: when(m.date) }));
  const describe = (m: TrendMarker) =>
    m.kind === 'published'
      ? `Published ${formatDate(m.date)}: ${m.title} (${m.recommendations} recommendations for forces)`
      : `Deadline ${formatDate(m.date)}: ${m.recommendations} recommendation${m.recommendations === 1 ? '' : 's'} of ${m.title}`;
  return [
    Plot.ruleX(dated.filter((m) => m.kind === 'published'), { x: 'when', stroke: PUBLICATION_COLOUR, strokeOpacity: 0.6, title: describe }),
    Plot.ruleX(dated.filter((m) => m.kind === 'deadline'), { x: 'when', stroke: PUBLICATION_COLOUR, strokeDasharray: '2,3', strokeOpacity: 0.8, title: describe }),
  ];
}

/** The words under a trend chart that say what its rules are. */
export const MARKER_NOTE = 'Solid grey lines: reports published. Dotted grey lines: recommendation deadlines.';
