import * as Plot from '@observablehq/plot';
import { measureInfo, RANK_DEFINITION, type BenchmarkMeasure } from '../../metrics/force/benchmark-measures';
import type { BenchmarkRole, ForceMeasure } from '../../metrics/force/force-benchmark.sql';
import type { GroupAggregate } from '../../metrics/force/peer-aggregates.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { asOfWords, formatPercent } from '../shared/format';
import { BENCHMARK_COLOURS, DOT_OUTLINE, MEDIAN_COLOUR } from '../shared/palette';

/** Who the highlighted columns are, in words for the legend. */
export interface StripNames {
  force: string;
  compare: string | null;
  /** E.g. "North West (the force’s region)". */
  peers: string;
}

const ROLE_ORDER: readonly BenchmarkRole[] = ['force', 'compare', 'peer', 'other'];

function roleLabel(role: BenchmarkRole, names: StripNames): string {
  if (role === 'force') return names.force;
  if (role === 'compare') return names.compare ?? 'Compared force';
  if (role === 'peer') return `Peer group: ${names.peers}`;
  return 'Other forces';
}

/**
 * Every force as one column, best first on the chosen measure: the force dark blue and its peers
 * light blue (the HMICFRS dashboards' convention), with the median force marked.
 */
export function forceStripChart(
  rows: readonly ForceMeasure[],
  groups: readonly GroupAggregate[],
  measure: BenchmarkMeasure,
  names: StripNames,
  context: ChartContext,
): ChartSpec {
  const info = measureInfo(measure);
  const roles = ROLE_ORDER.filter((role) => role !== 'compare' || names.compare !== null);
  // The SQL orders by rank (best first), unranked last.
  const labelled = rows
    .filter((row) => row.measure === measure)
    .map((row) => ({ ...row, roleLabel: roleLabel(row.role, names) }));
  type Labelled = (typeof labelled)[number];
  const valued = labelled.filter((row) => row.value !== null);
  const median = groups.find((g) => g.group === 'nation' && g.measure === measure)?.median ?? null;
  // Besides colour: the force (and a compared force) are marked ► in the axis, peers △.
  const marker = new Map(valued.map((d) => [d.name, d.role === 'peer' ? '△ ' : d.role === 'other' ? '' : '► ']));
  const describe = (d: Labelled) =>
    `${d.name} (${d.region}): ${formatPercent(d.value)} (${d.numerator} of ${d.denominator}), rank ${d.rank} of ${d.ranked}`;

  const marks: Plot.Markish[] = [
    Plot.barY(valued, { x: 'name', y: 'value', fill: 'roleLabel', stroke: DOT_OUTLINE, strokeWidth: 0.5, title: describe }),
    Plot.ruleY([0]),
    Plot.dot(valued.filter((d) => d.role === 'peer'), {
      x: 'name', y: 'value', dy: -8, symbol: 'triangle', r: 4, fill: BENCHMARK_COLOURS.peer, stroke: DOT_OUTLINE, title: describe,
    }),
  ];
  if (median !== null) {
    marks.push(
      Plot.ruleY([median], { stroke: MEDIAN_COLOUR, strokeDasharray: '4,3' }),
      Plot.text([median], {
        y: (d: number) => d, frameAnchor: 'right', textAnchor: 'end', dy: -7, fill: MEDIAN_COLOUR,
        text: () => `Median force ${formatPercent(median)}`,
      }),
    );
  }

  return {
    id: 'force-strip',
    title: `${info.label}: ${names.force} among all forces`,
    asOf: context.asOf,
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope} · one column per force, best first${info.higherIsBetter ? '' : ' (lowest first)'}; dashed line: median force`,
    source: context.source,
    notes: [info.definition, RANK_DEFINITION],
    plot: {
      height: 400,
      marginTop: 30,
      marginBottom: 140,
      marginLeft: 50,
      x: { domain: valued.map((d) => d.name), label: null, tickRotate: -90, tickSize: 0, tickFormat: (name: string) => `${marker.get(name) ?? ''}${name}` },
      y: { domain: [0, 1], tickFormat: '%', label: `↑ ${info.label}`, grid: true },
      color: {
        domain: roles.map((role) => roleLabel(role, names)),
        range: roles.map((role) => BENCHMARK_COLOURS[role]),
        legend: true,
      },
      marks,
    },
    table: {
      columns: [
        { key: 'rank', label: 'Rank', format: 'integer' },
        { key: 'name', label: 'Force', format: 'text' },
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'roleLabel', label: 'Shown as', format: 'text' },
        { key: 'value', label: info.label, format: 'percent' },
        { key: 'numerator', label: 'Numerator', format: 'integer' },
        { key: 'denominator', label: 'Denominator', format: 'integer' },
        { key: 'percentile', label: 'Percentile', format: 'percent' },
      ],
      rows: labelled.map(({ rank, name, region, roleLabel: shownAs, value, numerator, denominator, percentile }) => ({
          rank, name, region, roleLabel: shownAs, value, numerator, denominator, percentile,
        })),
    },
  };
}
