import * as Plot from '@observablehq/plot';
import type { ForceCompliance } from '../../metrics/national/national.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { highlightWords } from '../shared/chart-context';
import { asOfWords, formatPercent } from '../shared/format';
import { HIGHLIGHT_OUTLINE, MEDIAN_COLOUR, REGION_COLOURS, REGION_ORDER } from '../shared/palette';
import { pickable } from '../shared/pick';

/** Every force as a dot within its region, with the region's median force marked. */
export function regionForceRatesChart(rows: readonly ForceCompliance[], context: ChartContext): ChartSpec {
  const rated = rows.filter((row) => row.rate !== null);
  const regions = REGION_ORDER.filter((region) => rows.some((row) => row.region === region));
  const medians = regions.map((region) => ({
    region,
    median: rows.find((row) => row.region === region)?.region_median_rate ?? null,
  })).filter((m) => m.median !== null);
  // Forces of one region with the same rate share a dot's place: say how many, and name them all.
  const sameAs = (row: ForceCompliance) => rated.filter((other) => other.region === row.region && other.rate === row.rate && other !== row);
  const ties = rated
    .filter((row) => sameAs(row).length > 0 && sameAs(row).every((other) => other.name.localeCompare(row.name) > 0))
    .map((row) => ({ ...row, count: sameAs(row).length + 1 }));
  const region = context.highlight?.region ?? null;
  const selected = rated.filter((row) => row.force_id === context.highlight?.force?.id);
  return {
    id: 'region-force-rates',
    asOf: context.asOf,
    title: 'Each force’s compliance rate within its region',
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope}${highlightWords(context)} · black tick: region’s median force; a number over a dot: forces with the same rate`,
    source: context.source,
    plot: {
      marginLeft: 170,
      height: regions.length * 34 + 60,
      x: { domain: [0, 1], tickFormat: '%', label: 'Compliance rate →', grid: true },
      y: { domain: regions, label: null },
      color: { domain: [...REGION_ORDER], range: [...REGION_COLOURS] },
      marks: [
        Plot.tickX(medians, { x: 'median', y: 'region', stroke: MEDIAN_COLOUR, strokeWidth: 3 }),
        Plot.dot(rated, {
          x: 'rate',
          y: 'region',
          fill: 'region',
          stroke: 'white',
          r: 6,
          title: (d: ForceCompliance) => {
            const others = sameAs(d).map((other) => other.name);
            return `${d.name}: ${formatPercent(d.rate)} (region median ${formatPercent(d.region_median_rate)})${others.length > 0 ? `; the same rate: ${others.join(', ')}` : ''}`;
          },
          ...(region ? { fillOpacity: (d: ForceCompliance) => (d.region === region ? 1 : 0.25) } : {}),
          render: pickable(rated, (d) => ({ force: d.force_id })),
        }),
        Plot.text(ties, { x: 'rate', y: 'region', text: (d: (typeof ties)[number]) => `${d.count}`, dy: -13, fontSize: 11, fontWeight: 'bold', pointerEvents: 'none' }),
        ...(selected.length > 0
          ? [
              Plot.dot(selected, { x: 'rate', y: 'region', r: 10, stroke: HIGHLIGHT_OUTLINE, strokeWidth: 2.5, fill: 'none', pointerEvents: 'none' }),
              Plot.text(selected, { x: 'rate', y: 'region', text: 'name', dy: -16, fontWeight: 'bold', pointerEvents: 'none' }),
            ]
          : []),
      ],
    },
    table: {
      columns: [
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'name', label: 'Force', format: 'text' },
        { key: 'rate', label: 'Compliance rate', format: 'percent' },
        { key: 'region_median_rate', label: 'Region median force', format: 'percent' },
      ],
      rows: [...rows]
        .sort((a, b) => REGION_ORDER.indexOf(a.region as never) - REGION_ORDER.indexOf(b.region as never) || a.name.localeCompare(b.name))
        .map(({ region, name, rate, region_median_rate }) => ({ region, name, rate, region_median_rate })),
    },
  };
}
