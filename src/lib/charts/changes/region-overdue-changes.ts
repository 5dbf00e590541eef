import * as Plot from '@observablehq/plot';
import type { AreaChanges, ChangePeriod } from '../../metrics/changes/changes.sql';
import type { ChartContext, ChartSpec } from '../shared/chart-spec';
import { formatDate } from '../shared/format';
import { CHANGE_COLOURS, REGION_ORDER } from '../shared/palette';
import { pickable } from '../shared/pick';
import { periodWords, signed } from './period-words';

const NATIONAL = 'England and Wales';
const areaName = (d: AreaChanges) => d.region ?? NATIONAL;

/**
 * The change in overdue items between the two dates, for England and Wales and each region, as bars
 * either side of zero, each labelled with its signed change. A region's bar picks the region.
 */
export function regionOverdueChangesChart(rows: readonly AreaChanges[], period: ChangePeriod, context: ChartContext): ChartSpec {
  const regions = REGION_ORDER.filter((region) => rows.some((row) => row.region === region));
  const ordered = [...rows].sort((a, b) => order(a) - order(b));
  const areas = [...(rows.some((r) => r.region === null) ? [NATIONAL] : []), ...regions];
  const more = CHANGE_COLOURS.down; // more overdue is worse: the same colour as a falling rate
  const fewer = CHANGE_COLOURS.up;
  return {
    id: 'region-overdue-changes',
    asOf: period.to,
    title: 'Change in overdue items by region',
    subtitle: `${periodWords(period, context)} · overdue on ${formatDate(period.to)} minus overdue on ${formatDate(period.from)}`,
    source: context.source,
    plot: {
      marginLeft: 170,
      marginRight: 40,
      insetLeft: 30,
      height: areas.length * 30 + 60,
      x: { label: 'Change in overdue items →', grid: true, ticks: wholeNumbers(ordered.map((d) => d.overdue_change)), tickFormat: signed },
      y: { domain: areas, label: null },
      marks: [
        Plot.barX(ordered, {
          x: 'overdue_change', y: areaName,
          fill: (d: AreaChanges) => (d.overdue_change > 0 ? more : d.overdue_change < 0 ? fewer : CHANGE_COLOURS.same),
          title: (d: AreaChanges) => `${areaName(d)}: ${d.overdue_from} → ${d.overdue_to} overdue (${signed(d.overdue_change)})`,
          render: pickable(ordered, (d) => (d.region ? { region: d.region } : {})),
        }),
        // Each label just beyond its bar's end, so it never sits on the bar's colour.
        Plot.text(ordered.filter((d) => d.overdue_change >= 0), {
          x: 'overdue_change', y: areaName, text: (d: AreaChanges) => signed(d.overdue_change), textAnchor: 'start', dx: 4,
        }),
        Plot.text(ordered.filter((d) => d.overdue_change < 0), {
          x: 'overdue_change', y: areaName, text: (d: AreaChanges) => signed(d.overdue_change), textAnchor: 'end', dx: -4,
        }),
        Plot.ruleX([0]),
      ],
    },
    table: {
      columns: [
        { key: 'area', label: 'Area', format: 'text' },
        { key: 'overdue_from', label: `Overdue on ${formatDate(period.from)}`, format: 'integer' },
        { key: 'overdue_to', label: `Overdue on ${formatDate(period.to)}`, format: 'integer' },
        { key: 'change', label: 'Change', format: 'text' },
        { key: 'became_overdue', label: 'Slipped into overdue', format: 'integer' },
        { key: 'became_complete', label: 'Became complete', format: 'integer' },
        { key: 'came_into_scope', label: 'Came into scope', format: 'integer' },
      ],
      rows: ordered.map((d) => ({
        area: areaName(d), overdue_from: d.overdue_from, overdue_to: d.overdue_to, change: signed(d.overdue_change),
        became_overdue: d.became_overdue, became_complete: d.became_complete, came_into_scope: d.came_into_scope,
      })),
    },
  };
}

/** England and Wales first, then the regions north to south. */
function order(row: AreaChanges): number {
  return row.region === null ? -1 : REGION_ORDER.indexOf(row.region as (typeof REGION_ORDER)[number]);
}

/** Whole-number ticks from the smallest change to the largest (and zero), at most about ten. */
function wholeNumbers(changes: readonly number[]): number[] {
  const low = Math.min(0, ...changes);
  const high = Math.max(0, ...changes);
  const step = Math.max(1, Math.ceil((high - low) / 10));
  const ticks: number[] = [];
  for (let tick = Math.ceil(low / step) * step; tick <= high; tick += step) ticks.push(tick);
  return ticks;
}
