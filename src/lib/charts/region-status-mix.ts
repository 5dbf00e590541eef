import * as Plot from '@observablehq/plot';
import type { PairStatus } from '../data/schema';
import type { RegionStatusShare } from '../metrics/national.sql';
import type { ChartContext, ChartSpec } from './chart-spec';
import { asOfWords, formatPercent } from './format';
import { REGION_ORDER, STATUS_COLOURS, STATUS_LABELS, STATUS_ORDER } from './palette';

const label = (status: string): string => STATUS_LABELS[status as PairStatus] ?? status;

/** Each region's force × recommendation pairs split by status, as proportional bars. */
export function regionStatusMixChart(rows: readonly RegionStatusShare[], context: ChartContext): ChartSpec {
  const labelled = rows.map((row) => ({ ...row, statusLabel: label(row.status) }));
  const statusDomain = STATUS_ORDER.map(label);
  const regions = REGION_ORDER.filter((region) => rows.some((row) => row.region === region));
  return {
    id: 'region-status-mix',
    asOf: context.asOf,
    title: 'Status mix by region',
    subtitle: `${asOfWords(context.asOf, context.pendingCountsAsComplete)} · ${context.scope} · share of force × recommendation pairs`,
    source: context.source,
    plot: {
      marginLeft: 170,
      height: regions.length * 34 + 70,
      x: { domain: [0, 1], tickFormat: '%', label: 'Share of pairs →' },
      y: { domain: regions, label: null },
      color: { domain: statusDomain, range: STATUS_ORDER.map((s) => STATUS_COLOURS[s]), legend: true },
      marks: [
        Plot.barX(labelled, Plot.stackX({
          x: 'share',
          y: 'region',
          fill: 'statusLabel',
          order: statusDomain,
          title: (d: (typeof labelled)[number]) => `${d.region}: ${d.statusLabel} ${formatPercent(d.share)} (${d.pairs} pairs)`,
        })),
        // Percentages on the wider segments, so colour is not the only cue.
        Plot.text(labelled, Plot.stackX({
          x: 'share',
          y: 'region',
          order: statusDomain,
          z: 'statusLabel',
          text: (d: (typeof labelled)[number]) => (d.share >= 0.08 ? formatPercent(d.share) : ''),
          fill: (d: (typeof labelled)[number]) => (['no_update', 'pending_closure'].includes(d.status) ? 'black' : 'white'),
        })),
      ],
    },
    table: {
      columns: [
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'statusLabel', label: 'Status', format: 'text' },
        { key: 'pairs', label: 'Pairs', format: 'integer' },
        { key: 'share', label: 'Share', format: 'percent' },
      ],
      rows: labelled.map(({ region, statusLabel, pairs, share }) => ({ region, statusLabel, pairs, share })),
    },
  };
}
