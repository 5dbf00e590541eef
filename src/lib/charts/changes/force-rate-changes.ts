import * as Plot from '@observablehq/plot';
import type { ChangePeriod, ForceChange } from '../../metrics/changes/changes.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { formatDate, formatPercent } from '../shared/format';
import { CHANGE_COLOURS } from '../shared/palette';
import { pickable } from '../shared/pick';
import { periodWords } from './period-words';

const direction = (d: ForceChange) =>
  d.rate_change === null || d.rate_change === 0 ? 'same' : d.rate_change > 0 ? 'up' : 'down';

/**
 * Each force's compliance rate on the earlier date (hollow dot) and the later one (filled), joined,
 * the forces whose rate rose most at the top: a dumbbell chart. A click picks the force.
 */
export function forceRateChangesChart(rows: readonly ForceChange[], period: ChangePeriod, context: ChartContext): ChartSpec {
  // Forces with a rate at both ends, in the order the SQL gives, then by the signed change.
  const rated = rows
    .filter((row) => row.rate_change !== null)
    .sort((a, b) => b.rate_change! - a.rate_change! || a.name.localeCompare(b.name));
  const order = rated.map((row) => row.name);
  const title = (d: ForceChange) =>
    `${d.name}: ${formatPercent(d.rate_from)} → ${formatPercent(d.rate_to)}; rank ${d.rank_from} → ${d.rank_to}`;
  return {
    id: 'force-rate-changes',
    asOf: period.to,
    title: 'How each force’s compliance rate moved',
    subtitle: `${periodWords(period, context)} · hollow dot: ${formatDate(period.from)}, filled: ${formatDate(period.to)}; rose most at the top`,
    source: context.source,
    plot: {
      marginLeft: 140,
      height: Math.max(120, rated.length * 17 + 60),
      x: { domain: [0, 1], tickFormat: '%', label: 'Compliance rate (complete ÷ in scope) →', grid: true },
      y: { domain: order, label: null },
      color: {
        domain: ['up', 'down', 'same'],
        range: [CHANGE_COLOURS.up, CHANGE_COLOURS.down, CHANGE_COLOURS.same],
        tickFormat: (d: string) => ({ up: 'Rose', down: 'Fell', same: 'No change' })[d] ?? d,
        legend: true,
      },
      marks: [
        Plot.ruleY(rated, { y: 'name', x1: 'rate_from', x2: 'rate_to', stroke: direction, strokeWidth: 2 }),
        Plot.dot(rated, { x: 'rate_from', y: 'name', stroke: direction, fill: 'white', r: 4, title }),
        Plot.dot(rated, {
          x: 'rate_to', y: 'name', fill: direction, r: 4.5, title,
          render: pickable(rated, (d) => ({ force: d.force_id })),
        }),
      ],
    },
    table: {
      columns: [
        { key: 'name', label: 'Force', format: 'text' },
        { key: 'region', label: 'Region', format: 'text' },
        { key: 'rate_from', label: `Rate on ${formatDate(period.from)}`, format: 'percent' },
        { key: 'rate_to', label: `Rate on ${formatDate(period.to)}`, format: 'percent' },
        { key: 'rate_change', label: 'Change (percentage points)', format: 'text' },
        { key: 'rank_from', label: `Rank on ${formatDate(period.from)}`, format: 'integer' },
        { key: 'rank_to', label: `Rank on ${formatDate(period.to)}`, format: 'integer' },
        { key: 'became_complete', label: 'Became complete', format: 'integer' },
        { key: 'became_overdue', label: 'Slipped into overdue', format: 'integer' },
        { key: 'went_backwards', label: 'Went backwards', format: 'integer' },
      ],
      rows: rows.map((d) => ({
        name: d.name, region: d.region, rate_from: d.rate_from, rate_to: d.rate_to,
        rate_change: percentagePoints(d.rate_change), rank_from: d.rank_from, rank_to: d.rank_to,
        became_complete: d.became_complete, became_overdue: d.became_overdue, went_backwards: d.went_backwards,
      })),
    },
  };
}

/** 0.0833 → "+8 points"; null → "–". */
export function percentagePoints(change: number | null): string {
  if (change === null) return '–';
  const points = Math.round(change * 100);
  return points > 0 ? `+${points} points` : points < 0 ? `−${Math.abs(points)} points` : 'no change';
}
